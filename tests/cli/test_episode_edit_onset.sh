# 'episode edit --at' kept the other measure of the old onset: an episode at 8 km edited to
# --at 25min read "at 8.00 km at 25 min" (on a 5:24/km run 8 km came at ~43 min), and one at
# 25 min edited to --at 5 read "at 5.00 km at 25 min". The onset given replaces the old one.
. tests/cli/lib.sh
nf run add 10.2 --duration 55:00 --date 2026-11-20 --numb-at 8 --where ball > /dev/null
nf episode edit 1 --at 25min > "$t/out"
has "$t/out" "at 25 min"
lacks "$t/out" "km"
nf episode edit 1 --at 5 > "$t/out"
has "$t/out" "at 5.00 km"
lacks "$t/out" "min"
nf episode list --json > "$t/j"
python3 -c 'import json,sys; e=json.load(open(sys.argv[1]))[0]; assert e["onset_km"] == 5 and e["onset_min"] is None, e' "$t/j"
# Another option leaves the onset as it is.
nf episode edit 1 --severity 3 > "$t/out"
has "$t/out" "at 5.00 km"
echo ok
