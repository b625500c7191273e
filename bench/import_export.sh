#!/bin/sh
# Benchmark of a whole history at once: a synthetic Strava-style bulk export of 2,000 activities
# (tests/import/make-export.py: activities.csv with gear, .fit.gz, .gpx.gz and .tcx files, gzip
# inside the zip, one in ten a ride, one in twenty-five a manual activity) imported by
# 'numbfoot import' into a new journal, from the zip and from the folder it unpacks to, with and
# without routes. Prints wall time (best of 3), activity files per second and peak RSS; the goal
# is under 30 s with progress. Figures, never pass/fail.
# Usage: sh bench/import_export.sh [NUMBFOOT]   (default build/numbfoot)
set -eu
nf=${1:-build/numbfoot}
n=${BENCH_EXPORT_ACTIVITIES:-2000}
out=build/bench
mkdir -p "$out"
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing (apt-get install time)"; exit 1; }
zip=$out/strava-export-$n.zip
dir=$out/strava-export-$n
if [ ! -f "$zip" ] || [ ! -d "$dir" ]; then
	rm -rf "$dir"
	python3 tests/import/make-export.py strava "$n" "$zip" --dir "$dir"
fi
files=$(find "$dir/activities" -type f | wc -l)
echo "export benchmark: $n activities, $files files, zip $(stat -c %s "$zip") B, unpacked $(du -sb "$dir" | cut -f1) B"
printf "%-34s %10s %14s %12s  %s\n" import wall files/s "peak RSS" summary

# measure NAME ARGS...: best wall time of 3 imports into a new journal, and the largest peak RSS.
. bench/best_of_3.inc
bench_before='rm -f "$out/export-bench.db" "$out/export-bench.db-wal" "$out/export-bench.db-shm"'
measure() {
	name=$1; shift
	best_of_3 "$out/cmd" "$nf" import "$@" --db "$out/export-bench.db" || { echo "bench: $name failed"; return 1; }
	awk -v n="$name" -v ns="$best" -v f="$files" -v rss="$rss" -v s="$(head -1 "$out/cmd.out")" 'BEGIN {
		t = ns / 1e9
		printf "%-34s %8.2f s %14.0f %8.1f MiB  %s\n", n, t, f / t, rss / 1024, s
	}'
}

measure zip "$zip"
measure zip-no-route "$zip" --no-route
measure folder "$dir"
echo "progress lines on standard error: $(grep -c '^\[' "$out/cmd.err")"
