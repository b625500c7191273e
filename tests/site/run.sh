#!/bin/sh
# Browser tests of the static site (make site-test): serves build/site/ as any static host would
# (python3's http.server on a free loopback port), starts `numbfoot serve` with an empty journal
# as the native oracle of the interview's screens, runs tests/site/test_site.mjs in Debian's
# Chromium, stops both, and records "site passed failed" for tests/summary.sh.
# Usage: run.sh path/to/numbfoot   (from the repository root, after make site)
set -u
bin=$1
case "$bin" in /*) ;; *) bin=$(pwd)/$bin ;; esac
shots=build/screenshots
mkdir -p build/results "$shots"
record() { echo "site $1 $2" > build/results/site; echo "site tests: $1 passed, $2 failed"; }
if [ ! -x /usr/bin/chromium ] || ! command -v npm >/dev/null 2>&1 || ! command -v python3 >/dev/null 2>&1; then
	echo "site-test: chromium, npm or python3 missing (sh scripts/deps.sh --test)"; record 0 1; exit 1
fi
[ -f build/site/numbfoot.wasm ] && [ -f build/site/sw.js ] || { echo "site-test: no build/site (make site)"; record 0 1; exit 1; }
# The same packages as the served page's tests (playwright-core, axe-core), from its lock file.
[ tests/web/node_modules/.package-lock.json -nt tests/web/package-lock.json ] ||
(cd tests/web && npm ci --no-audit --no-fund --silent >/dev/null 2>&1) || {
	echo "site-test: npm ci failed in tests/web"; record 0 1; exit 1; }
tmp=$(mktemp -d)
http_pid=""; serve_pid=""
trap 'kill $http_pid $serve_pid 2>/dev/null; rm -rf "$tmp"' EXIT

# Port 0: the system picks a free port, which http.server prints.
(cd build/site && exec python3 -u -m http.server --bind 127.0.0.1 0) >"$tmp/http.out" 2>"$tmp/http.err" &
http_pid=$!
mkdir -p "$tmp/data" "$tmp/config"
mkdir -m 700 "$tmp/run"
XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_RUNTIME_DIR="$tmp/run" "$bin" serve --port 0 --no-open \
	--db "$tmp/data/serve.db" >"$tmp/serve.out" 2>"$tmp/serve.err" &
serve_pid=$!
site=""; oracle=""
for _ in $(seq 1 100); do
	port=$(sed -n 's/.*port \([0-9][0-9]*\).*/\1/p' "$tmp/http.out" | head -1)
	[ -n "$port" ] && site="http://127.0.0.1:$port/"
	oracle=$(grep -o 'http://127\.0\.0\.1:[0-9]*/#token=[0-9a-f]*' "$tmp/serve.out" 2>/dev/null | head -1)
	[ -n "$site" ] && [ -n "$oracle" ] && break
	sleep 0.1
done
if [ -z "$site" ] || [ -z "$oracle" ]; then
	echo "site-test: a server did not start"; cat "$tmp/http.err" "$tmp/serve.err"; record 0 1; exit 1
fi

NUMBFOOT="$bin" SCREENSHOTS=$shots SCRATCH="$tmp" node tests/site/test_site.mjs "$site" "$oracle" >"$tmp/log" 2>&1
rc=$?
cat "$tmp/log"
p=$(sed -n 's/^site: \([0-9]*\) passed, \([0-9]*\) failed/\1/p' "$tmp/log")
f=$(sed -n 's/^site: \([0-9]*\) passed, \([0-9]*\) failed/\2/p' "$tmp/log")
p=${p:-0}; f=${f:-1}
[ $rc -ne 0 ] && [ "$f" -eq 0 ] && f=1
record "$p" "$f"
[ "$f" -eq 0 ]
