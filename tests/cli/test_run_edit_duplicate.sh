#!/bin/sh
# run edit makes the check run add makes: a change of date, time, distance or duration that makes
# the run like another, or lays it over one in time, is refused naming that run (exit 2, nothing
# changed); the run itself is never the other one; --force changes it anyway; an edit that moves
# nothing (notes) is not checked.
. tests/cli/lib.sh
nf run add 7 --date 2026-12-03 --duration 40:00 > /dev/null
nf run add 7 --date 2026-12-02 --duration 40:00 > /dev/null
nf run add 5 --date 2026-12-02 --time 15:00 --duration 30:00 > /dev/null
snapshot
refused "run edit: looks like run 1 (2026-12-03 12:00, 7.00 km): add --force to change it anyway" \
	run edit 2 --date 2026-12-03
refused "run edit: this run would overlap run 2 in time (2026-12-02 12:00, 7.00 km, 40:00)" \
	run edit 3 --time 12:20
refused "overlap run 3" run edit 2 --duration 3:30:00
# The run's own time and distance are no clash.
nf run edit 1 --duration 41:00 > "$t/out"
has "$t/out" "updated run 1"
nf run edit 1 --distance 7.2 --time 12:01 > /dev/null
nf run edit 2 --notes "easy" > /dev/null
nf run edit 2 --date 2026-12-03 --force > "$t/out"
has "$t/out" "updated run 2"
