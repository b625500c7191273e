#!/bin/sh
# forget --all on a terminal asks to type yes: anything else deletes nothing; yes deletes all.
set -eu
command -v python3 > /dev/null || { echo "no python3: skipped"; exit 0; }
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
export HOME="$t" XDG_DATA_HOME="$t/data"
"$NUMBFOOT" run add 5 > /dev/null
python3 - "$NUMBFOOT" <<'PY'
import os, pty, subprocess, sys
nf = sys.argv[1]

def forget(answer):
    """Runs forget --all with a pseudo-terminal as stdin; returns (exit code, what it printed)."""
    master, slave = pty.openpty()
    p = subprocess.Popen([nf, "forget", "--all"], stdin=slave, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    os.close(slave)
    os.write(master, answer.encode())
    out, err = p.communicate(timeout=20)
    os.close(master)
    return p.returncode, out.decode() + err.decode()

def runs():
    return subprocess.run([nf, "run", "list", "--json"], capture_output=True, text=True,
                          check=True).stdout.count('"id"')

rc, text = forget("no\n")
assert "Type yes to go on" in text, text
assert rc == 1 and "nothing deleted" in text, (rc, text)
assert runs() == 1
rc, text = forget("yes\n")
assert rc == 0 and "forgot everything" in text, (rc, text)
assert runs() == 0
print("ok")
PY
