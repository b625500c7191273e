#!/bin/sh
# episode add says the warning sign for numbness that took hours to come back on a run of the last
# 2 days, in the knowledge base's words (the red flag of not_settled_hours, as assess says it), in
# text and in --json ("warning_sign"); run add --json carries it too, and null when there is none.
. tests/cli/lib.sh
export NUMBFOOT_NOW=2026-12-07T18:00:00Z COLUMNS=1000 NO_COLOR=1
says=$(python3 -c "
import json
for f in json.load(open('kb/numbfoot.json'))['triage']['red_flags']:
    if f['finding'] == 'not_settled_hours': print(f['says'])")
[ -n "$says" ] || fail "no red flag for not_settled_hours in kb/numbfoot.json"
nf run add 12 --date 2026-12-06 --duration 60:00 > /dev/null || fail "run add"
nf episode add last --at 8 --recover 15 > "$t/quick" || fail "episode add"
lacks "$t/quick" "Warning sign"
nf episode add last --at 9 --recover 150 > "$t/long" || fail "episode add"
has "$t/long" "Warning sign: feeling took 2.5 hours to come back after the run of 2026-12-06"
has "$t/long" "$says"
nf episode add last --at 10 --recover 240 --json > "$t/long.json" || fail "episode add --json"
python3 - "$t/long.json" "$says" <<'PY' || fail "episode add --json: $(cat "$t/long.json")"
import json, sys
w = json.load(open(sys.argv[1]))["warning_sign"]
assert w["finding"] == "not_settled_hours" and w["level"] == "urgent", w
assert w["says"] == sys.argv[2], w
assert w["recover_min"] == 240, w
PY
nf run add 5 --date 2026-12-07 --duration 30:00 --numb-at 3 --recover 10 --json > "$t/none.json" || fail "run add --json"
python3 -c "import json,sys; assert json.load(open(sys.argv[1]))['warning_sign'] is None" "$t/none.json" || fail "run add --json: no null warning_sign"
nf run add 5 --date 2026-12-07 --duration 30:00 --numb-at 3 --recover 300 --force --json > "$t/sign.json" || fail "run add --json"
python3 -c "import json,sys; assert json.load(open(sys.argv[1]))['warning_sign']['says'] == sys.argv[2]" "$t/sign.json" "$says" || fail "run add --json: $(cat "$t/sign.json")"
