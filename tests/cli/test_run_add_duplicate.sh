#!/bin/sh
# A run that starts within 5 minutes of a stored one with a distance within 10% is refused,
# naming that run, exit 2 and nothing stored; so is one that overlaps a stored run in time
# (starts before it ends), whatever its distance; --force stores either; a run that starts after
# the other ended is another run, and so are two runs typed with no duration.
. tests/cli/lib.sh
nf run add 4.69 --date 2012-12-26 --time 21:29 --duration 33:13 --numb-at 3 > /dev/null
snapshot
refused "run add: looks like run 1 (2012-12-26 21:29, 4.69 km): add --force to store it anyway" \
	run add 4.69 --date 2012-12-26 --time 21:29 --duration 33:13
refused "looks like run 1" run add 4.4 --date 2012-12-26 --time 21:33
# Inside run 1 (21:29 to 22:02), with another distance: no one runs two runs at once.
refused "run add: this run would overlap run 1 in time (2012-12-26 21:29, 4.69 km, 33:13)" \
	run add 4.69 --date 2012-12-26 --time 21:39
refused "overlap run 1" run add 5.5 --date 2012-12-26 --time 21:30
# Starting before run 1 and running into it.
refused "overlap run 1" run add 10 --date 2012-12-26 --time 21:00 --duration 50:00
nf run add 4.69 --date 2012-12-26 --time 22:10 > /dev/null
nf run add 5 --date 2012-12-26 --time 20:00 --duration 1:29:00 > /dev/null
nf run add 3 --date 2012-12-27 > /dev/null
nf run add 6 --date 2012-12-27 > /dev/null
nf run add 4.69 --date 2012-12-26 --time 21:29 --force > "$t/out"
has "$t/out" "added run 6"
nf run add 5.5 --date 2012-12-26 --time 21:30 --force > /dev/null
nf run list > "$t/list"
[ "$(grep -c km "$t/list")" = 7 ] || { cat "$t/list"; fail "wanted 7 runs"; }
