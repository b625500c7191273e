# the two run legs of a brick keep their own distances (3.7 km and 12.8 km), not the whole file's
args: import tests/cli/data/import/brick.fit
exit: 0
err: warning: tests/cli/data/import/brick.fit: session 2: not a run: cycling (left out)
out: imported 2 runs
