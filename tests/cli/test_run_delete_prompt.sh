# run delete on a terminal says which run and asks: anything but y deletes nothing; y deletes it.
# Without a terminal it needs --yes.
. tests/cli/lib.sh
command -v python3 > /dev/null || { echo "no python3: skipped"; exit 0; }
nf run add 5 --date 2026-11-01 --time 07:00 --numb-at 2 > /dev/null
nf run delete 1 > "$t/out" 2> "$t/err" && fail "deleted without a terminal or --yes"
has "$t/err" "standard input is not a terminal"
has "$t/err" "add --yes"
python3 - "$NUMBFOOT" <<'PY'
import os, pty, subprocess, sys
nf = sys.argv[1]

def delete(answer):
    """run delete 1 with a pseudo-terminal as stdin; returns (exit code, what it printed)."""
    master, slave = pty.openpty()
    p = subprocess.Popen([nf, "run", "delete", "1"], stdin=slave, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    os.close(slave)
    os.write(master, answer.encode())
    out, err = p.communicate(timeout=20)
    os.close(master)
    return p.returncode, out.decode() + err.decode()

def runs():
    return subprocess.run([nf, "run", "list", "--json"], capture_output=True, text=True,
                          check=True).stdout.count('"id"')

rc, text = delete("n\n")
assert "Delete run 1 (5.00 km on 2026-11-01 07:00) and its 1 episode for good? [y/N]" in text, text
assert rc == 1 and "nothing deleted" in text, (rc, text)
assert runs() == 1
rc, text = delete("y\n")
assert rc == 0 and "deleted run 1" in text, (rc, text)
assert runs() == 0
PY
nf run add 5 --date 2026-11-01 > /dev/null
nf run delete last --yes > "$t/out"
has "$t/out" "deleted run 2"
echo ok
