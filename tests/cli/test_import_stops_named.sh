# An import stops at its first database error (disk full, the journal wiped by 'forget' in
# another shell); it used to end with a summary of the files up to that one only, never naming
# the files it did not read (1344 of 1500). It now says where it stopped, how many files were not
# read and which (the first and the last; an export's rest as a count), lists them in --json as
# "not_read", exits 1, and the runs stored before are whole. The failure is made by a trigger
# that errs on the journal's third run.
. tests/cli/lib.sh
need python3 sqlite3
mkdir "$t/f"
python3 - "$t" <<'PY'
import sys, os, zipfile
def gpx(day):
    pts = ''.join('<trkpt lat="%.4f" lon="-0.1"><time>%sT%02d:%02d:00Z</time></trkpt>\n'
                  % (51.5 + 0.0016 * i, day, 8 + i // 60, i % 60) for i in range(31))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="t" '
            'xmlns="http://www.topografix.com/GPX/1/1"><trk><type>running</type><trkseg>\n'
            + pts + '</trkseg></trk></gpx>\n')
t = sys.argv[1]
for k in range(1, 6):
    open(os.path.join(t, 'f', 'r%d.gpx' % k), 'w').write(gpx('2025-04-%02d' % k))
with zipfile.ZipFile(os.path.join(t, 'x.zip'), 'w') as z:
    for k in range(1, 6):
        z.writestr('activities/%d.gpx' % k, gpx('2025-05-%02d' % k))
PY
broken() {
	: > "$1"
	nf gear list --db "$1" > /dev/null
	sqlite3 "$1" "CREATE TRIGGER fails BEFORE INSERT ON runs WHEN (SELECT count(*) FROM runs) >= 2
		BEGIN SELECT json('{'); END;"
}
cd "$t"
broken a.db
set +e
nf import f --db a.db > out 2> err
rc=$?
set -e
[ "$rc" -eq 1 ] || { cat out err; fail "exit $rc (1: the journal failed)"; }
has out "imported 2 runs, 1 failed (nothing written from it), 2 not read (stopped: the journal failed)"
has err "f/r3.gpx: a.db: adding a run"
has err "import stopped at f/r3.gpx, as the journal failed: 2 files not read (f/r4.gpx to f/r5.gpx)"
[ "$(sqlite3 a.db 'select count(*) from runs')" = 2 ] || fail "runs stored"
[ "$(sqlite3 a.db 'pragma integrity_check')" = ok ] || fail "integrity"
# --json: every file given is in files, the unread ones as not_read.
broken b.db
set +e
nf import f --db b.db --json > j 2> /dev/null
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "--json: exit $rc"
python3 - j <<'PY'
import json, sys
o = json.load(open(sys.argv[1]))
assert o["not_read"] == 2 and o["stopped_at"] == "f/r3.gpx", o
st = {f["file"]: f["status"] for f in o["files"]}
assert st == {"f/r1.gpx": "imported", "f/r2.gpx": "imported", "f/r3.gpx": "error",
              "f/r4.gpx": "not_read", "f/r5.gpx": "not_read"}, st
PY
# In an export, the rest of it is counted, and the files after it named.
broken c.db
set +e
nf import x.zip f/r1.gpx --db c.db > out 2> err
rc=$?
set -e
[ "$rc" -eq 1 ] || { cat out err; fail "export: exit $rc"; }
has err "import stopped at x.zip:activities/3.gpx, as the journal failed: 3 files not read (2 more of x.zip, then f/r1.gpx)"
has out "3 not read"
# A whole import says nothing of it.
nf import f --db d.db > out 2> err
lacks out "not read"
lacks err "stopped"
nf import f --db d.db --json > j 2> /dev/null
python3 -c 'import json,sys; o=json.load(open(sys.argv[1])); assert o["not_read"] == 0 and o["stopped_at"] is None, o' j
# The page's import of the export stops the same way and says so, with what it stored.
cd - > /dev/null
broken "$t/serve.db"
serve
post /api/import "$t/x.zip" x.zip > "$t/page"
has "$t/page" "500 "
has "$t/page" "the import stopped there; 2 runs stored before it are kept, the rest of the upload was not read"
has "$t/page" '"stored":2'
has "$t/page" '"stopped":true'
echo ok
