# How the report's pages break, for journals of many sizes: a row of the episode table is never
# split across pages and every page of the table starts with its header, a heading never ends a
# page, and the last page is never nearly empty (at least a quarter of the page holds text).
. tests/cli/lib.sh
need pdftotext python3
export NUMBFOOT_NOW=2026-04-01T12:00:00Z NO_COLOR=1
db="$t/j.db"
nf gear add blue --db "$db" > /dev/null
added=0
for n in 0 2 5 9 14 20 27 35 44 53 62; do
	while [ $added -lt $n ]; do
		day=$(date -u -d "2025-01-06 + $((added * 5)) days" +%F)
		where="top of the foot, outer edge"
		[ $((added % 3)) -eq 0 ] && where="web between the big toe, $where, all the toes"
		foot=left
		[ $((added % 4)) -eq 1 ] && foot=right
		nf run add 10 --db "$db" --date "$day" --duration 50:00 --numb-at "6.$((added % 7))" --where "$where" \
			--foot $foot --severity $((added % 10)) --recover 5 > /dev/null
		added=$((added + 1))
	done
	nf report --db "$db" -o "$t/r$n.pdf" > /dev/null
	pdftotext -bbox-layout "$t/r$n.pdf" "$t/r$n.xml"
	pages=$(pdfinfo "$t/r$n.pdf" | sed -n 's/^Pages: *//p')
	p=1
	: > "$t/r$n.pages"
	while [ $p -le "$pages" ]; do
		pdftotext -layout -f $p -l $p "$t/r$n.pdf" - >> "$t/r$n.pages"
		printf '\f' >> "$t/r$n.pages"
		p=$((p + 1))
	done
	python3 - "$t/r$n.xml" "$t/r$n.pages" "$n" <<'PY' || fail "report of $n episodes"
import re, sys
xml, pages_text, n = open(sys.argv[1]).read(), open(sys.argv[2]).read(), int(sys.argv[3])
TOP, BOTTOM = 56.0, 841.89 - 58.0
HEADINGS = {"Triage", "Most likely causes, with the answers that moved each", "Warning signs asked, and the answers",
            "The plan so far", "Episode history", "Training", "Figures", "References behind the causes and steps shown",
            "GPS tracks", "This is not a diagnosis"}
pages = re.findall(r'<page width="[\d.]+" height="[\d.]+">(.*?)</page>', xml, re.S)
last_y = []
for i, body in enumerate(pages):
    lines = []
    for y0, y1, inner in re.findall(r'<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</line>', body, re.S):
        words = " ".join(re.findall(r">([^<]*)</word>", inner))
        if not words.startswith("numbfoot 0.1.0 report"):  # the footer
            lines.append((float(y0), float(y1), words))
    lines.sort()
    assert lines, "page %d is empty" % (i + 1)
    # pdftotext splits a heading's line only when it wraps; the last line of a page is never one
    assert lines[-1][2] not in HEADINGS, "page %d ends with the heading %r" % (i + 1, lines[-1][2])
    last_y.append(lines[-1][1])
if len(pages) > 1:
    assert last_y[-1] >= TOP + (BOTTOM - TOP) / 4 - 6, "last page nearly empty: text ends at %.0f pt" % last_y[-1]
# The table: on each page, rows after the header; each row's places end with the outer edge's words,
# so a row cut by a page break would leave a date without them (or them without a date).
rows = 0
header = re.compile(r"^\s*date\s+run\s+onset\s+severity\s+foot\s+where\s+recovery\s+shoes\s*$", re.M)
for k, page in enumerate(pages_text.split("\f")):
    dates = re.findall(r"^\s*20\d\d-\d\d-\d\d\s", page, re.M)
    if not dates:
        continue
    m = header.search(page)
    assert m, "page %d has episode rows but no table header" % (k + 1)
    table = page[m.end():]
    assert len(re.findall(r"^\s*20\d\d-\d\d-\d\d\s", table, re.M)) == len(dates), "rows before the header on page %d" % (k + 1)
    ends = table.count("little toe")
    assert ends == len(dates), "page %d: %d rows but %d row ends" % (k + 1, len(dates), ends)
    rows += len(dates)
assert rows == min(n, 60), (rows, n)
PY
done
echo ok
