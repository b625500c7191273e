# import reads a GPX run
args: import tests/cli/data/journal/run.gpx
out: imported 1 run
