#!/bin/sh
# Miles end to end: analyze and report speak in miles with --miles or with units = mi in the
# config, and in km otherwise; the stored values and the JSON stay in km. The runs span four weeks,
# so that the weekly figure is known.
. tests/cli/lib.sh
export NUMBFOOT_NOW=2026-11-28

nf gear add blue --retire-km 800 > /dev/null
# five onsets (a usual onset distance needs 5), 64 km in all: 16 km a week
for d in 01 07 14 20 26; do nf run add 12.8km --date 2026-11-$d --numb-at 8km > /dev/null; done

nf analyze > "$t/km.txt"
has "$t/km.txt" "median onset 8.0 km into the run"
nf analyze --miles > "$t/mi.txt"
has "$t/mi.txt" "median onset 5.0 mi into the run"
has "$t/mi.txt" "of 497 mi"
nf analyze --miles --json > "$t/mi.json"
has "$t/mi.json" '"week_km_recent": 16'

nf report --miles -o "$t/r.html" > /dev/null
has "$t/r.html" "mi a week over the last 4 weeks"
has "$t/r.html" "9.9 mi"
lacks "$t/r.html" "km a week"

# The config alone does the same, for the PDF as well.
mkdir -p "$t/config/numbfoot"
echo "units = mi" > "$t/config/numbfoot/config"
nf report -o "$t/r.pdf" > /dev/null
pdftotext "$t/r.pdf" "$t/r.txt"
has "$t/r.txt" "mi a week"
has "$t/r.txt" "mi per week"
lacks "$t/r.txt" "km a week"
