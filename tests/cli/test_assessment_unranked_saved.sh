# A kept assessment whose result showed no ranking (an emergency a rule for every cause set for
# acute compartment syndrome) is listed and shown without the ranking's first cause (sciatica):
# the list names the cause the first step spoke for, and show gives why there is no list.
. tests/cli/lib.sh
export NO_COLOR=1
python3 - "$t/saved.json" <<'PY'
import json, sys
case = json.load(open("tests/cli/data/advice-probes/cramp-weak-leg-not-settling.json"))
json.dump({"kind": "numbfoot.assessment", "format": 1, "time": "2026-03-14T09:30:00Z", "complete": True,
           "mode": "runner", "questions": 5, "answers": case["answers"]}, open(sys.argv[1], "w"))
PY
nf import "$t/saved.json" > "$t/out" 2>&1 || { cat "$t/out"; fail "import"; }
nf assessment list > "$t/list" || fail "list"
has "$t/list" "emergency  not ranked (first step: Acute exertional compartment syndrome)"
lacks "$t/list" "sciatica"
nf assessment show 1 > "$t/show" || fail "show"
has "$t/show" "Not ranked: these answers together are an emergency whatever the cause"
lacks "$t/show" "Most likely causes"
lacks "$t/show" "sciatica"
