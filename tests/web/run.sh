#!/bin/sh
# Browser tests: starts `numbfoot serve` on a free loopback port with an empty journal, runs the
# Chromium tests against it, stops it, and records "web passed failed" for tests/summary.sh.
# Usage: run.sh path/to/numbfoot   (from the repository root; make web-test does)
set -u
bin=$1
case "$bin" in /*) ;; *) bin=$(pwd)/$bin ;; esac
# The sanitizer build (make san-check) records its own result, and its screenshots go elsewhere.
tag=""; shots=build/screenshots
case "$bin" in */build/san/*) tag="-san"; shots=build/san/screenshots ;; esac
mkdir -p build/results "$shots"
record() { echo "web$tag $1 $2" > "build/results/web$tag"; echo "browser tests$tag: $1 passed, $2 failed"; }
if [ ! -x /usr/bin/chromium ] || ! command -v npm >/dev/null 2>&1; then
	echo "web-test: chromium or npm missing (sh scripts/deps.sh --test)"; record 0 1; exit 1
fi
# npm ci starts from an empty node_modules; skip it when the installed tree matches the lock file.
[ tests/web/node_modules/.package-lock.json -nt tests/web/package-lock.json ] ||
(cd tests/web && npm ci --no-audit --no-fund --silent >/dev/null 2>&1) || {
	echo "web-test: npm ci failed in tests/web"; record 0 1; exit 1; }
tmp=$(mktemp -d)
mkdir -p "$tmp/data" "$tmp/config"
XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" "$bin" serve --port 0 --no-open \
	--db "$tmp/data/journal.db" >"$tmp/out" 2>"$tmp/err" &
pid=$!
stop() { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$tmp"; }
url=""
for _ in $(seq 1 100); do
	url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/?token=[0-9a-f]*' "$tmp/out" 2>/dev/null | head -1)
	[ -n "$url" ] && break
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.1
done
if [ -z "$url" ]; then
	echo "web-test: the server did not start"; cat "$tmp/err"; stop; record 0 1; exit 1
fi
# The other test files, in an order that builds one journal: test_journal.mjs first.
extra="tests/web/test_journal.mjs tests/web/test_trends.mjs tests/web/test_a11y.mjs"
EXTRA_TESTS=$extra SCREENSHOTS=$shots node tests/web/test_app.mjs "$url" >"$tmp/log" 2>&1
rc=$?
cat "$tmp/log"
p=$(sed -n 's/^web: \([0-9]*\) passed, \([0-9]*\) failed/\1/p' "$tmp/log")
f=$(sed -n 's/^web: \([0-9]*\) passed, \([0-9]*\) failed/\2/p' "$tmp/log")
p=${p:-0}; f=${f:-1}
[ $rc -ne 0 ] && [ "$f" -eq 0 ] && f=1
if ! kill -0 "$pid" 2>/dev/null; then echo "web-test: the server died during the tests"; cat "$tmp/err"; f=$((f + 1)); fi
kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
# A sanitizer build reports memory errors and leaks on its standard error, at the latest on exit.
if grep -q 'Sanitizer\|runtime error' "$tmp/err"; then
	echo "web-test: the server reported:"; head -40 "$tmp/err"; f=$((f + 1))
fi
stop
record "$p" "$f"
[ "$f" -eq 0 ]
