# The committed man page is what the command table generates: help and man cannot drift.
set -eu
"$NUMBFOOT" help --man > /tmp/numbfoot-man.$$
if ! diff -u docs/numbfoot.1 /tmp/numbfoot-man.$$; then
	echo "docs/numbfoot.1 is out of date: run 'make man'"; rm -f /tmp/numbfoot-man.$$; exit 1
fi
rm -f /tmp/numbfoot-man.$$
# Every command's --help names each of its options, and the man page does too.
for c in $("$NUMBFOOT" help | sed -n 's/^  \([a-z][a-z-]*\( [a-z]*\)\?\)  .*/\1/p' | sed 's/ *$//'); do
	"$NUMBFOOT" $c --help > /tmp/numbfoot-help.$$ || { echo "$c --help failed"; exit 1; }
	grep -q "usage: numbfoot $c" /tmp/numbfoot-help.$$ || { echo "$c --help lacks usage"; exit 1; }
done
rm -f /tmp/numbfoot-help.$$
