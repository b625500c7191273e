#!/bin/sh
# gear edit changes only what its options name, renames, brings a retired pair back, refuses a
# taken nickname without changing anything; gear delete --force leaves the runs in the pair.
. tests/cli/lib.sh

nf gear add ghost --brand Brooks --model 'Ghost 15' --start-km 100 > "$t/out"
nf gear add red > "$t/out"
nf run add 10 --shoes ghost --date 2026-11-01 > "$t/out"
nf gear edit ghost --retire-km 700 > "$t/out"
has "$t/out" "changed shoes 'ghost'"
nf gear list --json > "$t/out"
has "$t/out" '"retire_km": 700'
has "$t/out" '"brand": "Brooks"'
has "$t/out" '"start_km": 100'
has "$t/out" '"used_km": 110'

nf gear edit ghost --name ghost15 --racing > "$t/out"
nf gear list > "$t/out"
has "$t/out" "ghost15"
has "$t/out" "110.0 km / 400 km"

# A taken nickname: usage error, nothing changed.
if nf gear edit ghost15 --name red --retire-km 900 > "$t/out" 2> "$t/err"; then fail "a taken nickname was accepted"; fi
has "$t/err" "already gear named 'red'"
nf gear list --json > "$t/out"
has "$t/out" '"retire_km": 400'

nf gear retire ghost15 --date 2026-11-10 > "$t/out"
nf gear edit ghost15 --unretire > "$t/out"
nf gear list > "$t/out"
grep "ghost15" "$t/out" | grep -q retired && fail "still retired after --unretire"

if nf gear edit ghost15 --retire-km 0 > "$t/out" 2> "$t/err"; then fail "--retire-km 0 accepted"; fi
has "$t/err" "--retire-km: '0' is zero; a retirement distance must be more than 0"

if nf gear delete ghost15 > "$t/out" 2> "$t/err"; then fail "deleted though a run uses it"; fi
has "$t/err" "1 run (0 with numbness) use 'ghost15'"
nf gear delete ghost15 --force > "$t/out"
has "$t/out" "deleted shoes 'ghost15'; the runs in them keep their data"
nf run list --json > "$t/out"
has "$t/out" '"distance_m": 10000'
has "$t/out" '"shoes": null'
if nf gear delete ghost15 > "$t/out" 2> "$t/err"; then fail "deleted twice"; fi
has "$t/err" "no gear named 'ghost15'"
