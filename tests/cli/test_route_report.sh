#!/bin/sh
# A watch file's route: kept by import (not with --no-route), drawn by report --gps for the runs
# with numbness with where it began, left out of the report without --gps, and gone after
# forget --all.
. tests/cli/lib.sh
export NUMBFOOT_NOW=2026-11-28
fit=tests/fixtures/fit/garmin-fenix-5-run.fit

nf import "$fit" > /dev/null 2>&1
nf episode add last --at 0.1 --where dorsum --severity 3 > /dev/null
nf report --gps -o "$t/gps.pdf" > /dev/null
pdftotext "$t/gps.pdf" "$t/gps.txt"
has "$t/gps.txt" "Routes of the latest runs with numbness"
has "$t/gps.txt" "numb at 0.1 km"
has "$t/gps.txt" "numbness began"
nf report --gps -o "$t/gps.html" > /dev/null
has "$t/gps.html" 'aria-label="Routes of the latest runs with numbness"'
nf report -o "$t/plain.pdf" > /dev/null
pdftotext "$t/plain.pdf" "$t/plain.txt"
has "$t/plain.txt" "GPS tracks are left out"
lacks "$t/plain.txt" "Routes of the latest runs"

# run edit --drop-route deletes the route and keeps the run.
nf run edit last --drop-route > /dev/null
nf report --gps -o "$t/dropped.pdf" > /dev/null
pdftotext "$t/dropped.pdf" "$t/dropped.txt"
has "$t/dropped.txt" "No route is stored for the runs with numbness"
nf run list --json > "$t/runs.json"
has "$t/runs.json" '"source_file": "garmin-fenix-5-run.fit"'

# The same file without its route: the report says none is stored.
nf forget --all --yes > /dev/null
nf import --no-route "$fit" > /dev/null 2>&1
nf episode add last --at 0.1 > /dev/null
nf report --gps -o "$t/none.pdf" > /dev/null
pdftotext "$t/none.pdf" "$t/none.txt"
has "$t/none.txt" "No route is stored for the runs with numbness"
