#!/bin/sh
# Gear mistakes are named and change nothing: deleting a pair that runs use (counted, with those
# with numbness) unless --force; a retirement dated before the pair's last run; a first use in the
# future. Retiring the default pair says new runs get no shoes, naming a pair to make default;
# --unretire on a pair in use says it is not retired.
. tests/cli/lib.sh
nf gear add old > /dev/null
nf gear add new > /dev/null
for d in 25 26 27 28 29; do nf run add 5 --date 2026-11-$d --shoes old > /dev/null; done
nf run add 8 --date 2026-11-30 --shoes old --numb-at 6 > /dev/null
nf run add 8 --date 2026-12-01 --shoes old --numb-at 6 > /dev/null
snapshot
refused "gear delete: 7 runs (2 with numbness) use 'old': retire them with 'numbfoot gear retire old', or add --force to delete them and leave those runs without shoes" \
	gear delete old
refused "'old' were run in on 2026-12-01 (run 7): a retirement on 2026-11-01 would come before that run" \
	gear retire old --date 2026-11-01
refused "--first-use: 2199-01-01 is in the future" gear add later --first-use 2199-01-01
refused "--first-use: 2199-01-01 is in the future" gear edit new --first-use 2199-01-01
nf gear edit new --unretire > "$t/out"
has "$t/out" "shoes 'new' are not retired: nothing changed"
nf gear retire old --date 2026-12-01 > "$t/out" 2> "$t/err"
has "$t/out" "retired shoes 'old' on 2026-12-01"
has "$t/err" "note: 'old' were the default shoes: new runs will have no shoes until you choose others with 'numbfoot gear default new'"
nf gear edit old --unretire > "$t/out"
has "$t/out" "changed shoes 'old'"
nf gear delete new > "$t/out"
has "$t/out" "deleted shoes 'new'"
nf gear delete old --force > "$t/out"
has "$t/out" "deleted shoes 'old'"
nf run list > "$t/list"
lacks "$t/list" "old"
