# Every command the README shows ("    $ numbfoot ...", the installed command, run here as the
# one under test) runs and exits 0, and the first output line the README shows under it (when it
# shows one) is what the command prints.
set -u
bad=0
tmp=$(mktemp); trap 'rm -f "$tmp"; rm -rf "$work"' EXIT
# The commands run in a scratch folder laid out like the repository's (cases/ and tests/fixtures/
# reachable), so that files they write (a report) do not land in the working tree.
repo=$(pwd)
work=$(mktemp -d)
mkdir -p "$work/repo/tests"
ln -s "$repo/cases" "$work/repo/cases"
ln -s "$repo/tests/fixtures" "$work/repo/tests/fixtures"
case "$NUMBFOOT" in /*) ;; *) NUMBFOOT="$repo/$NUMBFOOT" ;; esac
grep -n '^    \$ numbfoot' README.md | (cd "$work/repo" && while IFS= read -r hit; do
	line=${hit%%:*}; cmd=${hit#*:    \$ numbfoot}
	want=$(sed -n "$((line + 1))p" "$repo/README.md" | sed -n 's/^    \([^$].*\)$/\1/p' | sed 's/^ *//')
	# shellcheck disable=SC2086
	NO_COLOR=1 "$NUMBFOOT" $cmd </dev/null >"$tmp" 2>&1
	rc=$?
	if [ $rc -ne 0 ]; then echo "README line $line: exit $rc: numbfoot$cmd"; exit 1; fi
	if [ -n "$want" ] && [ "$want" != "..." ] && ! grep -qF -- "$want" "$tmp"; then
		echo "README line $line: output lacks: $want"; exit 1
	fi
done) || bad=1
[ $(grep -c '^    \$ numbfoot' README.md) -ge 5 ] || { echo "README shows fewer commands than expected"; bad=1; }
exit $bad
