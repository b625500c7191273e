# export refuses an unknown format
args: export --format xml
exit: 2
err: --format must be json or csv
