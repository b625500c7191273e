# The result JSON marks an open finding that is no warning sign in itself (it completes a rule for
# every cause with the answers given) with_answers, and a warning sign without it.
set -eu
"$NUMBFOOT" assess --answers tests/cli/data/cold-injury-not-settled.json --no-save --json | python3 -c '
import json, sys
signs = {s["finding"]: s for s in json.load(sys.stdin)["triage"]["open_signs"]}
assert signs["calf_claudication"]["with_answers"] is True, signs["calf_claudication"]
assert signs["calf_claudication"]["level"] == "emergency"
assert signs["saddle_numbness"]["with_answers"] is False, signs["saddle_numbness"]'
