# When another program holds the default port 8737, a plain `numbfoot serve` (what the desktop
# entry starts, with no terminal to show an error in) listens on a free port instead, and a
# second launch still finds it; with --port 8737 it says the port is in use, and creates no journal.
. tests/cli/lib.sh
holder=""; pid=""
trap '[ -z "$pid" ] || kill $pid 2>/dev/null || true; [ -z "$holder" ] || kill $holder 2>/dev/null || true; rm -rf "$t"' EXIT
# Hold 8737 (unless something on this machine already does: the test holds either way).
python3 -c '
import socket, sys, time
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    s.bind(("127.0.0.1", 8737)); s.listen(1)
except OSError:
    pass
open(sys.argv[1], "w").close()
time.sleep(60)
' "$t/held" &
holder=$!
for _ in $(seq 1 100); do [ -f "$t/held" ] && break; sleep 0.05; done
"$NUMBFOOT" serve --no-open >"$t/out" 2>"$t/err" &
pid=$!
for _ in $(seq 1 100); do grep -q token= "$t/out" && break; sleep 0.05; done
url=$(grep -o 'http://[^ ]*' "$t/out") || { cat "$t/out" "$t/err"; fail "no server started"; }
case "$url" in http://127.0.0.1:8737/*) fail "listening on the held port: $url" ;; esac
nf serve --no-open > "$t/second"
has "$t/second" "already running (pid $pid): open $url"
if nf serve --no-open --port 8737 --db "$t/other.db" > "$t/third" 2>&1; then fail "--port 8737 started"; fi
has "$t/third" "cannot listen on 127.0.0.1 port 8737: it is in use"
# A serve that cannot listen leaves no journal behind at a new --db.
[ ! -e "$t/other.db" ] || fail "a failed serve created $t/other.db"
echo ok
