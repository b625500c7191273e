#!/bin/sh
# The report's "Answers given" leaves out the warning signs, whose answers the section above it
# already lists, and says where they are; the other answers stay.
. tests/cli/lib.sh
need python3
export NUMBFOOT_NOW=2026-04-01T12:00:00Z NO_COLOR=1
db="$t/j.db"
# The site's saved assessment with every warning sign answered "no".
python3 - tests/cli/data/site/saved-assessment.json kb/numbfoot.json "$t/saved.json" <<'PY'
import json, sys
saved, kb = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
runner = {f["id"] for f in kb["findings"] if "question" in f}
for rf in kb["triage"]["red_flags"]:
    if rf["finding"] in runner:
        saved["answers"][rf["finding"]] = False
# The report uses the latest finished assessment; the import keeps "complete" only when an
# interview with these answers would ask nothing more: at its last screen (25) it asks nothing.
saved["complete"] = True
saved["questions"] = 25
json.dump(saved, open(sys.argv[3], "w"))
PY
nf import "$t/saved.json" --db "$db" > /dev/null
nf report --db "$db" -o "$t/r.html" > /dev/null
python3 - "$t/r.html" <<'PY'
import html, re, sys
page = open(sys.argv[1]).read()
def items(head):
    part = page.split("<h2>%s</h2>" % head, 1)[1].split("<h2>", 1)[0]
    return part, [" ".join(html.unescape(re.sub(r"<[^>]+>", "", a)).split()) for a in re.findall(r"<li>(.*?)</li>", part)]
_, signs = items("Warning signs asked, and the answers")
part, answers = items("Answers given")
assert len(signs) >= 5, signs
assert len(answers) >= 3, answers
sign_qs = {s.rsplit(":", 1)[0] for s in signs}
again = [a for a in answers if a.rsplit(":", 1)[0] in sign_qs]
assert not again, ("warning signs listed twice", again)
assert "under &#x27;Warning signs asked" in part or "under 'Warning signs asked" in part, part
PY
