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
trap 'rm -rf "$tmp"' EXIT
total_p=0; total_f=0

# One run of the tests against a fresh server with its own journal and config: $1 a name,
# $2 the config file's text, $3 the test files besides test_app.mjs ("only:" first: those alone).
session() {
	d="$tmp/$1"
	mkdir -p "$d/data" "$d/config/numbfoot"
	mkdir -m 700 "$d/run"
	printf '%s' "$2" > "$d/config/numbfoot/config"
	XDG_DATA_HOME="$d/data" XDG_CONFIG_HOME="$d/config" XDG_RUNTIME_DIR="$d/run" "$bin" serve --port 0 --no-open \
		--db "$d/data/journal.db" >"$d/out" 2>"$d/err" &
	pid=$!
	url=""
	for _ in $(seq 1 100); do
		url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/#token=[0-9a-f]*' "$d/out" 2>/dev/null | head -1)
		[ -n "$url" ] && break
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	if [ -z "$url" ]; then
		echo "web-test ($1): the server did not start"; cat "$d/err"
		kill "$pid" 2>/dev/null; total_f=$((total_f + 1)); return
	fi
	only=""
	case "$3" in only:*) only=1 ;; esac
	NUMBFOOT="$bin" ONLY_EXTRA=$only EXTRA_TESTS="${3#only:}" SCREENSHOTS=$shots node tests/web/test_app.mjs "$url" >"$d/log" 2>&1
	rc=$?
	cat "$d/log"
	p=$(sed -n 's/^web: \([0-9]*\) passed, \([0-9]*\) failed/\1/p' "$d/log")
	f=$(sed -n 's/^web: \([0-9]*\) passed, \([0-9]*\) failed/\2/p' "$d/log")
	p=${p:-0}; f=${f:-1}
	[ $rc -ne 0 ] && [ "$f" -eq 0 ] && f=1
	if ! kill -0 "$pid" 2>/dev/null; then echo "web-test ($1): the server died during the tests"; cat "$d/err"; f=$((f + 1)); fi
	kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
	# A sanitizer build reports memory errors and leaks on its standard error, at the latest on exit.
	if grep -q 'Sanitizer\|runtime error' "$d/err"; then
		echo "web-test ($1): the server reported:"; head -40 "$d/err"; f=$((f + 1))
	fi
	total_p=$((total_p + p)); total_f=$((total_f + f))
}

# The other test files, in an order that builds one journal: test_journal.mjs first.
session km "" "tests/web/test_journal.mjs tests/web/test_trends.mjs tests/web/test_layout.mjs tests/web/test_checklist.mjs tests/web/test_emergency.mjs tests/web/test_a11y.mjs tests/web/test_interview_state.mjs tests/web/test_token.mjs tests/web/test_journal_names.mjs"
# A runner whose config says miles: the page, the analysis and the report in miles.
session miles "units = mi
" "only:tests/web/test_miles.mjs"
# A watch file whose run was typed by hand, taken into it: a journal of its own, started empty.
session merge "" "only:tests/web/test_merge.mjs"
record "$total_p" "$total_f"
[ "$total_f" -eq 0 ]
