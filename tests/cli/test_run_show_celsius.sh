# run show prints the temperature in °C, as the analysis and the report do.
. tests/cli/lib.sh
nf run add 8 --date 2026-11-01 --temp 4.5 > /dev/null
nf run show last > "$t/out"
has "$t/out" "temp       4.5 °C"
lacks "$t/out" "4.5 C"
echo ok
