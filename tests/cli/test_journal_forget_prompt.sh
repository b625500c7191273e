#!/bin/sh
# forget --all on a terminal asks to type yes: anything else deletes nothing; yes deletes all.
. tests/cli/lib.sh
need python3
nf run add 5 > /dev/null
runs() { nf run list --json | grep -c '"id"' || true; }
rc=0; python3 tests/cli/pty_answer.py 'no\n' "$NUMBFOOT" forget --all > "$t/out" || rc=$?
has "$t/out" "Type yes to go on"
has "$t/out" "nothing deleted"
[ $rc -eq 1 ] || fail "declined: exit $rc"
[ "$(runs)" -eq 1 ] || fail "declined, yet deleted"
rc=0; python3 tests/cli/pty_answer.py 'yes\n' "$NUMBFOOT" forget --all > "$t/out" || rc=$?
[ $rc -eq 0 ] || fail "yes: exit $rc"
has "$t/out" "forgot everything"
[ "$(runs)" -eq 0 ] || fail "yes, yet kept"
echo ok
