#!/bin/sh
# import takes any number of files on its command line (a shell glob of a year of runs): 70
# copies of one run, each moved to a day of its own so that none is a duplicate, and a broken one
# among them that does not stop the rest.
set -eu
dir=$HOME/many
mkdir -p "$dir"
i=1
while [ "$i" -le 70 ]; do
	day=$(printf '2026-%02d-%02d' $((1 + (i - 1) / 28)) $((1 + (i - 1) % 28)))
	sed "s|2026-10-04|$day|g" tests/cli/data/journal/run.gpx >"$dir/run$(printf %03d "$i").gpx"
	i=$((i + 1))
done
cp tests/cli/data/journal/broken.gpx "$dir/run035b.gpx"
set +e
"$NUMBFOOT" import "$dir"/*.gpx >"$HOME/out" 2>"$HOME/err"
rc=$?
set -e
[ "$rc" -eq 3 ] || { echo "exit $rc, wanted 3 (runs stored, one file refused)"; cat "$HOME/err"; exit 1; }
grep -q "run035b.gpx:1:" "$HOME/err" || { echo "the broken file is not named"; cat "$HOME/err"; exit 1; }
grep -q "^imported 70 runs.*1 failed" "$HOME/out" || { echo "wrong summary:"; cat "$HOME/out"; exit 1; }
