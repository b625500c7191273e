#!/bin/sh
# --now is the data's cut-off as well as the clock: analyze and assess --from-journal leave out the
# runs (with their episodes) that start after it, and the distance they added to the shoes.
. tests/cli/lib.sh
nf gear add blue --first-use 2026-09-01 > /dev/null
# September: five runs without numbness, recovery quick. November: numbness lasting 3 hours.
for d in 02 05 09 12 16; do nf run add 10km --date 2026-09-$d --shoes blue > /dev/null; done
for d in 03 06 09; do nf run add 10km --date 2026-11-$d --shoes blue --numb-at 6km --foot left --recover 180 > /dev/null; done

nf analyze --now 2026-12-01 > "$t/all.txt"
has "$t/all.txt" "resolve_minutes"
has "$t/all.txt" "80 of 800 km"

nf analyze --now 2026-10-20 > "$t/oct.txt"
lacks "$t/oct.txt" "resolve_minutes"
lacks "$t/oct.txt" "weeks_since_onset"
has "$t/oct.txt" "50 of 800 km"
nf analyze --now 2026-10-20 --json > "$t/oct.json"
lacks "$t/oct.json" '"resolve_minutes"'

# In October the journal answers nothing (no numbness yet), so there is nothing to assess.
rc=0
nf assess --from-journal --yes --json --no-save --now 2026-10-20 > "$t/a.json" 2> "$t/a.err" < /dev/null || rc=$?
[ "$rc" = 2 ] || fail "October: exit $rc, wanted 2"
has "$t/a.err" "nothing to assess"
lacks "$t/a.json" '"resolve_minutes"'
nf assess --from-journal --yes --json --no-save --now 2026-12-01 > "$t/b.json" < /dev/null
has "$t/b.json" '"resolve_minutes": 180'
