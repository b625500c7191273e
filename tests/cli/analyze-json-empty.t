# analyze --json on an empty journal: no findings, a list of what to log, training facts
args: analyze --json
env: NUMBFOOT_NOW=2026-04-01T08:00:00Z
exit: 0
out: "now": "2026-04-01T08:00:00Z"
out: "findings": {}
out: "needs": [
out: "training": {
