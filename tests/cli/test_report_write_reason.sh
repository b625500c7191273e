# A report that cannot be written says why, with the system's reason: a folder that does not exist,
# and a full disk (a link to /dev/full, which refuses every write with ENOSPC), for each format;
# exit 1, and no file left behind.
. tests/cli/lib.sh
nf run add 8 --db "$t/j.db" --numb-at 5 --where dorsum > /dev/null
for ext in pdf html png svg; do
	rc=0; nf report --db "$t/j.db" -o "$t/nonexistent/r.$ext" > "$t/out" 2> "$t/err" || rc=$?
	[ "$rc" = 1 ] || fail "report -o into a missing folder ($ext): exit $rc, wanted 1"
	has "$t/err" "r.$ext: cannot write: No such file or directory"
	if [ -c /dev/full ]; then
		ln -s /dev/full "$t/full.$ext"
		rc=0; nf report --db "$t/j.db" -o "$t/full.$ext" > "$t/out" 2> "$t/err" || rc=$?
		[ "$rc" = 1 ] || fail "report -o on a full disk ($ext): exit $rc, wanted 1"
		has "$t/err" "full.$ext: writing the"
		has "$t/err" "failed: No space left on device"
		[ ! -e "$t/full.$ext" ] || fail "a half-written $ext was left"
	fi
done
echo ok
