# a run the journal refuses (start in the year 3000) is named; the files after it are imported
args: import tests/cli/data/journal/year3000.gpx tests/cli/data/journal/run.gpx
exit: 3
err: year3000.gpx: start time out of range
out: imported 1 run, 1 failed (nothing written from it)
