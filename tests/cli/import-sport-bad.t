# --sport takes 'run' only
args: import --sport ride tests/cli/data/import/ride-no-type.gpx
exit: 2
err: --sport takes 'run' only
