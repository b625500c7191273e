#!/bin/sh
# Every option that takes a distance reads it with the one checker (lib/core/distance.c): not a
# number, an unknown unit, a negative, endless or too long one is refused with exit 2, a message
# naming the option, and nothing stored; km and mi are both taken.
. tests/cli/lib.sh
nf gear add ghost > /dev/null
nf run add 10 --date 2026-01-02 > /dev/null
snapshot
# OPTION ARGS...: refused, naming the option and the value as typed.
refuse_bad() { opt=$1; shift; refused "$opt: " "$@"; has "$t/err" "'$bad'"; }
# Decimal only, as the page reads it: hexadecimal ("0x10" was 16 km), hex floats and exponents too.
for bad in ten nan inf -3 1e999 1001 700mi 10furlongs "" 0x10 0x1p3 1e1 "1,500" " 10"; do
	refuse_bad DISTANCE run add -- "$bad"
	refuse_bad --distance run edit 1 --distance="$bad"
	refuse_bad --at episode add 1 --at="$bad"
	refuse_bad --numb-at run add 10 --numb-at="$bad"
done
refused "DISTANCE: '0' is zero" run add 0
refused "--distance: '0mi' is zero" run edit 1 --distance 0mi
refused "--start-km: '10001' is out of range (0 to 10000 km)" gear add x --start-km 10001
refused "--start-km: '-1' is out of range" gear add x --start-km=-1
refused "--retire-km: '0' is zero" gear add x --retire-km 0
refused "--retire-km: 'far' is not a distance" gear edit ghost --retire-km far
for bad in 0x10 1e2; do
	refuse_bad --start-km gear add x --start-km "$bad"
	refuse_bad --retire-km gear add x --retire-km "$bad"
done
refused "DISTANCE: '0x10' is not a distance" run add 0x10
refused "'1,500' could be a thousands separator or a decimal comma" run add 1,500
# What is a distance is taken, in either unit.
nf run add 6.2mi --json > "$t/run.json"
grep -q '"distance_m": 9977.93' "$t/run.json" || { cat "$t/run.json"; fail "6.2mi not stored as 9977.93 m"; }
nf run add 1000km --shoes none > /dev/null
nf gear add y --start-km 10000 --retire-km 500mi > /dev/null
# A decimal comma is a decimal point, as on the page.
nf run add 1,5 --date 2026-02-01 --json > "$t/run.json"
grep -q '"distance_m": 1500.0' "$t/run.json" || { cat "$t/run.json"; fail "1,5 not stored as 1500 m"; }
nf run add 10,25km --date 2026-02-02 --json > "$t/run.json"
grep -q '"distance_m": 10250.0' "$t/run.json" || { cat "$t/run.json"; fail "10,25km not stored as 10250 m"; }
echo ok
