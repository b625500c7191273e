# Page one of the report, as a doctor reads it (PDF through pdftotext, and the HTML): the runner's
# age and sex, whether the assessment was complete, where in words, which foot, the triage, the
# top three causes with their probabilities and reasons, then the rest in one line; places never
# as IDs, and the factor written one way (×2.5) everywhere.
. tests/cli/lib.sh
need pdftotext python3
export NUMBFOOT_NOW=2026-04-01T12:00:00Z NO_COLOR=1
db="$t/j.db"
nf gear add blue --db "$db" > /dev/null
for day in 02 09 16 23; do
	nf run add 8 --db "$db" --date 2026-03-$day --numb-at 5 --where "top of foot, first_web" --foot right \
		--severity 4 > /dev/null
	nf run add 6 --db "$db" --date "2026-03-$(printf %02d $((${day#0} + 1)))" > /dev/null
done
# A finished assessment, saved as the interview saves it: its answers and its result.
cat > "$t/case.json" <<'JSON'
{"id": "page-one", "source": "written for this test",
 "answers": {"age": 52, "sex": "female", "location": ["dorsum", "first_web"], "side": "one",
             "back_pain": true, "saddle_numbness": false, "bladder_bowel": false},
 "expected": {"condition": "shoe_compression", "acceptable": [], "triage": "self_care"}}
JSON
nf assess --answers "$t/case.json" --json > "$t/result.json"
python3 - "$db" "$t/result.json" <<'PY'
import json, sqlite3, sys
res = open(sys.argv[2]).read()
ans = json.dumps({"answers": json.loads(res)["answers"], "derived": []})
db = sqlite3.connect(sys.argv[1])
db.execute("INSERT INTO assessments(time, answers, result, complete) VALUES('2026-03-30T09:00:00Z', ?, ?, 1)", (ans, res))
db.commit()
PY
nf report --db "$db" -o "$t/r.pdf" > /dev/null
nf report --db "$db" -o "$t/r.html" > /dev/null
pdftotext -f 1 -l 1 "$t/r.pdf" - | tr '\n' ' ' | tr -s ' ' > "$t/p1.txt"
pdftotext "$t/r.pdf" - > "$t/all.txt"
has "$t/p1.txt" "Runner: 52 years old, female"
has "$t/p1.txt" "Assessment: complete (the interview ran to its end), 2026-03-30 09:00 UTC"
has "$t/p1.txt" "Where: the web between the big toe and the second toe, the top of the foot"
has "$t/p1.txt" "Which foot: always the right foot: every one of the 4 episodes"
has "$t/p1.txt" "Journal: 8 runs, 4 episodes of numbness"
# The top three causes at 1% or more with their probabilities, in order, each with a reason, and
# one line for the rest that says how likely they are.
python3 - "$t/result.json" "$t/p1.txt" <<'PY'
import json, re, sys
r = json.load(open(sys.argv[1]))
p1 = open(sys.argv[2]).read()
rank = r["ranking"]
top = [c for i, c in enumerate(rank[:3]) if i == 0 or c["probability"] >= 0.01]
assert len(top) == 3, "the case should spread over three causes"
at = 0
for i, c in enumerate(top):
    pct = ">99%" if c["probability"] > 0.99 else "<1%" if c["probability"] < 0.01 else "%.0f%%" % (100 * c["probability"])
    head = "%d. %s (%s)" % (i + 1, c["name"], pct)
    k = p1.find(head, at)
    assert k >= at, ("missing or out of order on page one", head)
    at = k
    nxt = p1.find("%d. " % (i + 2), k + len(head))
    assert re.search(r"(raised|lowered) by .*\(×\d+(\.\d)?", p1[k:nxt if nxt > 0 else None]), ("no reason", head)
rest = [c for c in rank if c not in top]
most = max(c["probability"] for c in rest)
if most < 0.01:
    assert "Others under 1% each." in p1, "no 'Others under 1% each.'"
else:
    named = [c for c in rest if c["probability"] >= 0.01][:3]
    assert "Also possible: " + ", ".join("%s (%.0f%%)" % (c["name"], 100 * c["probability"]) for c in named) in p1, p1
    assert re.search(r"(Others under 1% each\.|\d+ others?, each \d+% or less\.)", p1), "no line for the others"
assert "×2.5 is how many times an answer raised or lowered the odds" in p1
PY
# Places in words everywhere, the foot in the episode table, one way of writing the factor.
has "$t/all.txt" "top of the foot"
for bad in dorsum first_web "likelihood ratio" "(x"; do
	lacks "$t/all.txt" "$bad"
	lacks "$t/r.html" "$bad"
done
has "$t/r.html" "<dt>Runner</dt><dd>52 years old, female</dd>"
has "$t/r.html" "<dt>Which foot</dt><dd>always the right foot: every one of the 4 episodes</dd>"
has "$t/r.html" "<th>foot</th>"
has "$t/r.html" "<td>right</td><td>web between the big toe and the second toe, top of the foot</td>"
grep -q "(×[0-9.]*\(, <span class=\"ev-[a-z]*\">[a-z]*</span>\)\?)" "$t/r.html" || fail "HTML lacks the ×factor"
# Without a saved assessment the report says it is not complete.
: > "$t/other.db" # an empty journal (report creates none)
nf report --db "$t/other.db" -o "$t/e.pdf" > /dev/null
pdftotext -f 1 -l 1 "$t/e.pdf" - | tr '\n' ' ' | tr -s ' ' > "$t/e.txt"
has "$t/e.txt" "Assessment: not complete: none saved yet"
has "$t/e.txt" "Runner: age not given, sex not given"
echo ok
