# a missing file is named and the files after it are still imported
args: import tests/cli/data/journal/nope.fit tests/cli/data/journal/run.gpx
exit: 3
err: nope.fit: No such file or directory
out: imported 1 run, 1 failed (nothing written from it)
