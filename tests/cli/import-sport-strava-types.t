# Strava's GPX <type> values are read for what they say: a swim and a virtual ride are not runs
args: import tests/cli/data/import/strava-swim.gpx tests/cli/data/import/strava-virtualride.gpx
exit: 0
err: strava-swim.gpx:3: not a run: swim
err: strava-virtualride.gpx:3: not a run: virtualride
out: imported 0 runs, 2 not a run
