#!/bin/sh
# Every option that takes a date reads it the same strict way (lib/core/date.c): a sign, a day
# the calendar lacks, a month 13 or anything after the date is refused with exit 2, a message
# naming the option, and nothing stored.
. tests/cli/lib.sh
nf gear add ghost --first-use 2026-01-01 > /dev/null
nf run add 10 --date 2026-01-02 > /dev/null
nf export | grep -v '"exported"' > "$t/before"
refuse() { # OPTION ARGS...: refused, the message names OPTION, the journal unchanged
	opt=$1; shift
	rc=0
	nf "$@" > "$t/out" 2> "$t/err" || rc=$?
	[ "$rc" = 2 ] || fail "exit $rc, wanted 2: $* ($(cat "$t/err"))"
	has "$t/err" "$opt: '$bad' is not a"
	nf export | grep -v '"exported"' > "$t/after"
	cmp -s "$t/before" "$t/after" || fail "journal changed by: $*"
}
for bad in 2026-+1-02 2026-02-31 2026-13-01 2026-01-02x 2026-1-02 " 2026-01-02"; do
	refuse --date run add 10 --date "$bad"
	refuse --date run edit 1 --date "$bad"
	refuse --first-use gear add x --first-use "$bad"
	refuse --first-use gear edit ghost --first-use "$bad"
	refuse --date gear retire ghost --date "$bad"
	refuse --from run edit --from "$bad" --to 2026-02-01 --shoes none
	refuse --to run edit --from 2026-01-01 --to "$bad" --shoes none
	refuse --now analyze --now "$bad"
done
# The calendar's reason is given, and the same dates are taken when they are days.
nf run add 10 --date 2026-02-31 2> "$t/err" && fail "2026-02-31 taken"
has "$t/err" "2026-02 has 28 days"
nf run add 10 --date 2024-02-29 > /dev/null
nf gear add y --first-use 2024-02-29 > /dev/null
echo ok
