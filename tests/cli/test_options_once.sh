#!/bin/sh
# An option that takes a value is given once: a second one (which used to win silently) is
# refused with exit 2 naming it, and nothing is stored; -o and --output are one option. A flag
# given twice says the same thing twice and is taken.
. tests/cli/lib.sh
nf gear add peg > /dev/null
nf run add 10 --date 2026-01-02 > /dev/null
snapshot
refused "run add: --date given twice" run add 10 --date 2026-10-08 --date 2026-10-09
refused "run add: --date given twice" run add 10 --date=2026-10-08 --date 2026-10-08
refused "run add: --notes given twice" run add 10 --date 2026-10-08 --notes a --notes b
refused "run edit: --distance given twice" run edit 1 --distance 5 --distance 6
refused "gear add: --brand given twice" gear add x --brand A --brand B
refused "episode add: --at given twice" episode add 1 --at 3 --at 4
refused "run list: --db given twice" run list --db "$t/a.db" --db "$t/b.db"
refused "report: --output given twice" report -o "$t/a.html" --output "$t/b.html"
[ ! -e "$t/a.html" ] && [ ! -e "$t/b.html" ] || fail "a report was written"
# A flag twice is still the flag.
nf run add 5 --date 2026-01-05 --force --force > /dev/null
echo ok
