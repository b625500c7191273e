# The PDF and the HTML report render one gathered content: the same sections in the same order,
# and every answer given (with its mark when derived from the journal) in both. Checked on a
# journal with derived answers and on an empty one.
. tests/cli/lib.sh
need pdftotext python3
export NUMBFOOT_NOW=2026-04-01T12:00:00Z NO_COLOR=1
db="$t/j.db"
nf gear add blue --db "$db" > /dev/null
for day in 02 06 10 14 18 22; do
	nf run add 9 --db "$db" --date 2026-03-$day --shoes blue --cadence 150 --numb-at 6 --where dorsum \
		--foot left --severity 3 > /dev/null
done
{ echo 0; for _ in $(seq 40); do echo '?'; done; } | nf assess --db "$db" --from-journal --yes > /dev/null
: > "$t/empty.db" # an empty journal (report creates none)
for j in "$db" "$t/empty.db"; do
	nf report --db "$j" -o "$t/r.pdf" > /dev/null
	nf report --db "$j" -o "$t/r.html" > /dev/null
	pdftotext "$t/r.pdf" "$t/r.txt"
	python3 - "$t/r.html" "$t/r.txt" "$j" <<'PY'
import html, re, sys
page = open(sys.argv[1]).read()
text = " ".join(open(sys.argv[2]).read().split())
def words(s):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", s)).split())
heads = [words(h) for h in re.findall(r"<h[12]>(.*?)</h[12]>", page)]
assert len(heads) >= 10, heads
at = 0
for h in heads:
    k = text.find(h, at)
    assert k >= 0, ("section in the HTML, not in order in the PDF", h)
    at = k + len(h)
part = page.split("<h2>Answers given</h2>", 1)[1].split("<h2>", 1)[0]
answers = re.findall(r"<li>(.*?)</li>", part)
assert answers or "No answers yet." in part, part
derived = 0
for a in answers:
    line = words(a.replace(' <span class="derived">from the journal</span>', ""))
    mark = "from the journal" in a
    derived += mark
    want = ("[journal] " if mark else "") + line
    assert want in text, ("answer in the HTML, not in the PDF", want)
pdf_marks = text.count("[journal] ")
assert pdf_marks >= derived, (pdf_marks, derived)
if not sys.argv[3].endswith("empty.db"):
    assert len(answers) >= 5 and derived >= 3, (len(answers), derived)
PY
done
has "$t/r.txt" "No answers yet."
echo ok
