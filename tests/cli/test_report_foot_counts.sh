# Which foot on the report's first page when the episodes are too few or too mixed for a finding:
# the counts the episodes give (2 left, 4 that do not say), not "not given", in the PDF and the
# HTML alike; and mixed feet each with their count.
. tests/cli/lib.sh
need pdftotext
export NUMBFOOT_NOW=2026-04-01T12:00:00Z NO_COLOR=1
db="$t/j.db"
for day in 02 05 09 12 16 19; do
	case $day in 02 | 09) foot="--foot left" ;; *) foot= ;; esac
	nf run add 8 --db "$db" --date 2026-03-$day --numb-at 5 --where dorsum $foot > /dev/null
done
nf report --db "$db" -o "$t/r.pdf" > /dev/null
nf report --db "$db" -o "$t/r.html" > /dev/null
pdftotext -f 1 -l 1 "$t/r.pdf" - | tr '\n' ' ' | tr -s ' ' > "$t/p1.txt"
has "$t/p1.txt" "Which foot: left in 2 of 6 episodes; 4 do not say"
lacks "$t/p1.txt" "Which foot: not given"
grep -o '<dt>Which foot</dt><dd>[^<]*</dd>' "$t/r.html" > "$t/r.txt" || fail "no Which foot in the HTML"
has "$t/r.txt" "<dt>Which foot</dt><dd>left in 2 of 6 episodes; 4 do not say</dd>"
# The same for one episode in both feet and one in the right, the rest silent (no finding from
# one episode of each).
for feet in both right; do
	db="$t/$feet.db"
	for day in 02 05 09 12 16 19; do
		case $day in 02) foot="--foot $feet" ;; *) foot= ;; esac
		nf run add 8 --db "$db" --date 2026-03-$day --numb-at 5 --where dorsum $foot > /dev/null
	done
	nf report --db "$db" -o "$t/$feet.html" > /dev/null
	grep -o '<dt>Which foot</dt><dd>[^<]*</dd>' "$t/$feet.html" > "$t/$feet.txt" || fail "no Which foot in the HTML"
done
has "$t/both.txt" "<dd>both feet in 1 of 6 episodes; 5 do not say</dd>"
has "$t/right.txt" "<dd>right in 1 of 6 episodes; 5 do not say</dd>"
echo ok
