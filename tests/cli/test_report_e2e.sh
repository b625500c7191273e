# End to end: a journal of imported and typed runs with episodes in one pair of shoes; analyze
# derives the pattern, assess --from-journal --yes uses it and keeps the result, and report writes
# a PDF (text, pages, figures not blank), an HTML file and the figures, the same bytes each time.
set -eu
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# Lines are checked whole: a terminal wide enough not to wrap them.
export COLUMNS=1000
export HOME="$tmp" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" NO_COLOR=1
export NUMBFOOT_NOW=2026-04-01T12:00:00Z
nf() { "$NUMBFOOT" "$@" --db "$tmp/j.db"; }
fail() { echo "FAIL: $*"; exit 1; }

nf gear add blue --first-use 2026-01-05 >/dev/null
nf gear add red --start-km 700 >/dev/null
nf import --shoes red tests/fixtures/tcx/test.tcx >/dev/null 2>&1 || fail "import"
i=0
while [ $i -lt 20 ]; do
	day=$(date -u -d "2026-01-06 + $((i * 4)) days" +%F)
	if [ $((i % 2)) -eq 0 ]; then
		nf run add 10 --date "$day" --duration 50:00 --shoes blue --cadence 150 --temp 8 \
			--numb-at "7.$((i % 3))" --where dorsum --foot left --severity 3 --recover 5 \
			--loosening-helped >/dev/null 2>&1 || fail "run add $i"
	else
		nf run add 10 --date "$day" --duration 55:00 --shoes red --cadence 152 --temp 9 >/dev/null 2>&1 ||
			fail "run add $i"
	fi
	i=$((i + 1))
done

# analyze: the pattern is derived with its evidence and support
nf analyze --json > "$tmp/an.json"
python3 - "$tmp/an.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
f = a["findings"]
assert f["only_some_shoes"]["value"] is True, f.get("only_some_shoes")
assert f["onset_consistent"]["value"] is True
assert abs(f["onset_km"]["value"] - 7.1) < 0.15, f["onset_km"]
assert f["onset_km"]["support"]["episodes"] == 10
assert f["relief_loosening"]["value"] is True and "calf_cramp" not in f
assert f["resolve_minutes"]["value"] == 5
assert "weeks_since_onset" in f and "cold_weather_worse" not in f
assert a["training"]["cadence_spm"] < 160
assert any("red" in x and "Replace" in x for x in a["advice"]), a["advice"]
PY
nf analyze | grep -q "Fisher's exact test" || fail "analyze text lacks the test"

# assess from the journal, keeping every derived answer; remaining questions: none apply / don't know
{ echo 0; i=0; while [ $i -lt 40 ]; do echo '?'; i=$((i + 1)); done; } > "$tmp/answers"
nf assess --from-journal --yes < "$tmp/answers" > "$tmp/assess.txt"
grep -q "From your journal (derived; all kept)" "$tmp/assess.txt" || fail "no derived answers shown"
grep -q "it happens in one pair of shoes but not in another: yes" "$tmp/assess.txt" || fail "only_some_shoes not shown"
grep -q "Replace the shoes 'red'" "$tmp/assess.txt" || fail "no worn-shoe advice by nickname"
grep -q "raise it by 5 to 10 percent, to about 159 to 166 steps per minute" "$tmp/assess.txt" || fail "no cadence advice"
grep -q "in 'blue'" "$tmp/assess.txt" || fail "no lacing advice for the implicated pair"
grep -q "kept in your journal" "$tmp/assess.txt" || fail "assessment not kept"
sqlite3 "$tmp/j.db" 'select count(*) from assessments' 2>/dev/null | grep -qx 1 ||
	{ command -v sqlite3 >/dev/null && fail "no assessment row"; }

# the report
nf report -o "$tmp/r.pdf" >/dev/null
pages=$(pdfinfo "$tmp/r.pdf" | sed -n 's/^Pages: *//p')
[ "$pages" -ge 3 ] || fail "only $pages pages"
pdfinfo "$tmp/r.pdf" | grep -q "CreationDate: *Wed Apr  1 12:00:00 2026" || fail "creation date is not the clock"
pdftotext -layout "$tmp/r.pdf" "$tmp/r.txt"
for want in "Triage" "Most likely causes" "Shoe or lacing pressure" "Warning signs asked" \
	"The plan so far" "Replace the shoes 'red'" "[journal]" "Episode history" "blue" \
	"References behind the causes and steps shown" "GPS tracks are left out" "This is not a diagnosis" \
	"Onset distance per run" "Episodes by shoe pair" "Weekly distance" "Cadence over time"; do
	grep -qF -- "$want" "$tmp/r.txt" || fail "PDF lacks '$want'"
done
# the reasons the saved result marks as estimates or derived, and only those, are tagged so in the PDF
python3 - "$tmp/j.db" "$tmp/r.txt" <<'PY'
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
res = json.loads(db.execute("select result from assessments").fetchone()[0])
# the PDF lists the top 3 causes, however unlikely, each with up to 3 reasons
shown = res["ranking"][:3]
kinds = [r["evidence"] for c in shown for r in c["reasons"][:3] if abs(r["weight"]) >= 0.1]
assert kinds and set(kinds) <= {"measured", "derived", "estimate"}, kinds
text = " ".join(open(sys.argv[2]).read().split())
for kind in ("estimate", "derived"):
    tagged = text.count(", %s)" % kind)
    assert tagged == kinds.count(kind), (kind, tagged, kinds)
assert "is the knowledge base's judgement, not a study's measurement" in text, "no legend in the PDF"
PY
# page one has the triage, the causes, where in words and which foot
pdftotext -f 1 -l 1 "$tmp/r.pdf" - | tr '\n' ' ' > "$tmp/p1.txt"
for want in "Triage" "1. Shoe or lacing pressure" "Where: the top of the foot (10 of 10 episodes)" \
	"Which foot: always the left foot: every one of the 10 episodes"; do
	grep -qF -- "$want" "$tmp/p1.txt" || fail "page one lacks '$want'"
done
# the figures are not blank: in each figure's page, rendered to grey, count dark pixels
p=1
while [ $p -le "$pages" ]; do
	if pdftotext -f $p -l $p "$tmp/r.pdf" - | grep -q "Onset distance per run\|Weekly distance"; then
		pdftoppm -f $p -l $p -r 40 -gray "$tmp/r.pdf" "$tmp/pg$p"
	fi
	p=$((p + 1))
done
python3 - "$tmp"/pg*.pgm <<'PY'
import sys
for path in sys.argv[1:]:
    data = open(path, "rb").read()
    parts = data.split(maxsplit=4)
    w, h = int(parts[1]), int(parts[2])
    px = parts[4][-w * h:]
    # the middle band of the page, where the figures are drawn
    band = px[w * h // 4: w * h * 3 // 4]
    dark = sum(1 for b in band if b < 200)
    assert dark > len(band) * 0.03, f"{path}: only {dark} dark pixels of {len(band)}"
PY

nf report -o "$tmp/r2.pdf" >/dev/null
cmp -s "$tmp/r.pdf" "$tmp/r2.pdf" || fail "PDF differs between two runs"
nf report -o "$tmp/r.html" >/dev/null
[ "$(grep -c '<svg' "$tmp/r.html")" -eq 5 ] || fail "HTML does not have 5 figures"
grep -q "from the journal" "$tmp/r.html" || fail "HTML does not mark derived answers"
grep -q ', <span class="ev-estimate">estimate</span>)' "$tmp/r.html" || fail "HTML does not mark estimated reasons"
grep -q "<p class=\"legend\">×2.5 is how many times an answer raised or lowered the odds of that cause. &quot;estimate&quot; marks" "$tmp/r.html" ||
	fail "HTML has no legend for the factor and the estimate mark"
# each inline figure is well-formed SVG, ids are unique on the page and every reference resolves
python3 - "$tmp/r.html" <<'PY'
import re, sys, xml.dom.minidom
s = open(sys.argv[1]).read()
svgs = re.findall(r"<svg.*?</svg>", s, re.S)
assert len(svgs) == 5
for x in svgs:
    xml.dom.minidom.parseString(x)
ids = re.findall(r'id="([^"]+)"', s)
assert len(ids) == len(set(ids)), "duplicate ids"
refs = set(re.findall(r'href="#([^"]+)"', s)) | set(re.findall(r"url\(#([^)]+)\)", s))
assert refs <= set(ids), refs - set(ids)
PY
nf report -o "$tmp/f.png" >/dev/null
head -c 4 "$tmp/f.png" | grep -q PNG || fail "no PNG"
nf report --gps -o "$tmp/g.pdf" >/dev/null
pdftotext "$tmp/g.pdf" - | grep -q "Routes of the latest runs with numbness" || fail "--gps draws no routes figure"

# an empty journal gives a report with "no data yet" panels, not broken plots
: > "$tmp/empty.db" # an empty file is an empty journal (report creates none)
"$NUMBFOOT" report --db "$tmp/empty.db" -o "$tmp/e.pdf" >/dev/null
pdftotext "$tmp/e.pdf" - | grep -c "No data yet" | grep -qx 5 || fail "empty journal: not five 'no data yet' panels"
echo ok
