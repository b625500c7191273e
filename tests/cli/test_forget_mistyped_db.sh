# forget --all --yes --db with a mistyped path: no empty journal is created and "forgot
# everything" is not said (the real journal is untouched); a read of a missing --db does not
# create one either. A --db that is not a journal (a text file, another program's database) is
# refused and left as it was: its mode and its journal mode unchanged.
set -eu
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" NO_COLOR=1
fail() { echo "FAIL: $*"; exit 1; }
"$NUMBFOOT" gear add blue --db "$tmp/real.db" > /dev/null
rc=0; "$NUMBFOOT" forget --all --yes --db "$tmp/realx.db" > "$tmp/out" 2> "$tmp/err" || rc=$?
[ "$rc" = 2 ] || fail "exit $rc, wanted 2"
grep -q "realx.db: no journal there: nothing to forget" "$tmp/err" || fail "message: $(cat "$tmp/err")"
! grep -q "forgot everything" "$tmp/out" || fail "said forgot everything"
[ ! -e "$tmp/realx.db" ] || fail "created a journal at the mistyped path"
"$NUMBFOOT" gear list --db "$tmp/real.db" | grep -q blue || fail "the real journal changed"
for cmd in "run list" "episode list" "gear list" "assessment list" "analyze" "export" "run delete 1"; do
	rc=0; "$NUMBFOOT" $cmd --db "$tmp/none.db" > /dev/null 2> "$tmp/err" || rc=$?
	[ "$rc" = 2 ] || fail "$cmd: exit $rc, wanted 2"
	grep -q "none.db: no journal there" "$tmp/err" || fail "$cmd: $(cat "$tmp/err")"
	[ ! -e "$tmp/none.db" ] || fail "$cmd created a journal"
done
# The real one is forgotten.
"$NUMBFOOT" forget --all --yes --db "$tmp/real.db" | grep -q "forgot everything" || fail "real not forgotten"
# Not a journal: refused, mode and content kept.
printf 'some notes\n' > "$tmp/text.txt"; chmod 644 "$tmp/text.txt"
rc=0; "$NUMBFOOT" forget --all --yes --db "$tmp/text.txt" > /dev/null 2>&1 || rc=$?
[ "$rc" = 2 ] || fail "a text file given as the journal: exit $rc, not 2 (bad input)"
[ "$(stat -c %a "$tmp/text.txt")" = 644 ] || fail "text file mode changed to $(stat -c %a "$tmp/text.txt")"
grep -qx 'some notes' "$tmp/text.txt" || fail "text file changed"
command -v sqlite3 > /dev/null || { echo ok; exit 0; }
sqlite3 "$tmp/other.db" 'create table t(x); insert into t values (1);'; chmod 644 "$tmp/other.db"
rc=0; "$NUMBFOOT" run list --db "$tmp/other.db" > /dev/null 2> "$tmp/err" || rc=$?
[ "$rc" = 2 ] || fail "another program's database given as the journal: exit $rc, not 2 (bad input)"
grep -q "not a numbfoot journal" "$tmp/err" || fail "other.db: $(cat "$tmp/err")"
[ "$(stat -c %a "$tmp/other.db")" = 644 ] || fail "other.db mode changed to $(stat -c %a "$tmp/other.db")"
[ "$(sqlite3 "$tmp/other.db" 'pragma journal_mode')" = delete ] || fail "other.db's journal mode changed"
[ "$(sqlite3 "$tmp/other.db" 'select x from t')" = 1 ] || fail "other.db's data changed"
echo ok
