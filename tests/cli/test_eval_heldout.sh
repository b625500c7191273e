# The held-out suite (cases-atypical/): case-report-like histories of 3 to 8 answers, written from
# the dossier by an author who saw neither the knowledge base nor the engine, and never used to
# tune either. Floors below today's figures guard against a change that would lose ground on such
# cases: top1 >= 0.68, top3 >= 0.90, no emergency missed, no under-triage. (top1 was 0.76 with the
# estimated likelihoods and 0.70 once 130 of them came from case series and cohorts, kb/evidence/:
# the floor follows the evidence, not the other way round.)
set -eu
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$NUMBFOOT" eval --json cases-atypical > "$tmp/a.json"
python3 - "$tmp/a.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
checks = [
    ("cases == 50", a["cases"] == 50),
    ("top1 %.3f >= 0.68" % a["top1"], a["top1"] >= 0.68),
    ("top3 %.3f >= 0.90" % a["top3"], a["top3"] >= 0.90),
    ("emergency_missed %d == 0" % a["emergency_missed"], a["emergency_missed"] == 0),
    ("under_triage %d == 0" % a["under_triage"], a["under_triage"] == 0),
]
for c, ok in checks:
    print(("ok   " if ok else "FAIL ") + c)
sys.exit(0 if all(ok for _, ok in checks) else 1)
PY
