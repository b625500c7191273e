# Feeling not back when the run is logged: a runner can say so (--not-back), and on a run of the
# last 2 days it is the warning sign of numbness not back hours later, said at once in the
# assessment's words, in text and JSON (not_back true, no minutes); with --recover it is refused
# (one or the other); an edit with --recover says it came back, and the report says "not back
# when logged" for such an episode.
. tests/cli/lib.sh
need python3
nf run add 10 --numb-at 6 --not-back --foot left > "$t/add.txt" || fail "run add --not-back"
has "$t/add.txt" "Warning sign: feeling had not come back after the run of"
has "$t/add.txt" "Be seen today"
nf episode list > "$t/list.txt"
has "$t/list.txt" "not back when logged"
rc=0
nf run add 8 --numb-at 3 --not-back --recover 20 > "$t/both.out" 2> "$t/both.err" || rc=$?
[ "$rc" = 2 ] || fail "--not-back with --recover: exit $rc"
has "$t/both.err" "contradict"
[ "$(nf run list | grep -c km)" -ge 1 ] || fail "no runs"
nf run add 12 --numb-at 5 --not-back --json > "$t/add.json" || fail "run add --json"
python3 - "$t/add.json" <<'PY' || fail "the JSON warning sign"
import json, sys
w = json.load(open(sys.argv[1]))["warning_sign"]
assert w["not_back"] is True and w["recover_min"] is None and w["finding"] == "not_settled_hours", w
PY
nf report -o "$t/r.html" > /dev/null
has "$t/r.html" "not back when logged"
nf episode edit 1 --recover 240 > "$t/edit.txt" || fail "episode edit --recover"
has "$t/edit.txt" "gone after 240 min"
nf export > "$t/export.json"
python3 - "$t/export.json" <<'PY' || fail "the export"
import json, sys
eps = [r["episode"] if "episode" in r else r.get("episodes") for r in json.load(open(sys.argv[1]))["runs"]]
flat = []
for e in eps:
    flat += e if isinstance(e, list) else [e] if e else []
assert any(e["not_back"] is False and e["recover_min"] == 240 for e in flat), flat
assert any(e["not_back"] is True for e in flat), flat
PY
