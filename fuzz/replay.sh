#!/bin/sh
# Replays each target's committed corpus (fuzz/corpus/NAME/) through its plain-main build.
# Usage: replay.sh BUILD BIN...   where BIN is BUILD/fuzz/replay_fuzz_NAME
set -u
build=$1; shift
passed=0; failed=0
for bin in "$@"; do
	name=$(basename "$bin" | sed 's/^replay_fuzz_//')
	dir=fuzz/corpus/$name
	if [ ! -d "$dir" ] || [ -z "$(ls -A "$dir")" ]; then
		echo "FAIL $name: no seed corpus in $dir"; failed=$((failed + 1)); continue
	fi
	if "$bin" "$dir"/* >/dev/null 2>"$build/fuzz/$name.replay.log"; then
		echo "ok   fuzz replay $name ($(ls "$dir" | wc -l) seeds)"; passed=$((passed + 1))
	else
		cat "$build/fuzz/$name.replay.log"; echo "FAIL fuzz replay $name"; failed=$((failed + 1))
	fi
done
mkdir -p build/results
tag=$(echo "$build" | tr '/' '_')
echo "replay$tag $passed $failed" > "build/results/replay$tag"
echo "fuzz replay ($build): $passed passed, $failed failed"
[ "$failed" -eq 0 ]
