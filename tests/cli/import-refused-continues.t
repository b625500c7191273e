# a run the journal refuses (start in the year 2200, past the journal's last day) is named; the files after it are imported
args: import tests/cli/data/journal/year2200.gpx tests/cli/data/journal/run.gpx
exit: 3
err: year2200.gpx: start time out of range
out: imported 1 run, 1 failed (nothing written from it)
