# Which foot through the episode commands: added, shown, changed, its side kept in step, exported.
. tests/cli/lib.sh
export COLUMNS=1000 # lines checked whole
nf run add 10 --date 2026-11-01 --numb-at 6 --side one --severity 3 > "$t/out"
nf episode list > "$t/out"
has "$t/out" "one foot"
nf episode edit 1 --foot right > "$t/out"
has "$t/out" "right foot"
nf run show 1 > "$t/out"
has "$t/out" "numbness   episode 1 at 6.00 km, right foot, severity 3/10"
# a new side that the foot contradicts leaves the foot to follow it
nf episode edit 1 --side both --json > "$t/out"
has "$t/out" '"foot": "both"'
nf episode add last --at 3 --foot left --where "outer edge" > "$t/out"
has "$t/out" "in the outer edge of the foot and little toe, left foot"
nf episode add last --foot both --side one > "$t/out" 2> "$t/err" && fail "both feet as one foot accepted"
has "$t/err" "contradict"
nf export > "$t/out"
python3 - "$t/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
eps = d["runs"][0]["episodes"]
assert [(e["foot"], e["side"]) for e in eps] == [("both", "both"), ("left", "one")], eps
PY
echo ok
