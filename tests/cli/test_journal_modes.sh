#!/bin/sh
# The journal is private: its folder is created 0700, the file and its -wal/-shm files are
# 0600, whatever the umask; $XDG_DATA_HOME is used, else ~/.local/share; --db overrides both.
set -eu
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
mode() { stat -c %a "$1"; }
umask 022

# XDG_DATA_HOME.
mkdir -p "$t/home" "$t/xdg"
HOME="$t/home" XDG_DATA_HOME="$t/xdg" "$NUMBFOOT" run add 5 > /dev/null
[ -f "$t/xdg/numbfoot/journal.db" ] || fail "no journal under XDG_DATA_HOME"
[ "$(mode "$t/xdg/numbfoot")" = 700 ] || fail "folder mode $(mode "$t/xdg/numbfoot")"
[ "$(mode "$t/xdg/numbfoot/journal.db")" = 600 ] || fail "file mode $(mode "$t/xdg/numbfoot/journal.db")"

# The -wal and -shm files while a second process holds the journal open: a reader keeps them
# alive, so look at them while `export` of a large journal... simpler: hold it open with python.
if command -v python3 > /dev/null; then
	python3 - "$t/xdg/numbfoot/journal.db" "$NUMBFOOT" <<'PY' || fail "wal/shm modes"
import os, sqlite3, stat, subprocess, sys
db, nf = sys.argv[1], sys.argv[2]
con = sqlite3.connect(db)
con.execute("SELECT count(*) FROM runs").fetchall()   # keeps -wal and -shm in place
env = dict(os.environ, HOME="/nonexistent")
subprocess.run([nf, "run", "add", "3", "--db", db], check=True, stdout=subprocess.DEVNULL, env=env)
for suffix in ("-wal", "-shm"):
    m = stat.S_IMODE(os.stat(db + suffix).st_mode)
    assert m == 0o600, (suffix, oct(m))
con.close()
PY
fi

# Fallback: ~/.local/share when XDG_DATA_HOME is unset.
mkdir -p "$t/home2"
env -u XDG_DATA_HOME HOME="$t/home2" "$NUMBFOOT" gear add ghost > /dev/null
[ -f "$t/home2/.local/share/numbfoot/journal.db" ] || fail "no journal under ~/.local/share"
[ "$(mode "$t/home2/.local/share/numbfoot")" = 700 ] || fail "fallback folder mode"
[ "$(mode "$t/home2/.local/share/numbfoot/journal.db")" = 600 ] || fail "fallback file mode"

# A looser file made by hand is tightened on the next use.
chmod 644 "$t/home2/.local/share/numbfoot/journal.db"
env -u XDG_DATA_HOME HOME="$t/home2" "$NUMBFOOT" gear list > /dev/null
[ "$(mode "$t/home2/.local/share/numbfoot/journal.db")" = 600 ] || fail "not tightened"

# --db PATH.
HOME="$t/home" XDG_DATA_HOME="$t/xdg" "$NUMBFOOT" run add 7 --db "$t/other.db" > /dev/null
[ "$(mode "$t/other.db")" = 600 ] || fail "--db file mode"
n=$(HOME="$t/home" XDG_DATA_HOME="$t/xdg" "$NUMBFOOT" run list --json --db "$t/other.db" | grep -c '"id"')
[ "$n" = 1 ] || fail "--db journal has $n runs"
# A symbolic link as the journal is refused, and nothing is written through it.
ln -s "$t/other.db" "$t/link.db"
if "$NUMBFOOT" run add 1 --db "$t/link.db" > /dev/null 2> "$t/err"; then fail "wrote through a symlink"; fi
grep -q "is a symbolic link" "$t/err" || fail "symlink message: $(cat "$t/err")"
echo ok
