"""Runs a command on a pseudo-terminal and types lines into it one at a time, each once the
command has printed a prompt and gone quiet, so that line editing (readline) sees one answer per
prompt as a person types them. Prints what the command showed and, last, "[exit N]".

    python3 tests/cli/pty_interview.py COMMAND [ARG...] -- LINE...

A LINE is typed with Enter after it; \\xHH in it is the byte HH; a LINE of exactly ^D is Ctrl-D
(the end of input) at an empty prompt; a LINE "UNTIL:TEXT:ANSWER" types ANSWER at each prompt
until the command shows TEXT (at most 60 times), to reach a question past those it skips."""
import os
import pty
import re
import select
import sys
import time

argv = sys.argv[1:]
cut = argv.index("--")
cmd, lines = argv[:cut], argv[cut + 1:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(cmd[0], cmd)
out = b""


def read_until_quiet(quiet=0.3, limit=10.0):
    """Reads until nothing came for `quiet` seconds (after something came) or `limit` passed."""
    global out
    end, got = time.time() + limit, False
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], quiet)
        if not r:
            if got:
                return True
            continue
        try:
            d = os.read(fd, 65536)
        except OSError:
            return False
        if not d:
            return False
        out += d
        got = True
    return True


alive = read_until_quiet()
for line in lines:
    if not alive:
        break
    if line.startswith("UNTIL:"):
        text, answer = line[6:].rsplit(":", 1)
        for _ in range(60):
            if not alive or text.encode() in out.rsplit(b"\n", 3)[-1] + out.rsplit(b"\n", 3)[-2]:
                break
            os.write(fd, answer.encode() + b"\r")
            alive = read_until_quiet()
        continue
    data = b"\x04" if line == "^D" else re.sub(
        rb"\\x([0-9a-fA-F]{2})", lambda m: bytes([int(m.group(1), 16)]), line.encode()) + b"\r"
    os.write(fd, data)
    alive = read_until_quiet()
read_until_quiet(quiet=0.5, limit=5.0)
status = None
for _ in range(50):
    p, s = os.waitpid(pid, os.WNOHANG)
    if p:
        status = os.waitstatus_to_exitcode(s)
        break
    time.sleep(0.1)
if status is None:
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    status = "killed: still running"
sys.stdout.write(out.decode("utf-8", "replace").replace("\r", ""))
print("\n[exit %s]" % status)
