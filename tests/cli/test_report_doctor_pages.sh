# What a doctor reads in the report: page one lists the top three causes (however unlikely the
# second and third) in the PDF and the HTML; a table of the shoes gives brand, model, first use and
# distance against the retirement distance; the cadence figure keeps to the weeks the other figures
# show (one run imported from years ago does not stretch it), and its dashed 160 spm line is in the
# key; "Not asked" leaves out the weekly distance, which the journal answers (with the weeks it rests on); the references are those
# behind the causes shown; and one episode is "1 episode".
set -eu
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export COLUMNS=1000 HOME="$tmp" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" NO_COLOR=1 LC_ALL=C.UTF-8
export NUMBFOOT_NOW=2026-04-01T12:00:00Z
nf() { "$NUMBFOOT" "$@" --db "$tmp/j.db"; }
fail() { echo "FAIL: $*"; exit 1; }
command -v pdftotext >/dev/null 2>&1 || { echo "skip: no pdftotext"; exit 0; }
nf gear add ghost --brand Brooks --model "Ghost 14" --first-use 2025-11-01 --start-km 600 >/dev/null || fail "gear add"
nf gear add peg --brand Nike --model "Pegasus 40" --first-use 2026-01-10 >/dev/null || fail "gear add"
nf run add 10 --date 2017-03-01 --duration 55:00 --cadence 150 >/dev/null || fail "old run"
i=0
for day in $(python3 -c "
import datetime as D
s = D.date(2026, 2, 2)
for k in range(0, 56, 3): print(s + D.timedelta(days=k))"); do
	i=$((i + 1))
	if [ $((i % 2)) -eq 1 ]; then
		nf run add 10 --date "$day" --duration 55:00 --shoes ghost --cadence 164 --numb-at 8 --foot left \
			--where dorsum,toes_all --loosening-helped --severity 4 --recover 6 --no-cramp >/dev/null || fail "run add $day"
	else
		nf run add 10 --date "$day" --duration 54:00 --shoes peg --cadence 166 >/dev/null || fail "run add $day"
	fi
done
nf report -o "$tmp/r.pdf" >/dev/null || fail "report pdf"
nf report -o "$tmp/r.html" >/dev/null || fail "report html"
pdftotext -f 1 -l 1 "$tmp/r.pdf" - | tr '\n' ' ' > "$tmp/p1.txt"
for n in 1 2 3; do
	grep -qE "(^| )$n\. [A-Z][^%]*\((>99|[0-9.]+|<0\.1)%\)" "$tmp/p1.txt" || fail "page one has no cause $n: $(cat "$tmp/p1.txt")"
done
[ "$(grep -o '<li><b>[^<]*</b> ([^)]*%)' "$tmp/r.html" | wc -l)" -eq 3 ] || fail "the HTML does not list three causes"
pdftotext -layout "$tmp/r.pdf" "$tmp/r.txt"
grep -A4 "^Shoes and insoles" "$tmp/r.txt" | grep -q "ghost *Brooks *Ghost 14 *2025-11-01" || fail "no gear table: $(grep -A4 'Shoes and insoles' "$tmp/r.txt")"
grep -q "<td>Brooks</td><td>Ghost 14</td><td>2025-11-01</td>" "$tmp/r.html" || fail "no gear table in the HTML"
grep -q "References behind the causes and steps shown" "$tmp/r.txt" || fail "references heading"
tr '\n\f' '  ' < "$tmp/r.txt" | sed 's/  */ /g' > "$tmp/flat.txt" # a page break is a space too
sed -n 's/.*Not asked: \(.*\) What more to log.*/\1/p' "$tmp/flat.txt" > "$tmp/notasked.txt"
[ -s "$tmp/notasked.txt" ] || fail "no 'Not asked' list before 'What more to log'"
if grep -q "usual running distance per week" "$tmp/notasked.txt"; then fail "'Not asked' lists the weekly distance"; fi
grep -q "\[journal\] usual running distance per week: 2[0-9] km (median 2[0-9] km a week over the 8 weeks with runs from 2026-02-02 to 2026-03-29, in the record since 2026-02-02)" "$tmp/flat.txt" ||
	fail "the weekly distance is not given from the journal, with its weeks"
# the cadence figure: 2026 only, and its dashed line in the key
p=1
pages=$(pdfinfo "$tmp/r.pdf" | sed -n 's/^Pages: *//p')
found=0
while [ $p -le "$pages" ]; do
	if pdftotext -f $p -l $p "$tmp/r.pdf" - | grep -q "Cadence over time"; then
		found=1
		pdftotext -f $p -l $p "$tmp/r.pdf" - > "$tmp/cad.txt"
	fi
	p=$((p + 1))
done
[ $found -eq 1 ] || fail "no cadence figure"
if grep -qE "^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20[0-9][0-9]$" "$tmp/cad.txt"; then
	fail "the cadence figure's axis spans years: $(grep -E '^[A-Z][a-z]+ 20[0-9][0-9]$' "$tmp/cad.txt" | tr '\n' ' ')"
fi
grep -q "160 spm: below it, raise cadence" "$tmp/cad.txt" || fail "the 160 spm line is not in the key"
# one run with one episode
"$NUMBFOOT" run add 6 --date 2026-03-30 --duration 35:00 --numb-at 3 --db "$tmp/one.db" >/dev/null || fail "one run"
"$NUMBFOOT" report -o "$tmp/one.pdf" --db "$tmp/one.db" >/dev/null || fail "one report"
pdftotext "$tmp/one.pdf" - | grep -q "Journal: 1 run, 1 episode of numbness" || fail "one episode: $(pdftotext "$tmp/one.pdf" - | grep Journal)"
# eight weeks logged after one old run: the weekly figure does not claim "the last 52 weeks"
if grep -q "Weekly distance (the last 52 weeks)" "$tmp/r.txt"; then fail "the weekly figure claims 52 weeks"; fi
grep -q "^ *Weekly distance *weeks without numbness" "$tmp/r.txt" || fail "no weekly figure: $(grep 'Weekly distance' "$tmp/r.txt")"
