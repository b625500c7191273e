# a GPX point timed before the one before it (a clock's glitch) is left out of the distance and the route, named at its line
args: import tests/cli/data/import/point-backwards.gpx --json
exit: 0
out: "imported": 1
out: point-backwards.gpx:5: 1 point timed before an earlier one (a clock's glitch) left out of the distance and the route
