# a gzip file cut short is named with the compressed byte where it ends; nothing is written from it
args: import tests/cli/data/import/cut.gpx.gz tests/cli/data/journal/run.gpx
exit: 3
err: cut.gpx.gz: compressed byte 300: compressed data ends early
out: imported 1 run, 1 failed (nothing written from it)
