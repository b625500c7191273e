#!/bin/sh
# The report's cadence figure and its Training text agree when the runs with a cadence are older
# than the weeks the figures show (files imported from years ago, then a journal typed in without
# a cadence): the text names the runs' dates, and the figure says where they are, not "No data yet"
# beside a cadence of 165.
. tests/cli/lib.sh
need pdftotext
export NUMBFOOT_NOW=2026-12-07 NO_COLOR=1
nf run add 9 --date 2015-08-15 --duration 47:00 --cadence 163 > /dev/null || fail "old run"
nf run add 5 --date 2017-06-11 --duration 30:00 --cadence 167 > /dev/null || fail "old run"
for day in 2026-11-20 2026-11-24 2026-12-01 2026-12-04; do
	nf run add 8 --date "$day" --duration 42:00 --numb-at 6 > /dev/null || fail "run add $day"
done
nf report -o "$t/r.pdf" > /dev/null || fail "report"
pdftotext "$t/r.pdf" - | tr '\n' ' ' | sed 's/  */ /g' > "$t/r.txt"
has "$t/r.txt" "Cadence: 165 steps per minute (median of the latest 2 runs with one; they are from 2015-08-15 to 2017-06-11, before the weeks the figures show)."
sed -n 's/.*Cadence over time \(.\{0,200\}\).*/\1/p' "$t/r.txt" > "$t/fig.txt"
[ -s "$t/fig.txt" ] || fail "no cadence figure: $(cat "$t/r.txt")"
lacks "$t/fig.txt" "No data yet"
has "$t/fig.txt" "The 2 runs with a cadence (2015-08-15 to 2017-06-11) came before the weeks these figures show"
nf report -o "$t/r.html" > /dev/null || fail "report html"
has "$t/r.html" "they are from 2015-08-15 to 2017-06-11, before the weeks the figures show"
