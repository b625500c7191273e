#!/bin/sh
# Static site benchmark (figures, never pass/fail), measured in Debian's Chromium: the size of
# numbfoot.wasm, the time from opening the page to its first question (first visit, and a return
# visit served by the service worker), and the time of each interview step, in the engine
# (numbfoot.next) and on the page (an answer to the next screen on show). Budgets: numbfoot.wasm at
# most 400 KB (120 KB gzipped), the first question within 300 ms, each step under 1 ms.
#
# Usage: sh bench/site.sh [path/to/numbfoot]   (run from the repository root; builds the site)
#   SITE_BENCH_RUNS=N: page openings of each kind (10).
set -eu
make --no-print-directory site >/dev/null
[ -d tests/web/node_modules/playwright-core ] || (cd tests/web && npm ci --no-audit --no-fund --silent >/dev/null)
tmp=$(mktemp -d)
(cd build/site && exec python3 -u -m http.server --bind 127.0.0.1 0) >"$tmp/http.out" 2>/dev/null &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
url=""
for _ in $(seq 1 50); do
	port=$(sed -n 's/.*port \([0-9][0-9]*\).*/\1/p' "$tmp/http.out" | head -1)
	[ -n "$port" ] && url="http://127.0.0.1:$port/" && break
	sleep 0.1
done
[ -n "$url" ] || { echo "site bench: the static server did not start"; exit 1; }
SCRATCH="$tmp" node bench/site.mjs "$url"
