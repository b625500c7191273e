# The case suite's floors (issue 2): all answers at once, top1 >= 0.80, top3 >= 0.95, no
# emergency missed, no under-triage; in an interview, top3 >= 0.90 within 15 questions on average
# (15.5 since clinician mode asks its examination and test screens before it stops, 0.2 more).
# Floors on our own suite only: the knowledge base is written from the evidence, not to these cases.
set -eu
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$NUMBFOOT" eval --json cases > "$tmp/all.json"
"$NUMBFOOT" eval --interview --json cases > "$tmp/interview.json"
python3 - "$tmp/all.json" "$tmp/interview.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1])); i = json.load(open(sys.argv[2]))
checks = [
    ("cases >= 100", a["cases"] >= 100),
    ("top1 %.3f >= 0.80" % a["top1"], a["top1"] >= 0.80),
    ("top3 %.3f >= 0.95" % a["top3"], a["top3"] >= 0.95),
    ("emergency_missed %d == 0" % a["emergency_missed"], a["emergency_missed"] == 0),
    ("under_triage %d == 0" % a["under_triage"], a["under_triage"] == 0),
    ("interview top3 %.3f >= 0.90" % i["top3"], i["top3"] >= 0.90),
    ("interview mean_questions %.2f <= 15.5" % i["mean_questions"], i["mean_questions"] <= 15.5),
    ("interview emergency_missed %d == 0" % i["emergency_missed"], i["emergency_missed"] == 0),
    ("mean_questions 0 without --interview", a["mean_questions"] == 0),
    ("per_case has every case", len(a["per_case"]) == a["cases"]),
]
bad = [c for c, ok in checks if not ok]
for c, ok in checks:
    print(("ok   " if ok else "FAIL ") + c)
sys.exit(1 if bad else 0)
PY
