# A Strava zip whose activities.csv names a file the zip lacks (a partial download, a size-capped
# export) was imported with exit 0 and no word of the missing file, where the same export as a
# folder reports it (exit 3). The zip now names the CSV's line and the file, counts it as failed,
# exits 3, lists it in --json, and the page's import reports it too.
. tests/cli/lib.sh
need python3
python3 - "$t" tests/cli/data/journal/run.gpx <<'PY'
import sys, zipfile, os
t, gpx = sys.argv[1], open(sys.argv[2], 'rb').read()
csv = ('Activity ID,Activity Date,Activity Name,Activity Type,Filename,Activity Gear\n'
       '1,"Oct 4, 2026, 6:30:00 AM",r1,Run,activities/1.gpx,Kinvara\n'
       '2,"Oct 5, 2026, 6:30:00 AM",r2,Run,activities/2.gpx,Kinvara\n')
with zipfile.ZipFile(os.path.join(t, 'part.zip'), 'w') as z:
    z.writestr('activities.csv', csv)
    z.writestr('activities/1.gpx', gpx)
os.makedirs(os.path.join(t, 'exp', 'activities'))
open(os.path.join(t, 'exp', 'activities.csv'), 'w').write(csv)
open(os.path.join(t, 'exp', 'activities', '1.gpx'), 'wb').write(gpx)
PY
cd "$t"
set +e
nf import part.zip --db a.db > out 2> err
rc=$?
set -e
[ "$rc" -eq 3 ] || { cat out err; fail "exit $rc (3: some runs stored, a file missing)"; }
has out "imported 1 run, 1 failed (nothing written from it)"
has err "part.zip:activities.csv:3: activities/2.gpx is not in the zip"
has err "[2/2] part.zip:activities/2.gpx"
# The same export as a folder, for comparison: the same count and exit status.
set +e
nf import exp --db b.db > outd 2> errd
rcd=$?
set -e
[ "$rcd" -eq 3 ] || { cat outd errd; fail "folder: exit $rcd"; }
has outd "imported 1 run, 1 failed (nothing written from it)"
# --json lists the missing file with the message.
set +e
nf import part.zip --db c.db --json > j 2> /dev/null
set -e
python3 - j <<'PY'
import json, sys
o = json.load(open(sys.argv[1]))
assert o["imported"] == 1 and o["failed"] == 1, o
f = [x for x in o["files"] if x["file"] == "part.zip:activities/2.gpx"]
assert len(f) == 1 and f[0]["status"] == "error", o["files"]
assert f[0]["message"] == "part.zip:activities.csv:3: activities/2.gpx is not in the zip", f[0]
PY
# The page's import of the same zip says so in the file's entry.
cd - > /dev/null
serve
post /api/import "$t/part.zip" part.zip > "$t/page"
has "$t/page" "201"
has "$t/page" '"status":"error","message":"part.zip:activities.csv:3: activities/2.gpx is not in the zip"'
echo ok
