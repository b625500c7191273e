#!/bin/sh
# import --merge takes a watch file's run into the run typed by hand like it: the typed run keeps
# its number, notes and episode, and gets the file's start, time, heart rate, cadence, route and
# source; without --merge the message says how (and ends its sentence); the file once taken in is
# already in the journal; a file whose distance ends the run before its numbness is refused with
# nothing changed.
. tests/cli/lib.sh
need sqlite3
f=tests/cli/data/import/same-run.fit
db=$t/j.db
nf run add 7.2km --date 2026-10-04 --time 06:32 --numb-at 5 --notes typed --db "$db" >/dev/null
nf import "$f" --db "$db" >"$t/out" 2>"$t/err"
has "$t/err" "that run is kept as it is, with its episodes; import again with --merge to take the file's distance, times, heart rate, cadence and route into it"
has "$t/out" "imported 0 runs, 1 like a run typed by hand (--merge takes it in)"
nf import --merge "$f" --db "$db" >"$t/out" 2>"$t/err"
has "$t/out" "imported 0 runs, 1 taken into a run typed by hand"
has "$t/err" "same-run.fit: taken into run 1, typed by hand: its episodes are kept"
nf run show 1 --db "$db" >"$t/show"
has "$t/show" "2026-10-04 06:30"
has "$t/show" "39:59"
has "$t/show" "heart rate 140 bpm"
has "$t/show" "from       same-run.fit"
has "$t/show" "notes      typed"
has "$t/show" "episode 1 at 5.00 km"
[ "$(sqlite3 "$db" 'select count(*) from runs')" = 1 ] || fail "the run was doubled"
[ "$(sqlite3 "$db" 'select count(*) from tracks where run_id = 1')" = 1 ] || fail "no route taken in"
nf import --merge --json "$f" --db "$db" >"$t/json" 2>/dev/null
has "$t/json" '"already_imported": 1'

# Numbness at the typed run's very end, past the file's distance: refused, the typed run unchanged.
db=$t/k.db
nf run add 7.3km --date 2026-10-04 --time 06:32 --numb-at 7.3 --db "$db" >/dev/null
before=$(sqlite3 "$db" 'select * from runs')
rc=0
nf import --merge "$f" --db "$db" >"$t/out" 2>"$t/err" || rc=$?
[ "$rc" = 2 ] || fail "exit $rc, wanted 2"
has "$t/err" "run 1 has numbness recorded at 7.30 km"
[ "$(sqlite3 "$db" 'select * from runs')" = "$before" ] || fail "the typed run changed"
[ "$(sqlite3 "$db" 'select count(*) from tracks')" = 0 ] || fail "a route was stored"
