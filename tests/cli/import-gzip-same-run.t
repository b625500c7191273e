# the same run compressed and plain is one run: the hash is of the content, not of the gzip
args: import tests/cli/data/journal/run.gpx tests/cli/data/import/run.gpx.gz
exit: 0
err: skipped:
out: imported 1 run, 1 already in the journal
