# import of a folder walks it, sub-folders too, with progress
args: import tests/cli/data/journal/folder
err: [1/3] ride.gpx
err: [2/3] run.fit
err: [3/3] run.tcx
out: imported 2 runs, 1 not a run
