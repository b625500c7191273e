# --sport run keeps an activity the data say is not a run
args: import --sport run tests/cli/data/import/ride-no-type.gpx
exit: 0
out: imported 1 run
