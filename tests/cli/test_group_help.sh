# Every group of commands answers --help (and -h) with its actions, exit 0: each action the
# command list names, with its summary, and nothing else.
. tests/cli/lib.sh
nf help > "$t/all"
for g in gear run episode kb assessment; do
	nf $g --help > "$t/out" 2> "$t/err" || fail "$g --help exits $?"
	[ ! -s "$t/err" ] || fail "$g --help wrote to stderr: $(cat "$t/err")"
	has "$t/out" "usage: numbfoot $g ACTION [OPTIONS]"
	nf $g -h > "$t/short" || fail "$g -h"
	cmp -s "$t/out" "$t/short" || fail "$g -h differs from $g --help"
	grep "^  $g " "$t/all" | while read -r _ action summary; do
		grep -q "^  $action  *$summary\$" "$t/out" || fail "$g --help lacks '$action  $summary'"
	done
	want=$(grep -c "^  $g " "$t/all")
	got=$(grep -c "^  [a-z]" "$t/out")
	[ "$want" = "$got" ] || fail "$g --help lists $got actions, the command list $want"
done
echo ok
