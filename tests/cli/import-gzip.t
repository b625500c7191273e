# a gzip-compressed GPX (.gpx.gz, as Strava's bulk export and many watch tools deliver) is read through zlib
args: import tests/cli/data/import/run.gpx.gz
exit: 0
out: imported 1 run
