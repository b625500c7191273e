#!/bin/sh
# Command-line tests: one small file per behaviour in tests/cli/*.t:
#   # what it checks            (first line, shown on failure)
#   args: assess --answers tests/cli/data/x.json --json   (shell words, run from the repo root)
#   stdin: tests/cli/data/answers.txt   (optional; else stdin is empty)
#   env: NAME=value             (optional, may repeat)
#   exit: 0
#   out: text                   (must appear in stdout; may repeat)
#   err: text                   (must appear in stderr; may repeat)
#   no-out: text                (must not appear in stdout; may repeat)
# Every test runs with its own empty XDG folders, so no test sees a person's real data (nor a
# running numbfoot serve's record in the runtime folder).
# Usage: run.sh path/to/numbfoot
set -u
# A fixed locale: the distance unit defaults from it, and tests must not depend on the machine's.
export LC_ALL=C.UTF-8
unset LANG LC_MEASUREMENT
bin=$1
case "$bin" in /*) ;; *) bin=$(pwd)/$bin ;; esac
passed=0; failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for t in tests/cli/*.t; do
	[ -f "$t" ] || continue
	args=$(sed -n 's/^args: //p' "$t")
	stdin=$(sed -n 's/^stdin: //p' "$t")
	want_exit=$(sed -n 's/^exit: //p' "$t")
	home="$tmp/$(basename "$t" .t)"
	mkdir -p "$home/data" "$home/config" "$home/cache"
	mkdir -m 700 "$home/run"
	envs=$(sed -n 's/^env: //p' "$t" | tr '\n' ' ')
	eval "set -- $args"
	[ -n "$stdin" ] || stdin=/dev/null
	env HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" \
		XDG_CACHE_HOME="$home/cache" XDG_RUNTIME_DIR="$home/run" NUMBFOOT_TEST_HOME="$home" $envs \
		"$bin" "$@" <"$stdin" >"$home/stdout" 2>"$home/stderr"
	got=$?
	why=""
	[ "$got" = "${want_exit:-0}" ] || why="exit $got, wanted ${want_exit:-0}"
	while IFS= read -r line; do
		case "$line" in
		"out: "*) grep -qF -- "${line#out: }" "$home/stdout" || why="$why; stdout lacks '${line#out: }'" ;;
		"err: "*) grep -qF -- "${line#err: }" "$home/stderr" || why="$why; stderr lacks '${line#err: }'" ;;
		"no-out: "*) ! grep -qF -- "${line#no-out: }" "$home/stdout" || why="$why; stdout has '${line#no-out: }'" ;;
		esac
	done <"$t"
	if [ -n "$why" ]; then
		echo "FAIL $t: $(head -1 "$t")"; echo "     $why"
		echo "---- stdout"; head -40 "$home/stdout"; echo "---- stderr"; head -20 "$home/stderr"
		failed=$((failed + 1))
	else
		passed=$((passed + 1))
	fi
done
# Scripted tests that need more than one command: tests/cli/*.sh, each exits 0 on success.
for s in tests/cli/test_*.sh; do
	[ -f "$s" ] || continue
	home="$tmp/$(basename "$s" .sh)"
	mkdir -p "$home/data" "$home/config" "$home/cache"
	mkdir -m 700 "$home/run"
	if HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache" \
		XDG_RUNTIME_DIR="$home/run" \
		NUMBFOOT="$bin" sh "$s" >"$tmp/out" 2>&1; then
		passed=$((passed + 1))
	else
		echo "FAIL $s"; tail -30 "$tmp/out"; failed=$((failed + 1))
	fi
done
mkdir -p build/results
tag=$(dirname "$bin" | sed 's|.*/build|build|' | tr '/' '_')
echo "cli$tag $passed $failed" > "build/results/cli$tag"
echo "command-line tests ($bin): $passed passed, $failed failed"
[ "$failed" -eq 0 ]
