#!/bin/sh
# Bad input changes nothing: every refused command leaves the journal byte-for-byte the same
# in content (same export), and exits 2.
set -eu
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
export HOME="$t" XDG_DATA_HOME="$t/data" TZ=UTC
fail() { echo "FAIL: $*"; exit 1; }
nf() { "$NUMBFOOT" "$@"; }
nf gear add ghost > /dev/null
nf run add 10 --date 2026-11-01 --numb-at 5 --severity 3 > /dev/null
nf export | grep -v '"exported"' > "$t/before"
refuse() {
	rc=0
	nf "$@" > "$t/out" 2> "$t/err" || rc=$?
	[ "$rc" != 0 ] || fail "accepted: $*"
	[ "$rc" = 2 ] || fail "exit $rc, wanted 2: $* ($(cat "$t/err"))"
	[ -s "$t/err" ] || fail "no message: $*"
	nf export | grep -v '"exported"' > "$t/after"
	cmp -s "$t/before" "$t/after" || fail "journal changed by: $*"
}
refuse run add 10 --where dorsum,kneecap
refuse run add 10 --severity 11
refuse run add 10 --severity 2.5
refuse run add 10 --date 2026-13-01
refuse run add 10 --date yesterday
refuse run add 10 --shoes nope
refuse run add -3
refuse run add 10 --numb-at 12
refuse run add 10 --cadence fast
refuse run edit 1 --date 2026-02-29
refuse run edit 1 --distance far
refuse episode add 1 --side three
refuse episode add 99
refuse episode edit 1 --severity 11
refuse gear add ghost
refuse gear add x --retire-km 0
refuse gear retire ghost --date 2026-1-1
refuse import tests/cli/data/journal/broken.gpx
refuse forget --all
echo ok
