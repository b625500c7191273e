# A zip with two activities.csv used the first without a word (the sport and shoes of every
# activity a guess between two lists), and two entries of one name that activities.csv describes
# as one activity were both imported, both with that row's shoes. The first is refused whole,
# naming both; the second entry of a name is refused, naming the CSV's line, the first imported.
. tests/cli/lib.sh
need python3
python3 - "$t" tests/cli/data/journal/run.gpx <<'PY'
import os, sys, warnings, zipfile
warnings.simplefilter('ignore')  # zipfile warns of a duplicate name: that is the test
t, gpx = sys.argv[1], open(sys.argv[2], 'rb').read()
other = gpx.replace(b'2026-10-04', b'2026-10-05')
hdr = 'Activity ID,Activity Type,Filename,Activity Gear\n'
with zipfile.ZipFile(os.path.join(t, 'twocsv.zip'), 'w') as z:
    z.writestr('activities.csv', hdr + '1,Run,activities/1.gpx,ShoeA\n')
    z.writestr('export_2/activities.csv', hdr + '1,Run,activities/1.gpx,ShoeB\n')
    z.writestr('activities/1.gpx', gpx)
with zipfile.ZipFile(os.path.join(t, 'twoentries.zip'), 'w') as z:
    z.writestr('activities.csv', hdr + '8,Run,activities/8.gpx,Dup\n')
    z.writestr('activities/8.gpx', gpx)
    z.writestr('activities/8.gpx', other)
PY
grep -q 2026-10-04 tests/cli/data/journal/run.gpx || fail "the fixture's date changed: fix the test"
set +e
nf import "$t/twocsv.zip" --db "$t/a.db" > "$t/out" 2> "$t/err"
rc=$?
set -e
[ "$rc" -eq 2 ] || { cat "$t/out" "$t/err"; fail "two CSVs: exit $rc"; }
has "$t/err" "twocsv.zip: two activities.csv in it (activities.csv and export_2/activities.csv): which one describes the activities is not known; refused whole, nothing read from it"
has "$t/out" "imported 0 runs, 1 failed"
set +e
nf import "$t/twoentries.zip" --db "$t/b.db" > "$t/out" 2> "$t/err"
rc=$?
set -e
[ "$rc" -eq 3 ] || { cat "$t/out" "$t/err"; fail "two entries: exit $rc"; }
has "$t/err" "twoentries.zip:activities/8.gpx: a second entry of this name in the zip, which activities.csv (line 2) describes as one activity: refused"
has "$t/out" "imported 1 run, 1 failed"
echo ok
