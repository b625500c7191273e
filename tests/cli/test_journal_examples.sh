#!/bin/sh
# Every "Example:" the man page gives for a journal command runs and exits 0, in page order,
# in a fresh home where ~/Downloads/activity_123.fit exists (STYLE practice 9).
set -eu
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
repo=$(pwd)
mkdir -p "$t/Downloads"
cp tests/cli/data/journal/folder/run.fit "$t/Downloads/activity_123.fit"
export HOME="$t" XDG_DATA_HOME="$t/data"
case "$NUMBFOOT" in /*) nf=$NUMBFOOT ;; *) nf=$repo/$NUMBFOOT ;; esac
n=0
sed -n 's/^Example: numbfoot \(gear\|run\|episode\|import\|export\|forget\)\(.*\)$/\1\2/p' docs/numbfoot.1 |
	sed 's/\\-/-/g' > "$t/examples"
while IFS= read -r ex; do
	n=$((n + 1))
	(cd "$t" && eval "\"\$nf\" $ex") > "$t/out" 2>&1 || { echo "FAIL: numbfoot $ex"; cat "$t/out"; exit 1; }
done < "$t/examples"
[ "$n" -ge 5 ] || { echo "only $n examples found"; exit 1; }
[ -s "$t/runs.csv" ] || { echo "the export example wrote nothing"; exit 1; }
echo "ok: $n examples"
