# The sparse held-out suite (cases-sparse/): 92 case-report-like histories of 3 to 8 answers, 21
# emergencies, written by an author who saw neither the knowledge base nor the engine. Floors below
# the figures when it joined the project guard against losing ground on such histories: top1 >=
# 0.80, top3 >= 0.95, no emergency missed, safe triage >= 0.97 (one MS case told like a root
# problem was routine, not urgent, when the floors were set).
set -eu
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$NUMBFOOT" eval --json cases-sparse > "$tmp/s.json"
python3 - "$tmp/s.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
checks = [
    ("cases == 92", a["cases"] == 92),
    ("top1 %.3f >= 0.80" % a["top1"], a["top1"] >= 0.80),
    ("top3 %.3f >= 0.95" % a["top3"], a["top3"] >= 0.95),
    ("emergency_missed %d == 0" % a["emergency_missed"], a["emergency_missed"] == 0),
    ("triage_safe %.3f >= 0.97" % a["triage_safe"], a["triage_safe"] >= 0.97),
]
for c, ok in checks:
    print(("ok   " if ok else "FAIL ") + c)
sys.exit(0 if all(ok for _, ok in checks) else 1)
PY
