# The held-out suites, written from the dossier and the literature by an author who saw neither the
# knowledge base nor the engine, and never used to tune either. Floors below their figures guard
# against a change that would lose ground on case-report-like histories:
# - cases-atypical/ (50 cases, 3 to 8 answers): top1 >= 0.68, top3 >= 0.90, no emergency missed,
#   no under-triage. (top1 was 0.76 with the estimated likelihoods, 0.70 once 130 of them came
#   from case series and cohorts, kb/evidence/, and 0.68 with 174: the floor follows the evidence.)
# - cases-sparse/ (372 cases in seven batches by seven blind authors, 3 to 8 answers, 93
#   emergencies): top1 >= 0.80, top3 >= 0.95, no emergency missed, safe triage >= 0.97 (0.992 when
#   the second batch came: a one-legged CECS that settles in 25 minutes, told without a tight leg,
#   gets self-care as lace pressure instead of routine; 0.994 with the third: 0.860 and 0.971;
#   0.995 with the fourth: 0.849 and 0.972, the fourth alone 0.850, 0.975 and every triage exact;
#   0.996 with the fifth: 0.865 and 0.972, the fifth alone 0.925, 0.975 and every triage safe;
#   0.995 with the sixth and seventh, outside reads 35 and 36: 0.898 and 0.981).
# With the engine asking (eval --interview, the case's person answering only what the case says),
# no emergency is missed on either suite either: the stopping rule's weight on a rise to emergency
# and its near-emergency sweep (docs/model.md) are what keep it so.
set -eu
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$NUMBFOOT" eval --json cases-atypical > "$tmp/cases-atypical.json"
"$NUMBFOOT" eval --json cases-sparse > "$tmp/cases-sparse.json"
"$NUMBFOOT" eval --interview --json cases-atypical > "$tmp/cases-atypical-interview.json"
"$NUMBFOOT" eval --interview --json cases-sparse > "$tmp/cases-sparse-interview.json"
python3 - "$tmp" <<'PY'
import json, os, sys
floors = {
    "cases-atypical": {"cases": 50, "top1": 0.68, "top3": 0.90, "triage_safe": 1.0},
    "cases-sparse": {"cases": 372, "top1": 0.80, "top3": 0.95, "triage_safe": 0.97},
}
checks = []
for suite, f in floors.items():
    a = json.load(open(os.path.join(sys.argv[1], suite + ".json")))
    checks.append(("%s: cases %d == %d" % (suite, a["cases"], f["cases"]), a["cases"] == f["cases"]))
    for key in ("top1", "top3", "triage_safe"):
        checks.append(("%s: %s %.3f >= %.2f" % (suite, key, a[key], f[key]), a[key] >= f[key]))
    checks.append(("%s: emergency_missed %d == 0" % (suite, a["emergency_missed"]), a["emergency_missed"] == 0))
    i = json.load(open(os.path.join(sys.argv[1], suite + "-interview.json")))
    checks.append(("%s --interview: emergency_missed %d == 0" % (suite, i["emergency_missed"]), i["emergency_missed"] == 0))
for c, ok in checks:
    print(("ok   " if ok else "FAIL ") + c)
sys.exit(0 if all(ok for _, ok in checks) else 1)
PY
