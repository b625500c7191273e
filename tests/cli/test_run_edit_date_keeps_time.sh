#!/bin/sh
# run edit --date alone moves the run to another day at its own time of day (as --time alone keeps
# the day): a typed run's 07:30, an imported run's start to the second, the local time across a
# change of clocks; --date with --time takes both.
. tests/cli/lib.sh
nf run add 10 --date 2026-11-20 --time 07:30 > /dev/null
nf run edit 1 --date 2026-11-10 > /dev/null
nf run list --json > "$t/out"
has "$t/out" '"start_time": "2026-11-10T07:30:00Z"'
nf run edit 1 --date 2026-11-11 --time 18:05 > /dev/null
nf run list --json > "$t/out"
has "$t/out" '"start_time": "2026-11-11T18:05:00Z"'

sed 's/T06:30:/T14:34:/g' tests/cli/data/journal/run.gpx > "$t/late.gpx"
nf import "$t/late.gpx" > /dev/null 2>&1
nf run edit 2 --date 2026-10-01 > /dev/null
nf run list --json > "$t/out"
has "$t/out" '"start_time": "2026-10-01T14:34:00Z"'

# Local time: 07:30 in Berlin in summer (05:30 UTC) stays 07:30 in winter (06:30 UTC).
TZ=Europe/Berlin nf run add 5 --date 2026-10-20 --time 07:30 --db "$t/b.db" > /dev/null
TZ=Europe/Berlin nf run edit 1 --date 2026-11-03 --db "$t/b.db" > /dev/null
nf run list --json --db "$t/b.db" > "$t/out"
has "$t/out" '"start_time": "2026-11-03T06:30:00Z"'
echo ok
