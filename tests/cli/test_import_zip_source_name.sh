# The name a run from a zip is stored by is the file's own, as for an entry in a folder of the
# zip ("activities/1.gpx" -> "1.gpx"): an entry at the zip's top was stored with the zip's name
# before it ("top.zip:2.gpx"), and one in a Garmin zip inside the zip with the inner zip's.
. tests/cli/lib.sh
need python3 sqlite3
python3 - "$t" tests/cli/data/journal/run.gpx <<'PY'
import io, os, sys, zipfile
t, gpx = sys.argv[1], open(sys.argv[2], 'rb').read()
day = lambda d: gpx.replace(b'2026-10-04', d)
inner = io.BytesIO()
with zipfile.ZipFile(inner, 'w') as z:
    z.writestr('3.gpx', day(b'2026-10-06'))
with zipfile.ZipFile(os.path.join(t, 'top.zip'), 'w') as z:
    z.writestr('activities/1.gpx', day(b'2026-10-04'))
    z.writestr('2.gpx', day(b'2026-10-05'))
    z.writestr('DI_CONNECT/Part1.zip', inner.getvalue())
PY
nf import "$t/top.zip" --db "$t/a.db" > /dev/null 2>&1
sqlite3 "$t/a.db" "select source_file from runs order by start_time" > "$t/names"
printf '1.gpx\n2.gpx\n3.gpx\n' > "$t/want"
cmp -s "$t/names" "$t/want" || { cat "$t/names"; fail "stored names"; }
echo ok
