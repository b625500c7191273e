# serve starts on a free port, prints the address with a 64-digit token after its #, stops cleanly on
# SIGTERM, and a second server on the same port fails with exit 1.
set -eu
tmp=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$tmp"' EXIT
XDG_DATA_HOME="$tmp" "$NUMBFOOT" serve --port 0 --no-open --db "$tmp/j.db" >"$tmp/out" 2>"$tmp/err" &
pid=$!
for _ in $(seq 1 50); do grep -q token= "$tmp/out" && break; sleep 0.1; done
grep -Eq '^numbfoot serve: open http://127\.0\.0\.1:[0-9]+/#token=[0-9a-f]{64}$' "$tmp/out" || { cat "$tmp/out" "$tmp/err"; exit 1; }
port=$(sed -n 's|.*127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$tmp/out")
if XDG_DATA_HOME="$tmp" "$NUMBFOOT" serve --port "$port" --no-open --db "$tmp/j2.db" >"$tmp/out2" 2>"$tmp/err2"; then
	echo "a second server on port $port started"; exit 1
fi
grep -q "cannot listen" "$tmp/err2" || { cat "$tmp/err2"; exit 1; }
kill -TERM $pid
wait $pid
grep -q stopped "$tmp/out"
