#!/bin/sh
# A watch file's run like a run typed by hand (a start within 5 minutes, a distance within 10%)
# is skipped, naming the typed run, which keeps its episode; a typed run at another time does not
# stop the file. Two files whose runs start together but differ in distance by more than 2% are
# not the same run by the same-run rule between files, but their times overlap: the second is
# refused, naming the first (one person runs one run at a time).
. tests/cli/lib.sh
db=$t/j.db
nf run add 7.2km --date 2026-10-04 --time 06:32 --numb-at 5 --db "$db" >/dev/null
rc=0
nf import tests/cli/data/import/same-run.fit --db "$db" >"$t/out" 2>"$t/err" || rc=$?
[ "$rc" = 0 ] || fail "exit $rc, wanted 0 as for a file already imported"
has "$t/out" "imported 0 runs, 1 like a run typed by hand"
has "$t/err" "skipped: tests/cli/data/import/same-run.fit: looks like run 1 (2026-10-04 06:32, 7.20 km), typed by hand"
nf import --json tests/cli/data/import/same-run.fit --db "$db" >"$t/json" 2>/dev/null
has "$t/json" '"like_typed_run": 1'
has "$t/json" '"duplicate_of": 1'
nf run list --db "$db" >"$t/list"
[ "$(grep -c km "$t/list")" = 1 ] || { cat "$t/list"; fail "the typed run was doubled"; }
has "$t/list" "1 episode"

# The typed run two hours later: the file is another run.
db=$t/k.db
nf run add 7.2km --date 2026-10-04 --time 08:30 --db "$db" >/dev/null
nf import tests/cli/data/import/same-run.fit --db "$db" >"$t/out" 2>&1
grep -q "^imported 1 run$" "$t/out" || { cat "$t/out"; fail "the file was not imported"; }
# The TCX with its distance stretched by 5%: another run than the FIT's.
sed 's|<DistanceMeters>7241.7</DistanceMeters>|<DistanceMeters>7557.0</DistanceMeters>|' \
	tests/cli/data/import/same-run.tcx >"$t/longer.tcx"
grep -q 7557.0 "$t/longer.tcx"
rc=0
nf import "$t/longer.tcx" --db "$db" >"$t/out" 2>&1 || rc=$?
[ "$rc" != 0 ] || { cat "$t/out"; fail "the overlapping TCX was stored"; }
has "$t/out" "longer.tcx: its time overlaps run 2 (imported from same-run.fit)"
nf run list --db "$db" >"$t/list"
[ "$(grep -c km "$t/list")" = 2 ] || { cat "$t/list"; fail "the overlapping run was stored"; }
