# A journal whose runs begin two weeks ago has no weekly figure and no month before to compare:
# analyze, its JSON and the doctor's report say where the runs begin, never "0.0 km over the 4
# before" (read as a rise from nothing); with five weeks logged, a weekly figure without a change.
. tests/cli/lib.sh
export COLUMNS=1000 NO_COLOR=1 NUMBFOOT_NOW=2026-04-01T12:00:00Z
tmp=$t
nf() { "$NUMBFOOT" "$@" --db "$tmp/j.db"; }
for day in 2026-03-18 2026-03-21 2026-03-25 2026-03-28; do
	nf run add 8 --date "$day" --duration 45:00 >/dev/null 2>&1 || fail "run add $day"
done
nf analyze > "$tmp/an.txt"
grep -q "distance: 32.0 km logged since 2026-03-18 (too short a record for a weekly figure)" "$tmp/an.txt" ||
	fail "analyze: $(grep -i distance "$tmp/an.txt")"
nf analyze --json | python3 -c '
import json, sys
t = json.load(sys.stdin)["training"]
assert t["first_run"] == "2026-03-18" and t["km_recent"] == 32, t
assert t["week_km_recent"] is None and t["week_km_before"] is None and t["week_change_pct"] is None, t'
nf report --output "$tmp/r.html" >/dev/null 2>&1 || fail "report"
grep -q "Distance: 32.0 km logged since 2026-03-18" "$tmp/r.html" || fail "report: no short-record line"
if grep -q "over the 4 before" "$tmp/r.html"; then fail "report compares with weeks not logged"; fi
# Five weeks logged: a weekly figure, and no month before to compare with.
for day in 2026-02-24 2026-03-03 2026-03-10; do
	nf run add 8 --date "$day" --duration 45:00 >/dev/null 2>&1 || fail "run add $day"
done
nf report --output "$tmp/r.html" >/dev/null 2>&1 || fail "report"
grep -q "Weekly distance: 10.0 km a week over the last 4 weeks; the record begins on 2026-02-24, too short a record to compare with the 4 weeks before" "$tmp/r.html" ||
	fail "report: $(grep -o 'Weekly distance[^<]*' "$tmp/r.html")"
