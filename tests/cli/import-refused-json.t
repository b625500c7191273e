# --json reports every file when the journal refuses one (times that go backwards)
args: import tests/cli/data/journal/backwards.gpx tests/cli/data/journal/run.gpx --json
exit: 3
out: "failed": 1
out: "message": "tests/cli/data/journal/backwards.gpx: durations must be 0 or more"
out: "status": "imported"
