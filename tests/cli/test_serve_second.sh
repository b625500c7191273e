# A second `numbfoot serve` while one runs on the same journal opens the running one's page (the
# address it wrote, token included, in a 0600 file of a 0700 folder in $XDG_RUNTIME_DIR) instead
# of starting; the file goes when the server stops; a killed server's file is noticed and
# replaced; another journal or --port starts a server of its own; two launches at once start one.
. tests/cli/lib.sh
pids=""
trap 'for p in $pids; do kill $p 2>/dev/null || true; done; rm -rf "$t"' EXIT
rec="$XDG_RUNTIME_DIR/numbfoot/serve"

# start NAME ARGS...: a server in the background, its output in $t/NAME, its pid in $pid; waits
# for its address.
start() {
	name=$1; shift
	"$NUMBFOOT" serve --no-open "$@" >"$t/$name" 2>"$t/$name.err" &
	pid=$!
	pids="$pids $pid"
	for _ in $(seq 1 100); do grep -q token= "$t/$name" && return 0; sleep 0.05; done
	cat "$t/$name" "$t/$name.err"; fail "server $name did not start"
}
address() { grep -o 'http://[^ ]*' "$1"; }

start first --port 0
first=$pid
url=$(address "$t/first")
[ -f "$rec" ] || fail "no record in $rec"
[ "$(stat -c %a "$rec")" = 600 ] || fail "record mode $(stat -c %a "$rec")"
[ "$(stat -c %a "$XDG_RUNTIME_DIR/numbfoot")" = 700 ] || fail "folder mode"
has "$rec" "url $url"
has "$rec" "pid $first"

# The second launch, as the desktop entry starts it: no options. It opens the first's address
# with xdg-open when there is a display, and ends at once.
mkdir "$t/bin"
printf '#!/bin/sh\necho "$@" > "%s/opened"\n' "$t" > "$t/bin/xdg-open"
chmod +x "$t/bin/xdg-open"
PATH="$t/bin:$PATH" DISPLAY=:99 timeout 10 "$NUMBFOOT" serve >"$t/second" 2>"$t/second.err" ||
	{ cat "$t/second" "$t/second.err"; fail "the second launch failed"; }
has "$t/second" "already running (pid $first): open $url"
for _ in $(seq 1 50); do [ -f "$t/opened" ] && break; sleep 0.05; done
[ "$(cat "$t/opened")" = "$url" ] || fail "xdg-open got '$(cat "$t/opened" 2>/dev/null)', not $url"
kill -0 "$first" || fail "the first server stopped"

# --no-open only prints it; the same journal named by --db is the same journal.
nf serve --no-open --db "$XDG_DATA_HOME/numbfoot/../numbfoot/journal.db" >"$t/third" ||
	fail "--db to the same journal failed"
has "$t/third" "open $url"

# Another journal gets its own server, which leaves the record to the first.
start other --port 0 --db "$t/other.db"
lacks "$t/other" "already running"
has "$rec" "pid $first"
kill "$pid"; wait "$pid" 2>/dev/null || true

# --port asks for a server of its own, even on the same journal.
start own --port 0
lacks "$t/own" "already running"
kill "$pid"; wait "$pid" 2>/dev/null || true
has "$rec" "pid $first"

# Stopping removes the record.
kill -TERM "$first"; wait "$first" 2>/dev/null || true
[ ! -e "$rec" ] || fail "the record outlived its server"

# A server killed with no chance to clean up leaves its record: the next launch finds it dead and
# starts (its own record replacing it).
start killed --port 0
killed=$pid
kill -9 "$killed"; wait "$killed" 2>/dev/null || true
[ -f "$rec" ] || fail "kill -9 removed the record?"
start after --port 0
lacks "$t/after" "already running"
has "$rec" "pid $pid"
after=$pid
nf serve --no-open >"$t/again"
has "$t/again" "already running (pid $after)"

# A record whose pid is alive but whose address answers nothing is stale too.
kill "$after"; wait "$after" 2>/dev/null || true
printf 'pid %s\nurl http://127.0.0.1:9/?token=x\ndb %s\n' "$$" "$XDG_DATA_HOME/numbfoot/journal.db" > "$rec"
start fresh --port 0
lacks "$t/fresh" "already running"
has "$rec" "pid $pid"
kill "$pid"; wait "$pid" 2>/dev/null || true

# Two launches at once (a double click) start one server: the lock beside the record makes the
# look-up and the start one step. Both are plain launches (port 8737, or a free one).
"$NUMBFOOT" serve --no-open >"$t/a" 2>&1 &
a=$!
"$NUMBFOOT" serve --no-open >"$t/b" 2>&1 &
b=$!
pids="$pids $a $b"
for _ in $(seq 1 100); do grep -q token= "$t/a" && grep -q token= "$t/b" && break; sleep 0.05; done
n=$(cat "$t/a" "$t/b" | grep -c '^numbfoot serve: open ') || true
m=$(cat "$t/a" "$t/b" | grep -c 'already running') || true
[ "$n" = 1 ] && [ "$m" = 1 ] || { cat "$t/a" "$t/b"; fail "two launches at once: $n started, $m found it"; }
[ "$(grep -ho 'http://[^ ]*' "$t/a" "$t/b" | sort -u | wc -l)" = 1 ] || fail "the two show different addresses"
echo ok
