# A report headed by a warning-sign emergency says, in the PDF and the HTML, what the sign can mean
# above a ranking that weighs the other answers too (a saddle-numbness answer with every other
# answer unknown is led by a footwear cause).
. tests/cli/lib.sh
need pdftotext
export NUMBFOOT_NOW=2026-04-01T12:00:00Z NO_COLOR=1
db="$t/j.db"
nf assess --db "$db" < tests/cli/data/redflag-answers.txt > /dev/null
nf report --db "$db" -o "$t/r.pdf" > /dev/null
nf report --db "$db" -o "$t/r.html" > /dev/null
pdftotext "$t/r.pdf" "$t/r.txt"
for f in "$t/r.txt" "$t/r.html"; do
	tr -s ' \n' '  ' < "$f" | grep -q "Of the causes weighed here, the warning sign can mean: Cauda equina syndrome" ||
		fail "$f does not say what the warning sign can mean"
	tr -s ' \n' '  ' < "$f" | grep -q "and do not outweigh the warning sign" ||
		fail "$f does not say the ranking does not outweigh the sign"
done

