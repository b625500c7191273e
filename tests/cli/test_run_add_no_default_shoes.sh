#!/bin/sh
# After the default pair is retired, run add without --shoes stores the run without shoes and says
# so once, with how to give it some and set a default; with every pair retired it says to add
# one; --shoes none, or a journal that keeps no shoes, says nothing.
. tests/cli/lib.sh
nf run add 5 --date 2026-12-01 2>"$t/err" >/dev/null
[ ! -s "$t/err" ] || { cat "$t/err"; fail "a journal with no shoes was told about shoes"; }
nf gear add old >/dev/null
nf gear add new >/dev/null
nf run add 5 --date 2026-12-02 2>"$t/err" >/dev/null
[ ! -s "$t/err" ] || { cat "$t/err"; fail "a run in the default shoes got a note"; }
nf gear retire old >/dev/null 2>&1
nf run add 5 --date 2026-12-03 >"$t/out" 2>"$t/err"
has "$t/err" "note: run 3 has no shoes, as no pair is the default: give it some with 'numbfoot run edit 3 --shoes new', and choose the default with 'numbfoot gear default new'"
[ "$(grep -c 'no shoes' "$t/err")" = 1 ] || { cat "$t/err"; fail "said more than once"; }
nf run add 5 --date 2026-12-04 --shoes none 2>"$t/err" >/dev/null
[ ! -s "$t/err" ] || { cat "$t/err"; fail "--shoes none got a note"; }
nf gear retire new >/dev/null 2>&1
nf run add 5 --date 2026-12-05 >/dev/null 2>"$t/err"
has "$t/err" "run 5 has no shoes, as every pair is retired: add the pair you run in with 'numbfoot gear add NICKNAME'"
