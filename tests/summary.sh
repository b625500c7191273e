#!/bin/sh
# Adds up what each test layer recorded in build/results and prints the closing line.
set -u
passed=0; failed=0
for f in build/results/*; do
	[ -f "$f" ] || continue
	read -r _ p fl < "$f"
	passed=$((passed + p)); failed=$((failed + fl))
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
