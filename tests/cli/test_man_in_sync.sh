# The committed man page is what the command table generates: help and man cannot drift.
set -eu
"$NUMBFOOT" help --man > /tmp/numbfoot-man.$$
if ! diff -u docs/numbfoot.1 /tmp/numbfoot-man.$$; then
	echo "docs/numbfoot.1 is out of date: run 'make man'"; rm -f /tmp/numbfoot-man.$$; exit 1
fi
rm -f /tmp/numbfoot-man.$$
# Every command's --help names each of its options, and the man page does too.
"$NUMBFOOT" help | sed -n 's/^  \([a-z][a-z-]*\( [a-z]*\)\?\)  .*/\1/p' | sed 's/ *$//' > /tmp/numbfoot-cmds.$$
[ -s /tmp/numbfoot-cmds.$$ ] || { echo "help lists no commands"; exit 1; }
while read -r c; do
	# shellcheck disable=SC2086
	"$NUMBFOOT" $c --help > /tmp/numbfoot-help.$$ || { echo "$c --help failed"; exit 1; }
	grep -q "usage: numbfoot $c" /tmp/numbfoot-help.$$ || { echo "$c --help lacks usage"; exit 1; }
	# Every option in the command's help is in the man page too.
	for o in $(grep -o -- '--[a-z][a-z-]*' /tmp/numbfoot-help.$$ | sort -u); do
		[ "$o" = "--help" ] && continue
		grep -q -- "$(echo "$o" | sed 's/-/\\\\-/g')" docs/numbfoot.1 || { echo "man page lacks $o of $c"; exit 1; }
	done
done < /tmp/numbfoot-cmds.$$
rm -f /tmp/numbfoot-cmds.$$
rm -f /tmp/numbfoot-help.$$
