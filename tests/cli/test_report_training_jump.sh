#!/bin/sh
# A jump in weekly distance before the numbness began reaches the assessment and the report: 5 km
# every other day for 8 weeks, then 10 km, the first episode two days after the jump, and no run
# logged in the last 4 weeks before the clock. training_increase is "yes" from the weeks before the
# first episode, weekly_km comes from the weeks that have runs, the assessment takes both, and the
# report gives the same answers with their evidence, not "0 km ... -100%" from the empty last weeks
# (its Training paragraph, which gives those, says when the logging stopped).
. tests/cli/lib.sh
export NUMBFOOT_NOW=2026-12-07 NO_COLOR=1 COLUMNS=2000
python3 -c "
import datetime as D
d = D.date(2026, 9, 1)
while d <= D.date(2026, 11, 8):
    jump = d >= D.date(2026, 10, 27)
    ep = ' --numb-at 6 --where toes_all --foot left' if jump and (d - D.date(2026, 10, 29)).days % 4 == 0 and d >= D.date(2026, 10, 29) else ''
    print(('10' if jump else '5') + ' --date ' + d.isoformat() + ' --duration ' + ('56:00' if jump else '28:00') + ep)
    d += D.timedelta(days=2)
" > "$t/runs"
while read -r line; do
	# shellcheck disable=SC2086
	nf run add $line > /dev/null || fail "run add $line"
done < "$t/runs"

nf analyze > "$t/an.txt"
has "$t/an.txt" "training_increase      yes"
has "$t/an.txt" "weekly distance rose before the first episode (2026-10-29):"
has "$t/an.txt" "weekly_km"
has "$t/an.txt" "the last run logged was on 2026-11-08"

nf assess --from-journal --yes --json --no-save > "$t/a.json"
python3 - "$t/a.json" <<'PY' || fail "the assessment did not take both"
import json, sys
a = json.load(open(sys.argv[1]))["answers"]
assert a.get("training_increase") is True, a
assert 15 <= a.get("weekly_km", -1) <= 40, a
PY

nf report -o "$t/r.html" > /dev/null
has "$t/r.html" "distance or intensity went up noticeably in the weeks before the numbness began: <b>yes</b>"
has "$t/r.html" "weekly distance rose before the first episode (2026-10-29)"
lacks "$t/r.html" "from the 4 weeks before to the last 4"
# the Training paragraph's last 4 weeks are empty because the logging stopped, and it says so
has "$t/r.html" "0.0 km a week over the last 4 weeks, 26.2 km over the 4 before (-100%); no run is logged after 2026-11-08."
# The same from a saved assessment.
nf assess --from-journal --yes > /dev/null
nf report -o "$t/r2.html" > /dev/null
has "$t/r2.html" "distance or intensity went up noticeably in the weeks before the numbness began: <b>yes</b>"
lacks "$t/r2.html" "from the 4 weeks before to the last 4"
