# a GPS point on the other side of the Earth is left out of the distance and the route, with a warning
args: import tests/cli/data/import/teleport.gpx --json
exit: 0
out: "imported": 1
out: 1 GPS jump (the largest 18681 km in 10 s) left out of the distance and the route
