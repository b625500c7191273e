# --json reports every file when one is refused (times that go backwards: the line of the first point before the start)
args: import tests/cli/data/journal/backwards.gpx tests/cli/data/journal/run.gpx --json
exit: 3
out: "failed": 1
out: "message": "tests/cli/data/journal/backwards.gpx:6: its last point is 20 s before the first: times that run backwards are not one recorded activity: refused"
out: "status": "imported"
