#!/bin/sh
# Analysis and report benchmark: a journal of 5,000 runs with about 1,000 episodes (built by
# bench/analyze_bench.c through the journal's API), then `numbfoot analyze --json` and
# `numbfoot report` as PDF and HTML on it. Prints wall time (best of 3) and output sizes.
# Figures, never pass/fail. Usage: sh bench/analyze.sh [path/to/numbfoot]
set -eu
bin=${1:-build/numbfoot}
RUNS=${BENCH_RUNS:-5000}
EPISODES=${BENCH_EPISODES:-1000}
now=2026-04-01T00:00:00Z
now_unix=$(date -u -d 2026-04-01 +%s)
out=build/bench/analyze
make -s --no-print-directory "$bin" build/bench/analyze_bench
rm -rf "$out"; mkdir -p "$out"
t0=$(date +%s.%N)
build/bench/analyze_bench "$out/j.db" "$RUNS" "$EPISODES" "$now_unix"
t1=$(date +%s.%N)
printf 'build the journal through the API: %.2f s\n' "$(echo "$t1 - $t0" | bc -l)"

# best NAME CMD...: best wall time of 3 runs
best() {
	name=$1; shift
	b=""
	for i in 1 2 3; do
		s=$(date +%s.%N)
		"$@" >/dev/null
		e=$(date +%s.%N)
		t=$(echo "$e - $s" | bc -l)
		if [ -z "$b" ] || [ "$(echo "$t < $b" | bc -l)" = 1 ]; then b=$t; fi
	done
	printf '%-34s %7.3f s\n' "$name" "$b"
}
best "analyze --json" "$bin" analyze --json --db "$out/j.db" --now "$now"
best "report -o report.pdf" "$bin" report --db "$out/j.db" --now "$now" -o "$out/report.pdf"
best "report -o report.html" "$bin" report --db "$out/j.db" --now "$now" -o "$out/report.html"
best "report -o figures.png" "$bin" report --db "$out/j.db" --now "$now" -o "$out/figures.png"
printf 'report.pdf %s bytes, %s pages; report.html %s bytes; figures.png %s bytes\n' \
	"$(wc -c < "$out/report.pdf")" "$(pdfinfo "$out/report.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')" \
	"$(wc -c < "$out/report.html")" "$(wc -c < "$out/figures.png")"
"$bin" analyze --db "$out/j.db" --now "$now" | sed -n '1,6p'
