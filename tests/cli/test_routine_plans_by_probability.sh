# Under a routine level the plans follow the ranking: a settled calf cramp that leads keeps its
# plan first, although a less likely cause (tarsal tunnel) sets the level and the headline books
# its clinician.
set -eu
"$NUMBFOOT" assess --answers tests/cli/data/advice-probes/cramp-settled-sole-15min.json --no-save --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["triage"]["level"] == "routine", d["triage"]["level"]
plans = [p["condition"] for p in d["plan"]]
ranked = [c["id"] for c in d["ranking"] if c["id"] in plans]
assert plans == ranked, (plans, ranked)
assert plans[0] == "exercise_cramp", plans
levels = {p["condition"]: p["level"] for p in d["plan"]}
assert any(l == "routine" for l in levels.values()), levels'
