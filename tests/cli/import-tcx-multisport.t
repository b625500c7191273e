# a Biking-Running-Biking multisport TCX keeps its run leg instead of being skipped whole as biking
args: import tests/cli/data/import/bike-run-bike.tcx
exit: 0
err: bike-run-bike.tcx:3: not a run: biking
out: imported 1 run
