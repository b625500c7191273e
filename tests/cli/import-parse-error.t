# a malformed file is named with its line; the good file is still imported, so the exit status
# is 3 (some files refused), not 2 (nothing changed)
args: import tests/cli/data/journal/broken.gpx tests/cli/data/journal/run.gpx
exit: 3
err: broken.gpx:1:
out: imported 1 run, 1 failed (nothing written from it)
