# import of a folder walks it, sub-folders too, with progress; its run.fit and run.tcx are one run in two formats
args: import tests/cli/data/journal/folder
err: [1/3] ride.gpx
err: [2/3] run.fit
err: [3/3] run.tcx
out: imported 1 run, 1 the same as a run from another file, 1 not a run
