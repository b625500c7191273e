"""Runs a command with a pseudo-terminal as its standard input, types an answer into it, and
passes on what the command printed (standard output, then standard error) and its exit code.
For the questions a command asks only on a terminal (forget --all, run delete).

    python3 tests/cli/pty_answer.py ANSWER COMMAND [ARG...]

ANSWER is typed as given; a \\n in it is a newline."""
import os
import pty
import subprocess
import sys

answer, cmd = sys.argv[1].replace("\\n", "\n"), sys.argv[2:]
master, slave = pty.openpty()
p = subprocess.Popen(cmd, stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
os.close(slave)
os.write(master, answer.encode())
out, err = p.communicate(timeout=20)
os.close(master)
sys.stdout.write(out.decode() + err.decode())
sys.exit(p.returncode)
