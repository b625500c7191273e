#!/bin/sh
# Every option that takes a date reads it the same strict way (lib/core/date.c): a sign, a day
# the calendar lacks, a month 13 or anything after the date is refused with exit 2, a message
# naming the option, and nothing stored.
. tests/cli/lib.sh
nf gear add ghost --first-use 2026-01-01 > /dev/null
nf run add 10 --date 2026-01-02 > /dev/null
snapshot
for bad in 2026-+1-02 2026-02-31 2026-13-01 2026-01-02x 2026-1-02 " 2026-01-02"; do
	refused "--date: '$bad' is not a" run add 10 --date "$bad"
	refused "--date: '$bad' is not a" run edit 1 --date "$bad"
	refused "--first-use: '$bad' is not a" gear add x --first-use "$bad"
	refused "--first-use: '$bad' is not a" gear edit ghost --first-use "$bad"
	refused "--date: '$bad' is not a" gear retire ghost --date "$bad"
	refused "--from: '$bad' is not a" run edit --from "$bad" --to 2026-02-01 --shoes none
	refused "--to: '$bad' is not a" run edit --from 2026-01-01 --to "$bad" --shoes none
	refused "--now: '$bad' is not a" analyze --now "$bad"
done
# The time of day beside a date is read as strictly: HH:MM, no sign, nothing after it.
for bad in +7:05 7:05 07:5x 24:00 07:60; do
	refused "--time: '$bad' is not a time of day (HH:MM)" run add 10 --date 2026-01-02 --time "$bad"
done
# The calendar's reason is given, and the same dates are taken when they are days.
nf run add 10 --date 2026-02-31 2> "$t/err" && fail "2026-02-31 taken"
has "$t/err" "2026-02 has 28 days"
nf run add 10 --date 2024-02-29 > /dev/null
nf gear add y --first-use 2024-02-29 > /dev/null
echo ok
