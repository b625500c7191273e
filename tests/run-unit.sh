#!/bin/sh
# Runs each cmocka program; records "suite passed failed" for tests/summary.sh.
# Usage: run-unit.sh BUILD BIN...
set -u
build=$1; shift
mkdir -p "$build/results" build/results
passed=0; failed=0
for bin in "$@"; do
	out=$("$bin" 2>&1); rc=$?
	p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
	f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -1)
	p=${p:-0}; f=${f:-0}
	if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
	if [ "$f" -ne 0 ]; then printf '%s\n' "$out"; echo "FAIL $bin"; else echo "ok   $bin ($p)"; fi
	passed=$((passed + p)); failed=$((failed + f))
done
tag=$(echo "$build" | tr '/' '_')
echo "unit$tag $passed $failed" > "build/results/unit$tag"
echo "unit tests ($build): $passed passed, $failed failed"
[ "$failed" -eq 0 ]
