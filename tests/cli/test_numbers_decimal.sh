#!/bin/sh
# Every number the command line reads (lib/core/number.c, the page's rule) is decimal: hex
# ("0x10", which strtod reads as 16), hex floats, exponents, infinities and a leading space are
# refused with exit 2 naming the option and nothing stored; a decimal comma is a decimal point,
# as on the page, except "1,500", which could be a thousands separator too.
. tests/cli/lib.sh
nf gear add ghost > /dev/null
nf run add 10 --date 2026-01-02 --duration 60:00 > /dev/null
snapshot
for bad in 0x10 0x1p3 1e2 inf " 150"; do
	refused "--hr: '$bad' is not a number" run add 10 --date 2026-01-03 --hr "$bad"
	refused "--temp: '$bad' is not a number" run edit 1 --temp "$bad"
	refused "--severity: '$bad' is not a number" episode add 1 --at 3 --severity "$bad"
	refused "--recover: '$bad' is not a number" episode add 1 --at 3 --recover "$bad"
	refused "--at: '$bad' is not a number" episode add 1 --at "${bad}min"
done
# A hex number is not one, not a number with the unit 'x55'.
refused "--cadence: '0x55' is not a number (for example 170, 170spm or 85rpm)" run edit 1 --cadence 0x55
refused "--cadence: unknown unit 'xyz' (spm or rpm)" run edit 1 --cadence 170xyz
refused "--cadence: '1,500' could be a thousands separator" run edit 1 --cadence 1,500
refused "--hr: '1,500' could be a thousands separator" run edit 1 --hr 1,500
# The decimal comma is taken wherever a number is.
nf run edit 1 --temp 12,5 --hr 150,5 --cadence 170,5 > /dev/null
nf run show 1 --json > "$t/run.json"
has "$t/run.json" '"temperature_c": 12.5'
has "$t/run.json" '"heart_rate_bpm": 150.5'
has "$t/run.json" '"cadence_spm": 170.5'
nf episode add 1 --at 2,5 --recover 7,5 > /dev/null
nf episode list --json > "$t/ep.json"
has "$t/ep.json" '"onset_km": 2.5'
has "$t/ep.json" '"recover_min": 7.5'
echo ok
