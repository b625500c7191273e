#!/bin/sh
# forget --all leaves no trace: none of the notes, nicknames or file names can be found in the
# journal file or its write-ahead log afterwards, and the journal still works.
set -eu
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
export HOME="$t" XDG_DATA_HOME="$t/data"
fail() { echo "FAIL: $*"; exit 1; }
nf() { "$NUMBFOOT" "$@"; }
db="$t/data/numbfoot/journal.db"
nf gear add SecretShoes > /dev/null
i=0
while [ $i -lt 30 ]; do
	nf run add 5 --force --notes "SecretNote$i by the river" --numb-at 2 --severity 3 > /dev/null
	i=$((i + 1))
done
nf import tests/cli/data/journal/run.gpx > /dev/null
cat "$db"* | grep -q "SecretNote7" || fail "the secret is not even there before"
nf forget --all --yes > "$t/out"
grep -q "forgot everything in $db" "$t/out" || fail "$(cat "$t/out")"
for f in "$db" "$db-wal" "$db-shm"; do
	[ -f "$f" ] || continue
	for s in SecretShoes SecretNote "by the river" run.gpx; do
		if grep -qa "$s" "$f"; then fail "'$s' left in $f"; fi
	done
done
[ "$(nf run list --json)" = "[]" ] || fail "runs remain"
nf gear add again > /dev/null
echo ok
