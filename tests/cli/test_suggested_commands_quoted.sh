# The commands suggested in notes and messages can be pasted into a shell: a nickname that needs
# it is quoted (--shoes it's "q" broke; now --shoes 'it'\''s "q"'), one that does not is left
# as it is.
. tests/cli/lib.sh
nf gear add ghost > /dev/null
nf gear add "it's \"q\"" > /dev/null
nf gear retire ghost --date 2026-11-01 > /dev/null 2> "$t/err"
has "$t/err" "with 'numbfoot gear default 'it'\''s \"q\"''"
nf run add 10 --date 2026-11-12 --time 08:00 --duration 1:00:00 > /dev/null 2> "$t/err"
has "$t/err" "'numbfoot run edit 1 --shoes 'it'\''s \"q\"''"
has "$t/err" "'numbfoot gear default 'it'\''s \"q\"''"
# The suggestion, pasted as it is, gives run 1 the pair.
cmd=$(sed -n "s/.*give it some with '\(numbfoot run edit 1 --shoes .*\)', and choose.*/\1/p" "$t/err")
[ -n "$cmd" ] || fail "no run edit suggested"
NUMBFOOT_CMD=$cmd
numbfoot() { "$NUMBFOOT" "$@"; }
eval "$NUMBFOOT_CMD" > /dev/null
nf run show 1 > "$t/out"
has "$t/out" "shoes      it's \"q\""
# gear delete names gear retire with the nickname quoted; a plain one stays plain.
rc=0; nf gear delete "it's \"q\"" > /dev/null 2> "$t/err" || rc=$?
[ "$rc" = 2 ] || fail "gear delete of a pair in use: exit $rc"
has "$t/err" "'numbfoot gear retire 'it'\''s \"q\"''"
nf gear add peg > /dev/null
nf run edit 1 --shoes peg > /dev/null
rc=0; nf gear delete peg > /dev/null 2> "$t/err" || rc=$?
has "$t/err" "'numbfoot gear retire peg'"
