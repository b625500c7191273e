#!/bin/sh
# The report for a doctor speaks of what to record in words, not in command-line syntax (the
# analysis's hints keep it for the terminal: `analyze` still says "--numb-at"), and it lists the
# runner's own notes on the runs and episodes beside the episode history, escaped in the HTML.
. tests/cli/lib.sh
need pdftotext
export NUMBFOOT_NOW=2026-12-07 NO_COLOR=1
nf run add 10 --date 2026-11-20 --duration 48:00 --numb-at 8 --notes 'Tempo in racers <fast> & tingling front of left foot' > /dev/null || fail "run add"
nf run add 6 --date 2026-11-24 --duration 35:00 --notes 'easy, no numbness' > /dev/null || fail "run add"
nf run add 12 --date 2026-12-01 --duration 57:00 > /dev/null || fail "run add"
nf episode add last --at 7 --notes 'gone 10 min after stopping' > /dev/null || fail "episode add"
nf analyze > "$t/an.txt"
has "$t/an.txt" "--numb-at"
nf report -o "$t/r.pdf" > /dev/null || fail "report pdf"
nf report -o "$t/r.html" > /dev/null || fail "report html"
pdftotext "$t/r.pdf" - | tr '\n' ' ' | sed 's/  */ /g' > "$t/r.txt"
sed 's/<[^>]*>/ /g' "$t/r.html" > "$t/h.txt"
for f in "$t/r.txt" "$t/h.txt"; do
	for syntax in -- "run add" "gear add" "episode add" "numbfoot import" "numbfoot report --" "numbfoot assess"; do
		lacks "$f" "$syntax"
	done
done
has "$t/r.txt" "Record where the numbness starts on"
has "$t/r.txt" "The runner's notes:"
has "$t/r.txt" "2026-11-20, the run: Tempo in racers <fast> & tingling front of left foot"
has "$t/r.txt" "2026-12-01, the numbness: gone 10 min after stopping"
# a run without numbness: its note under Training, not among the episodes' notes
lacks "$t/r.txt" "the run: easy, no numbness"
has "$t/r.txt" "2026-11-24: easy, no numbness"
has "$t/r.html" "2026-11-20, the run: Tempo in racers &lt;fast&gt; &amp; tingling front of left foot"
lacks "$t/r.html" "<fast>"
