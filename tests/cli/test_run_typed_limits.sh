#!/bin/sh
# A run typed by hand is held to what runners have run: faster than 2:10/km over 1 km or more,
# or 2:30/km over 5 km or more (the world records are 2:12/km and 2:31/km), is a typing slip
# refused with the reason, on run add and run edit; an average heart rate below 40 bpm too; and a
# cadence in the strides range is answered with how to write strides.
. tests/cli/lib.sh
nf run add 7 --date 2026-12-01 --duration 40:00 > /dev/null
snapshot
refused "10.00 km in 15:00 is a pace of 1:30/km, faster than any runner over 5 km or more" \
	run add 10 --date 2026-12-02 --duration 15:00
refused "at most 2:30/km for a run typed by hand" run add 10 --date 2026-12-02 --duration 24:00
refused "2.00 km in 4:00 is a pace of 2:00/km, faster than any runner over 1 km or more" \
	run add 2 --date 2026-12-02 --duration 4:00
refused "7.00 km in 10:00 is a pace of 1:26/km" run edit 1 --duration 10:00
refused "--hr: 30 bpm is not a runner's average (40 to 250" \
	run add 10 --date 2026-12-02 --time 09:00 --duration 50:00 --hr 30
refused "--hr: 39 bpm" run edit 1 --hr 39
refused "--cadence: 80 steps per minute is not a run's (120 to 250); if 80 is strides per minute, write 80rpm" \
	run add 5 --date 2026-12-02 --cadence 80
refused "--cadence: 20 is 20 steps per minute, not a run's (120 to 250 spm)" \
	run add 5 --date 2026-12-02 --cadence 20
# The bounds themselves, and short fast runs, are runs.
nf run add 10 --date 2026-11-01 --duration 25:00 --hr 40 > /dev/null
nf run add 2 --date 2026-11-02 --duration 4:20 > /dev/null
nf run add 0.8 --date 2026-11-03 --duration 1:40 > /dev/null
nf run add 5 --date 2026-11-04 --cadence 80rpm > /dev/null
# An imported run's distance or time changed by hand is typed: held to the same pace.
nf import tests/cli/data/journal/run.gpx > /dev/null 2>&1
id=$(nf run list --json | grep -c '"id"')
snapshot
refused "5.00 km in 10:00 is a pace of 2:00/km, faster than any runner over 5 km or more" \
	run edit "$id" --distance 5 --duration 10:00
nf run edit "$id" --distance 5 --duration 25:00 --force > /dev/null
snapshot
refused "5.00 km in 10:00 is a pace of 2:00/km" run edit "$id" --duration 10:00
