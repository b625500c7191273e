# import skips a ride and says so
args: import tests/cli/data/journal/ride.gpx
exit: 0
err: skipped:
err: not a run
out: imported 0 runs, 1 not a run
