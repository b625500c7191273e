# Onsets recorded in minutes (--numb-at 21min) are the onset figure's data: the report plots them
# in minutes, says so in the figure's title, and does not ask the runner to log what they logged
# ("No data yet"); analyze converts them to a distance at each run's own pace for the interview,
# and says it did.
. tests/cli/lib.sh
export COLUMNS=1000 NO_COLOR=1 NUMBFOOT_NOW=2026-04-01T12:00:00Z
tmp=$t
nf() { "$NUMBFOOT" "$@" --db "$tmp/j.db"; }
m=19
for day in 2026-03-02 2026-03-06 2026-03-10 2026-03-14 2026-03-18; do
	nf run add 10 --date "$day" --duration 45:00 --numb-at ${m}min --foot both >/dev/null 2>&1 || fail "run add $day"
	m=$((m + 1))
done
nf analyze > "$tmp/an.txt"
grep -q "median onset 21 min into the run, about 4.7 km at each run's own average pace" "$tmp/an.txt" ||
	fail "analyze: $(grep -A2 onset_km "$tmp/an.txt")"
command -v pdftotext >/dev/null 2>&1 || { echo "skip: no pdftotext"; exit 0; }
nf report --output "$tmp/r.pdf" >/dev/null 2>&1 || fail "report"
pdftotext "$tmp/r.pdf" "$tmp/r.txt"
grep -q "Onset time per run (minutes, as recorded)" "$tmp/r.txt" || fail "report: no onset figure in minutes"
if grep -B2 -A2 "Onset time per run" "$tmp/r.txt" | grep -q "No data yet"; then
	fail "report: the onset figure says No data yet"
fi
grep -q "onset (minutes into the run)" "$tmp/r.txt" || fail "report: the onset axis is not in minutes"
