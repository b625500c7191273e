# run delete on a terminal says which run and asks: anything but y deletes nothing; y deletes it.
# Without a terminal it needs --yes.
. tests/cli/lib.sh
need python3
nf run add 5 --date 2026-11-01 --time 07:00 --numb-at 2 > /dev/null
nf run delete 1 > "$t/out" 2> "$t/err" && fail "deleted without a terminal or --yes"
has "$t/err" "standard input is not a terminal"
has "$t/err" "add --yes"
runs() { nf run list --json | grep -c '"id"' || true; }
rc=0; python3 tests/cli/pty_answer.py 'n\n' "$NUMBFOOT" run delete 1 > "$t/out" || rc=$?
has "$t/out" "Delete run 1 (5.00 km on 2026-11-01 07:00) and its 1 episode for good? [y/N]"
has "$t/out" "nothing deleted"
[ $rc -eq 1 ] || fail "declined: exit $rc"
[ "$(runs)" -eq 1 ] || fail "declined, yet deleted"
rc=0; python3 tests/cli/pty_answer.py 'y\n' "$NUMBFOOT" run delete 1 > "$t/out" || rc=$?
[ $rc -eq 0 ] || fail "y: exit $rc"
has "$t/out" "deleted run 1"
[ "$(runs)" -eq 0 ] || fail "y, yet kept"
nf run add 5 --date 2026-11-01 > /dev/null
nf run delete last --yes > "$t/out"
has "$t/out" "deleted run 2"
echo ok
