#!/bin/sh
# Runs each libFuzzer target for a few seconds. The libraries (libnumbfoot, libnumbfoot-web, and the
# command less its main(), libnumbfoot-cli) are rebuilt with clang and coverage instrumentation into build/fuzzlib; new inputs go to a scratch
# folder, never into the committed corpus. Usage: run.sh SECONDS fuzz/fuzz_NAME.c...
set -u
secs=$1; shift
[ $# -gt 0 ] || { echo "fuzz: no targets"; exit 0; }
if ! command -v clang >/dev/null 2>&1; then echo "fuzz: clang missing (sh scripts/deps.sh --test)"; exit 1; fi
make --no-print-directory -s CC=clang SAN=1 WERROR=0 WARN=-Wall BUILD=build/fuzzlib \
	SANFLAGS="-fsanitize=address,undefined,fuzzer-no-link -fno-omit-frame-pointer" \
	build/fuzzlib/libnumbfoot-cli.a build/fuzzlib/libnumbfoot-web.a build/fuzzlib/libnumbfoot.a || exit 1
pkgs="jansson sqlite3 expat libmicrohttpd cairo pangocairo libedit libcrypto zlib libarchive"
passed=0; failed=0
for src in "$@"; do
	name=$(basename "$src" .c | sed 's/^fuzz_//')
	bin=build/fuzzlib/fuzz_$name
	clang -g -O1 -fsanitize=fuzzer,address,undefined -Iinclude -Ilib -D_GNU_SOURCE \
		$(pkg-config --cflags $pkgs) "$src" build/fuzzlib/libnumbfoot-cli.a build/fuzzlib/libnumbfoot-web.a build/fuzzlib/libnumbfoot.a \
		$(pkg-config --libs $pkgs) -lm -o "$bin" || { failed=$((failed + 1)); continue; }
	scratch=$(mktemp -d)
	dict=""; [ -f "fuzz/$name.dict" ] && dict="-dict=fuzz/$name.dict"
	if "$bin" -max_total_time="$secs" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 $dict "$scratch" "fuzz/corpus/$name" \
		>"build/fuzzlib/$name.log" 2>&1; then
		echo "ok   fuzz $name ($(grep -o 'stat::number_of_executed_units: [0-9]*' "build/fuzzlib/$name.log" | tail -1 | cut -d' ' -f2) runs)"
		passed=$((passed + 1))
	else
		tail -40 "build/fuzzlib/$name.log"; echo "FAIL fuzz $name (crash input saved in the working folder)"
		failed=$((failed + 1))
	fi
	rm -rf "$scratch"
done
mkdir -p build/results
echo "fuzz $passed $failed" > build/results/fuzz
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
