# An emergency that a rule for every cause sets for the cause it guards against (numbness not gone
# after a calf cramp, with a weak leg: acute compartment syndrome) is that cause's: the first step
# and the only plan are its, not those of the sciatica and piriformis that lead a ranking no face
# shows (their "numbness between the legs: call now" would send the reader after another emergency).
set -eu
"$NUMBFOOT" assess --answers tests/cli/data/advice-probes/cramp-weak-leg-not-settling.json --no-save --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
t = d["triage"]
assert t["level"] == "emergency" and t["rule_every_cause"] and not t["ranked"], t
assert d["ranking"][0]["id"] != "acute_compartment", "the story no longer tests a cause that does not lead"
assert d["first_step"]["condition"] == "acute_compartment", d["first_step"]
assert "compartment" in d["first_step"]["step"], d["first_step"]["step"]
assert [p["condition"] for p in d["plan"]] == ["acute_compartment"], [p["condition"] for p in d["plan"]]'
