# The journal's folders may be symbolic links (dotfile managers make them); only the journal file
# itself must not be one. A journal in a folder this user cannot write can still be read.
. tests/cli/lib.sh
mkdir -p "$t/real"
ln -s "$t/real" "$t/link"
XDG_DATA_HOME="$t/link" nf run add 5 >"$t/out" 2>&1 || { cat "$t/out"; fail "run add through a linked data folder"; }
XDG_DATA_HOME="$t/link" nf run list >"$t/out"
has "$t/out" "5.00 km"
[ -s "$t/real/numbfoot/journal.db" ] || fail "the journal is not in the linked folder"
nf --version >/dev/null
# --db through a linked folder; the file itself as a link is still refused, and nothing is left.
nf run add 3 --db "$t/link/other.db" >/dev/null
nf run list --db "$t/link/other.db" >"$t/out"
has "$t/out" "3.00 km"
ln -s "$t/real/other.db" "$t/real/alias.db"
if nf run list --db "$t/real/alias.db" >"$t/out" 2>"$t/err"; then fail "a linked journal file was opened"; fi
has "$t/err" "symbolic link"

# Read-only folder: as a user the permissions apply to (root ignores them).
ro="$t/ro"
mkdir -p "$ro/data"
as=""
if [ "$(id -u)" = 0 ]; then
	command -v setpriv >/dev/null || { echo "no setpriv: read-only part skipped"; exit 0; }
	chmod 755 "$t"
	chown -R 65534:65534 "$ro"
	as="setpriv --reuid=65534 --regid=65534 --clear-groups --"
fi
run() { $as env HOME="$ro" XDG_DATA_HOME="$ro/data" "$NUMBFOOT" "$@"; }
run gear add ghost >/dev/null
run run add 10 --notes "kept" >/dev/null
run export >"$t/before"
chmod 500 "$ro/data/numbfoot"
chmod 400 "$ro/data/numbfoot/journal.db"
run run list >"$t/out" 2>"$t/err" || { cat "$t/err"; fail "run list in a read-only folder"; }
has "$t/out" "10.00 km"
run gear list >"$t/out" 2>"$t/err" || { cat "$t/err"; fail "gear list in a read-only folder"; }
has "$t/out" "ghost"
run export >"$t/after" 2>"$t/err" || { cat "$t/err"; fail "export in a read-only folder"; }
grep -v '"exported"' "$t/before" >"$t/b"; grep -v '"exported"' "$t/after" >"$t/a"
cmp -s "$t/b" "$t/a" || fail "export differs when read-only"
if run run add 3 >"$t/out" 2>"$t/err"; then fail "a write to a read-only journal succeeded"; fi
[ -s "$t/err" ] || fail "no message for the refused write"
ls "$ro/data/numbfoot" >"$t/ls"
lacks "$t/ls" "journal.db-wal"
chmod 700 "$ro/data/numbfoot"
