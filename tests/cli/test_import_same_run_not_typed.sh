#!/bin/sh
# A run typed by hand is never taken for the same run as a watch file (the file brings more), and
# two runs that start together but differ in distance by more than 2% are both kept.
set -eu
db=$HOME/j.db
"$NUMBFOOT" run add 7.2km --date 2026-10-04 --time 06:30 --db "$db" >/dev/null
"$NUMBFOOT" import tests/cli/data/import/same-run.fit --db "$db" >"$HOME/out" 2>&1
grep -q "^imported 1 run$" "$HOME/out" || { cat "$HOME/out"; exit 1; }
# The TCX with its distance stretched by 5%: another run.
sed 's|<DistanceMeters>7241.7</DistanceMeters>|<DistanceMeters>7557.0</DistanceMeters>|' \
	tests/cli/data/import/same-run.tcx >"$HOME/longer.tcx"
grep -q 7557.0 "$HOME/longer.tcx"
"$NUMBFOOT" import "$HOME/longer.tcx" --db "$db" >"$HOME/out" 2>&1
grep -q "^imported 1 run$" "$HOME/out" || { cat "$HOME/out"; exit 1; }
