#!/bin/sh
# An export folder's activities.csv that names a file outside the folder ("../run.gpx", or an
# absolute name, which was joined as "exp//home/...") read and stored that file. Each such entry
# is refused naming the CSV's line; the export's own files are still imported.
set -eu
t=$HOME/outside
mkdir -p "$t/exp/activities"
fail() { echo "FAIL: $*"; exit 1; }
cp tests/cli/data/journal/run.gpx "$t/exp/activities/1.gpx"
cp tests/cli/data/import/point-backwards.gpx "$t/elsewhere.gpx"
cat >"$t/exp/activities.csv" <<CSV
Activity ID,Activity Date,Activity Type,Filename
1,"Oct 4, 2026, 6:30:00 AM",Run,activities/1.gpx
2,"Mar 21, 2025, 8:00:00 AM",Run,../elsewhere.gpx
3,"Mar 21, 2025, 8:00:00 AM",Run,$t/elsewhere.gpx
4,"Mar 21, 2025, 8:00:00 AM",Run,activities/../../elsewhere.gpx
CSV
set +e
"$NUMBFOOT" import "$t/exp" --db "$t/a.db" >"$t/out" 2>"$t/err"
rc=$?
set -e
[ "$rc" -eq 3 ] || { cat "$t/out" "$t/err"; fail "exit $rc (3: some runs stored, some entries refused)"; }
grep -q "^imported 1 run, 3 failed" "$t/out" || { cat "$t/out"; fail "summary"; }
grep -q "exp/activities.csv:3: Filename '../elsewhere.gpx' is outside the export" "$t/err" ||
	{ cat "$t/err"; fail "the parent folder's file"; }
grep -q "exp/activities.csv:4: Filename '$t/elsewhere.gpx' is outside the export" "$t/err" ||
	{ cat "$t/err"; fail "an absolute name"; }
grep -q "exp/activities.csv:5: Filename 'activities/../../elsewhere.gpx' is outside the export" "$t/err" ||
	{ cat "$t/err"; fail "a name that climbs out"; }
n=$("$NUMBFOOT" run list --json --db "$t/a.db" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
[ "$n" -eq 1 ] || fail "$n runs stored, not 1"
echo ok
