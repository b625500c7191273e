#!/bin/sh
# Checks that the web handler's replies are byte for byte those of another revision: replays every
# case of cases*/ as an interview (bench/web_replay.c) with this tree's build and with REV's, and
# diffs the two. Usage: sh scripts/web_replay.sh [REV]   (REV: main by default; run from the root)
set -eu
rev=${1:-main}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
make -s build/bench/web_replay
cases=$(ls cases/*.json cases-sparse/*.json cases-atypical/*.json cases-selfcare/*.json)
build/bench/web_replay kb/vocabulary.json kb/numbfoot.json $cases >"$tmp/new.txt"
mkdir "$tmp/old"
git archive "$rev" | tar -x -C "$tmp/old"
cp bench/web_replay.c "$tmp/old/bench/web_replay.c"
make -s -C "$tmp/old" build/bench/web_replay >/dev/null
(cd "$tmp/old" && build/bench/web_replay kb/vocabulary.json kb/numbfoot.json $cases) >"$tmp/old.txt"
if cmp -s "$tmp/old.txt" "$tmp/new.txt"; then
	echo "web replay: $(grep -c '^/api/' "$tmp/new.txt") replies identical to $rev's"
else
	diff "$tmp/old.txt" "$tmp/new.txt" | head -20
	echo "web replay: replies differ from $rev's"
	exit 1
fi
