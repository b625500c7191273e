# A report headed by a warning-sign emergency says, in the PDF and the HTML, what the sign can mean;
# a saddle-numbness answer, an emergency sign, ranks no causes (their order would be
# their commonness alone, a footwear cause first), and the report says why.
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
	tr -s ' \n' '  ' < "$f" | grep -q "Not ranked: the warning sign is an emergency, and the causes it can mean, named above, come first" ||
		fail "$f does not say the causes are not ranked"
	if tr -s ' \n' '  ' < "$f" | grep -q "Shoe or lacing pressure"; then
		fail "$f ranks a footwear cause under the sign alone"
	fi
done

