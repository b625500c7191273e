# a run dated past the journal's last day (the year 2200) is refused at its line; the files after it are imported
args: import tests/cli/data/journal/year2200.gpx tests/cli/data/journal/run.gpx
exit: 3
err: year2200.gpx:5: <time> "2200-10-04T06:30:00Z" is not an ISO 8601 time of 1970 to 2200
out: imported 1 run, 1 failed (nothing written from it)
