#!/bin/sh
# Values no run has are refused with the option and the reason, exit 2, nothing stored: a cadence
# outside 120-250 spm, a pace faster than the importer's 12 m/s, numbness past the run's end (in
# minutes or km, on run add and episode add), a run edit that would end a run before its
# numbness, and a date before 1970, named with --date and the range.
. tests/cli/lib.sh
nf run add 7 --date 2026-12-02 --duration 40:00 > /dev/null
nf episode add 1 --at 6 > /dev/null
snapshot
refused "--cadence: 20 is 20 steps per minute, not a run's (120 to 250 spm" run add 5 --date 2026-12-01 --cadence 20
refused "--cadence: 300 is 300 steps per minute" run add 5 --date 2026-12-01 --cadence 300
refused "faster than anyone runs (at most 12 m/s" run add 10 --date 2026-12-01 --duration 5:00
refused "--numb-at: 90 min is past the end of this run of 30:00" run add 5 --date 2026-12-01 --numb-at 90min --duration 30:00
refused "--numb-at: 12.00 km is past the end of this 5.00 km run" run add 5 --date 2026-12-01 --numb-at 12
refused "an onset at 9.00 km is past the end of run 1 (7.00 km)" episode add 1 --at 9
refused "an onset at 50 min is past the end of run 1 (40:00 long)" episode add 1 --at 50min
refused "run 1 has numbness recorded at 6.00 km, past a distance of 5.00 km" run edit 1 --distance 5
refused "faster than anyone runs" run edit 1 --duration 1:00
refused "--date: 1926-06-01 is out of range (1970-01-01 to today)" run add 5 --date 1926-06-01
# The bounds themselves are runs.
nf run add 5 --date 2026-11-01 --cadence 120 > /dev/null
nf run add 5 --date 2026-11-02 --cadence 125rpm > /dev/null
nf run add 5 --date 2026-11-03 --duration 30:00 --numb-at 30min > /dev/null
nf episode add 1 --at 7 > /dev/null
nf run edit 1 --distance 7.5 > /dev/null
