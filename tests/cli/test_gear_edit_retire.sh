#!/bin/sh
# gear edit that takes a pair in use past its retirement distance warns in run add's words (once,
# not again for a pair already past it, nor for a retired pair); --racing with --retire-km, two
# retirement distances, is refused naming both, on gear edit and gear add, nothing stored.
. tests/cli/lib.sh

nf gear add peg > "$t/out"
nf run add 134 --date 2026-11-01 --duration 15:00:00 > "$t/out"
nf gear edit peg --retire-km 50 > "$t/out" 2> "$t/err"
has "$t/out" "changed shoes 'peg'"
has "$t/err" "numbfoot: warning: shoes 'peg' have now run 134 km, past their 50 km retirement distance; worn cushioning can add to numbness"
# The same words as a run that crosses the distance.
nf gear edit peg --retire-km 140 > "$t/out" 2> "$t/err"
[ -s "$t/err" ] && fail "a pair not past its distance warned: $(cat "$t/err")"
nf run add 10 --date 2026-11-03 > "$t/out" 2> "$t/run.err"
has "$t/run.err" "numbfoot: warning: shoes 'peg' have now run 144 km, past their 140 km retirement distance; worn cushioning can add to numbness"
# Already past: no second warning for another edit.
nf gear edit peg --retire-km 100 > "$t/out" 2> "$t/err"
[ -s "$t/err" ] && fail "warned again for a pair already past: $(cat "$t/err")"
# --start-km can take a pair past too.
nf gear add red > "$t/out"
nf gear edit red --start-km 900 > "$t/out" 2> "$t/err"
has "$t/err" "shoes 'red' have now run 900 km, past their 800 km retirement distance"
# A retired pair is not warned of.
nf gear add old > "$t/out"
nf gear retire old --date 2026-11-05 > "$t/out"
nf gear edit old --start-km 900 > "$t/out" 2> "$t/err"
[ -s "$t/err" ] && fail "warned of a retired pair: $(cat "$t/err")"

snapshot
refused "gear edit: --racing and --retire-km both set the retirement distance (--racing: 400 km): give one of them" \
	gear edit peg --racing --retire-km 700
refused "gear add: --racing and --retire-km both set the retirement distance" gear add fast --racing --retire-km 700
nf gear edit peg --racing > "$t/out"
nf gear list --json > "$t/out"
has "$t/out" '"retire_km": 400'
