# The page and the commands on one journal at once: a command run while `serve` holds the journal
# (even a read-only `run list`) leaves the server's write-ahead log in place, each side sees what
# the other wrote, and every run is in the file once the server stops. A command that closed a
# descriptor of its own on the journal's files dropped the server's SQLite locks, and the next
# command deleted the log under it: two diverging journals, and one side's runs lost.
. tests/cli/lib.sh
need python3
nf gear add peg --db "$t/serve.db" > /dev/null
serve
nf run list --db "$t/serve.db" > /dev/null
[ -f "$t/serve.db-wal" ] || fail "the server's write-ahead log is gone after run list"
echo '{"start_time":"2026-01-05T07:00:00Z","distance_km":7,"duration_min":40}' > "$t/run7"
post /api/runs "$t/run7" > "$t/posted"
has "$t/posted" "201"
nf run add 8 --date 2026-01-15 --duration 45:00 --db "$t/serve.db" > "$t/added"
nf run list --db "$t/serve.db" > "$t/list"
has "$t/list" "7.00"
has "$t/list" "8.00"
echo '{"start_time":"2026-01-20T07:00:00Z","distance_km":9,"duration_min":50}' > "$t/run9"
post /api/runs "$t/run9" > "$t/posted2"
has "$t/posted2" "201"
kill "$serve_pid"; wait "$serve_pid" 2>/dev/null || true
nf run list --db "$t/serve.db" > "$t/after"
for km in 7.00 8.00 9.00; do has "$t/after" "$km"; done
