#!/bin/sh
# A pair's dates hold its runs, on every path: a run in a pair retired before it or first used
# after it is refused naming both dates (run add --shoes, run edit --date/--shoes, run edit
# --from/--to), as is a first use after the pair's first run and a retirement before the first
# use (exit 2, nothing changed). The default pair on a day it was not in service gives the run the
# pair in service then, or none, with a note.
. tests/cli/lib.sh
nf gear add peg --first-use 2010-01-01 > /dev/null
nf run add 10 --date 2012-03-01 > /dev/null
nf run add 8 --date 2026-11-20 > /dev/null
nf gear add newer --first-use 2026-12-01 > /dev/null
nf gear add gone --first-use 2011-01-01 > /dev/null
nf gear retire gone --date 2011-06-01 > /dev/null
snapshot
refused "shoes 'gone' were retired on 2011-06-01, before run 1 on 2012-03-01" \
	run edit --from 2010-01-01 --to 2026-11-30 --shoes gone
refused "shoes 'newer' were first used on 2026-12-01, after run 1 on 2012-03-01" \
	run edit --from 2010-01-01 --to 2026-11-30 --shoes newer
refused "shoes 'gone' were retired on 2011-06-01, before this run on 2026-11-01" \
	run add 5 --date 2026-11-01 --shoes gone
refused "shoes 'newer' were first used on 2026-12-01, after this run on 2026-11-02" \
	run add 5 --date 2026-11-02 --shoes newer
refused "shoes 'peg' were first used on 2010-01-01, after run 1 on 2009-06-02" \
	run edit 1 --date 2009-06-02
refused "before run 2 on 2026-11-20" run edit 2 --shoes gone
refused "'peg' were run in on 2012-03-01 (run 1): a first use on 2020-01-01 would come after that run" \
	gear edit peg --first-use 2020-01-01
refused "'newer' were first used on 2026-12-01: a retirement on 2026-11-01 would come before that" \
	gear retire newer --date 2026-11-01
refused "'gone' were first used on 2011-07-01: a retirement on 2011-06-01 would come before that" \
	gear edit gone --first-use 2011-07-01
# The default pair, not yet in service: the run goes in the pair in service that day, or none.
nf run add 10 --date 2009-06-01 > "$t/out" 2> "$t/err"
has "$t/err" "note: shoes 'peg' were first used on 2010-01-01, after this run on 2009-06-01"
has "$t/err" "the run is stored without shoes"
lacks "$t/out" " in 'peg'"
nf run add 10 --date 2011-03-01 > "$t/out" 2> "$t/err"
lacks "$t/err" "note"
has "$t/out" "in 'peg'"
nf run edit 1 --notes "kept" > /dev/null
echo ok
