# assess --answers and eval treat a faulty case file alike: every fault named, in both, and the same
# exit status for the same fault (2, malformed input; a case file that cannot be read included).
. tests/cli/lib.sh
bad=tests/cli/data/badcases/bad-case.json
rc=0; nf assess --answers "$bad" > "$t/out" 2> "$t/a.err" || rc=$?
[ "$rc" = 2 ] || fail "assess --answers: exit $rc, wanted 2"
rc=0; nf eval tests/cli/data/badcases > "$t/out" 2> "$t/e.err" || rc=$?
[ "$rc" = 2 ] || fail "eval: exit $rc, wanted 2"
for fault in "bad-case.json:5: answers.age: number -4 is negative" "bad-case.json:6: answers.side:" \
	"bad-case.json:7: answers.location: moon is not one of" \
	"bad-case.json:8: answers.exam_slr: clinician finding in a runner-mode case"; do
	has "$t/a.err" "$fault"
	has "$t/e.err" "$fault"
done
# A file that cannot be opened (a symbolic-link loop; also a missing file): exit 2 in both.
mkdir "$t/loop"
ln -s b.json "$t/loop/a.json"
ln -s a.json "$t/loop/b.json"
rc=0; nf assess --answers "$t/loop/a.json" > "$t/out" 2> "$t/a.err" || rc=$?
[ "$rc" = 2 ] || fail "assess --answers on a link loop: exit $rc, wanted 2"
has "$t/a.err" "a.json: cannot open: Too many levels of symbolic links"
rc=0; nf eval "$t/loop" > "$t/out" 2> "$t/e.err" || rc=$?
[ "$rc" = 2 ] || fail "eval on a link loop: exit $rc, wanted 2"
has "$t/e.err" "a.json: cannot open: Too many levels of symbolic links"
rc=0; nf assess --answers "$t/missing.json" > "$t/out" 2> "$t/a.err" || rc=$?
[ "$rc" = 2 ] || fail "assess --answers on a missing file: exit $rc, wanted 2"
has "$t/a.err" "missing.json: cannot open: No such file or directory"
echo ok
