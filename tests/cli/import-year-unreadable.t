# a watch file's time past the years dates are read in (1900 to 2200) is refused where it stands;
# the files after it are imported
args: import tests/cli/data/journal/year3000.gpx tests/cli/data/journal/run.gpx
exit: 3
err: year3000.gpx:5: <time> "3000-10-04T06:30:00Z" is not an ISO 8601 time
out: imported 1 run, 1 failed (nothing written from it)
