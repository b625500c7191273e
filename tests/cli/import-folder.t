# import of a folder walks it, sub-folders too, with progress; each file named as given (the
# folder before it), once per message
args: import tests/cli/data/journal/folder
err: [1/3] tests/cli/data/journal/folder/ride.gpx
err: numbfoot: skipped: tests/cli/data/journal/folder/ride.gpx:2: not a run: cycling
err: [2/3] tests/cli/data/journal/folder/run.fit
err: [3/3] tests/cli/data/journal/folder/sub/run.tcx
out: imported 2 runs, 1 not a run
