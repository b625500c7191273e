#!/bin/sh
# A run that starts within 5 minutes of a stored one with a distance within 10% is refused,
# naming that run, exit 2 and nothing stored; --force stores it; a run 10 minutes later, or 15%
# longer, is another run.
. tests/cli/lib.sh
nf run add 4.69 --date 2012-12-26 --time 21:29 --duration 33:13 --numb-at 3 > /dev/null
snapshot
refused "run add: looks like run 1 (2012-12-26 21:29, 4.69 km): add --force to store it anyway" \
	run add 4.69 --date 2012-12-26 --time 21:29 --duration 33:13
refused "looks like run 1" run add 4.4 --date 2012-12-26 --time 21:33
nf run add 4.69 --date 2012-12-26 --time 21:39 > /dev/null
nf run add 5.5 --date 2012-12-26 --time 21:30 > /dev/null
nf run add 4.69 --date 2012-12-26 --time 21:29 --force > "$t/out"
has "$t/out" "added run 4"
nf run list > "$t/list"
[ "$(grep -c km "$t/list")" = 4 ] || { cat "$t/list"; fail "wanted 4 runs"; }
