# import of a folder walks it, sub-folders too, with progress; each file named as given (the
# folder before it), once per message; its run.fit and run.tcx are one run in two formats
args: import tests/cli/data/journal/folder
err: [1/3] tests/cli/data/journal/folder/ride.gpx
err: [2/3] tests/cli/data/journal/folder/run.fit
err: [3/3] tests/cli/data/journal/folder/sub/run.tcx
out: imported 1 run, 1 the same as a run from another file, 1 not a run
