# Piped answers, a line each: a line that answers nothing ends the interview with an error naming
# the line (exit 2) and nothing is saved, where asking again would let the next line answer the
# question before it ("0,0" refused, "0" on the warning signs, "5" meant for the place taken as a
# warning sign: an emergency saved as complete). An endless stream of bad lines ends at the first.
set -eu
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" NO_COLOR=1
fail() { echo "FAIL: $*"; exit 1; }
nf() { "$NUMBFOOT" "$@" --db "$tmp/j.db"; }
nf gear add blue >/dev/null # the journal exists, so that saving could happen
rc=0; printf '0,0\n0\n5\n' | nf assess > "$tmp/out" 2> "$tmp/err" || rc=$?
[ "$rc" = 2 ] || fail "exit $rc, wanted 2"
grep -q "standard input line 1: '0,0' is not an answer to 'Do any of these apply" "$tmp/err" || fail "no error: $(cat "$tmp/err")"
! grep -q "EMERGENCY" "$tmp/out" || fail "a later line answered the warning signs"
nf assessment list > "$tmp/list"
grep -q "no assessments yet" "$tmp/list" || fail "saved: $(cat "$tmp/list")"
# yes zzz used to be asked again for ever: now the first line ends it.
rc=0; yes zzz | timeout 10 "$NUMBFOOT" assess --db "$tmp/j.db" > "$tmp/out" 2> "$tmp/err" || rc=$?
[ "$rc" = 2 ] || fail "yes zzz: exit $rc, wanted 2"
grep -q "standard input line 1: 'zzz'" "$tmp/err" || fail "yes zzz: $(cat "$tmp/err")"
# --from-journal: a derived answer's line that is no answer is refused too, nothing saved.
export NUMBFOOT_NOW=2026-03-01T00:00:00Z
for d in 05 09 13 17 21; do
	nf run add 10 --date 2026-01-$d --duration 50:00 --numb-at 6 --recover 4 >/dev/null 2>&1
done
rc=0; printf 'six\n' | nf assess --from-journal > "$tmp/out" 2> "$tmp/err" || rc=$?
[ "$rc" = 2 ] || fail "from-journal: exit $rc, wanted 2"
grep -q "standard input line 1: 'six' is not an answer to 'Does it start at about the same time" "$tmp/err" ||
	fail "from-journal: $(cat "$tmp/err")"
nf assessment list > "$tmp/list"
grep -q "no assessments yet" "$tmp/list" || fail "saved: $(cat "$tmp/list")"
echo ok
