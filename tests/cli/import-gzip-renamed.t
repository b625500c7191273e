# a gzip file named .gpx is recognised by its first bytes, not refused as "not well-formed"
args: import tests/cli/data/import/renamed-gzip.gpx
exit: 0
out: imported 1 run
