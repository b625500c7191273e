# a Strava GPX using the gpxdata: prefix without declaring it is read, with a warning naming the line
args: import tests/cli/data/import/strava-undeclared.gpx
exit: 0
err: warning: tests/cli/data/import/strava-undeclared.gpx:4: the prefix 'gpxdata:' is used but never declared
out: imported 1 run
