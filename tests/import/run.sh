#!/bin/sh
# The cross-format check of the importers: Garmin's FIT SDK decodes the FIT fixtures and
# the fuzz seeds, numbfoot's dump tool reads the same files, and compare.mjs holds them to each
# other; then synthetic runs written as FIT (by the SDK's encoder), GPX and TCX are held to the
# truth their writer records. Offline once `npm ci` has run here (this script runs it if needed).
# Usage: tests/import/run.sh DUMP    (from the repository root; make import-oracle-test)
set -eu
dump=$1
here=tests/import
out=build/import-oracle
command -v node >/dev/null 2>&1 || { echo "import-oracle-test: node missing"; exit 1; }
if [ ! -d "$here/node_modules/@garmin/fitsdk" ]; then
	(cd "$here" && npm ci --no-audit --no-fund --silent) || { echo "import-oracle-test: npm ci failed"; exit 1; }
fi
mkdir -p "$out" "$here/node_modules/.numbfoot"
# An ES module resolves packages from its own folder, so the writer runs from inside node_modules.
cp "$here/make-run-files.mjs" "$here/node_modules/.numbfoot/make-run-files.mjs"
node "$here/node_modules/.numbfoot/make-run-files.mjs" "$out" synth-short 600 5
node "$here/node_modules/.numbfoot/make-run-files.mjs" "$out" synth-hour 3600 11
set -- tests/fixtures/fit/*.fit fuzz/corpus/fit/*.fit "$out"/synth-short.fit "$out"/synth-hour.fit
"$dump" "$@" "$out"/synth-*.gpx "$out"/synth-*.tcx > "$out/numbfoot.jsonl" || true
node "$here/oracle.mjs" "$@" > "$out/sdk.jsonl"
mkdir -p build/results
rc=0
node "$here/compare.mjs" "$out/numbfoot.jsonl" "$out/sdk.jsonl" "$out" synth-short synth-hour > "$out/compare.log" || rc=$?
cat "$out/compare.log"
# The closing line "import oracle: P passed, F failed" feeds tests/summary.sh.
sed -n 's/^import oracle: \([0-9]*\) passed, \([0-9]*\) failed$/oracle \1 \2/p' "$out/compare.log" > build/results/oracle
[ -s build/results/oracle ] || echo "oracle 0 1" > build/results/oracle
exit $rc
