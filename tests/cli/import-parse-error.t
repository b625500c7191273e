# a malformed file is named with its line, exit 2, the good file still imported
args: import tests/cli/data/journal/broken.gpx tests/cli/data/journal/run.gpx
exit: 2
err: broken.gpx:1:
out: imported 1 run, 1 failed (nothing written from it)
