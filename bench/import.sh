#!/bin/sh
# Benchmark of the watch-file readers: a synthetic run of 110,000 s (110,001 records) written as
# FIT by Garmin's encoder, and as GPX and TCX, read by numbfoot (tests/import/dump: open, detect,
# stream, hash, summarise), by Garmin's FIT SDK in node, and by gpsbabel. Prints wall time (best
# of 3), MB/s, records/s, peak RSS and numbfoot's advantage as ratios. Figures, never pass/fail.
# Usage: sh bench/import.sh [NUMBFOOT]   (the argument, given by make bench, is not used)
set -eu
SECONDS_RUN=${BENCH_IMPORT_SECONDS:-110000}
out=build/bench
dump=build/tests/import/dump
make -s --no-print-directory import-dump
mkdir -p "$out"
if [ ! -d tests/import/node_modules/@garmin/fitsdk ]; then
	(cd tests/import && npm ci --no-audit --no-fund --silent)
fi
mkdir -p tests/import/node_modules/.numbfoot
cp tests/import/make-run-files.mjs tests/import/node_modules/.numbfoot/
if [ ! -f "$out/run$SECONDS_RUN.fit" ]; then
	node tests/import/node_modules/.numbfoot/make-run-files.mjs "$out" "run$SECONDS_RUN" "$SECONDS_RUN" 7
fi
records=$((SECONDS_RUN + 1))
command -v gpsbabel >/dev/null 2>&1 || echo "bench: gpsbabel missing (apt-get install gpsbabel): its rows are left out"
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing (apt-get install time)"; exit 1; }

# measure NAME FILE CMD...: best wall time of 3 runs in seconds, and the largest peak RSS in KiB.
. bench/best_of_3.inc
measure() {
	name=$1; file=$2; shift 2
	best_of_3 "$out/cmd" "$@" || { echo "bench: $name failed"; return 1; }
	bytes=$(stat -c %s "$file")
	awk -v n="$name" -v ns="$best" -v b="$bytes" -v rec="$records" -v rss="$rss" 'BEGIN {
		s = ns / 1e9
		printf "%-34s %8.3f s %9.1f MB/s %11.0f rec/s %8.1f MiB\n", n, s, b / s / 1e6, rec / s, rss / 1024
	}'
	echo "$name $best $rss" >>"$out/import-bench.raw"
}

ratio() { # ratio PEER BASE: how many times slower and larger PEER is than BASE
	awk -v p="$1" -v b="$2" '$1 == p { pt = $2; pr = $3 } $1 == b { bt = $2; br = $3 }
		END { if (pt && bt) printf "  %-32s %6.1fx the time, %6.1fx the memory of %s\n", p, pt / bt, pr / br, b }' \
		"$out/import-bench.raw"
}

: >"$out/import-bench.raw"
f=$out/run$SECONDS_RUN
echo "import benchmark: $records records; FIT $(stat -c %s "$f.fit") B, GPX $(stat -c %s "$f.gpx") B, TCX $(stat -c %s "$f.tcx") B"
printf "%-34s %10s %14s %17s %12s\n" reader wall throughput records "peak RSS"
measure numbfoot-fit "$f.fit" "$dump" "$f.fit"
measure garmin-fitsdk-node "$f.fit" node tests/import/sdk-decode.mjs "$f.fit"
echo "  (of which the SDK's decoder alone: $(cut -d' ' -f2 "$out/cmd.out") ms; the rest is node starting and loading)"
command -v gpsbabel >/dev/null 2>&1 && measure gpsbabel-fit "$f.fit" gpsbabel -i garmin_fit -f "$f.fit" -o unicsv -F /dev/null
measure numbfoot-gpx "$f.gpx" "$dump" "$f.gpx"
command -v gpsbabel >/dev/null 2>&1 && measure gpsbabel-gpx "$f.gpx" gpsbabel -i gpx -f "$f.gpx" -o unicsv -F /dev/null
measure numbfoot-tcx "$f.tcx" "$dump" "$f.tcx"
command -v gpsbabel >/dev/null 2>&1 && measure gpsbabel-tcx "$f.tcx" gpsbabel -i gtrnctr -f "$f.tcx" -o unicsv -F /dev/null
echo "ratios (peer / numbfoot):"
ratio garmin-fitsdk-node numbfoot-fit
ratio gpsbabel-fit numbfoot-fit
ratio gpsbabel-gpx numbfoot-gpx
ratio gpsbabel-tcx numbfoot-tcx
