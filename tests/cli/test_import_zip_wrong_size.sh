# A zip entry whose declared size is smaller than its data is refused with libarchive's reason,
# which ends in a line break: the message was followed by an empty line. One line each now.
. tests/cli/lib.sh
need python3
python3 - "$t/w.zip" tests/cli/data/journal/run.gpx <<'PY'
import io, struct, sys, zipfile
b = io.BytesIO()
with zipfile.ZipFile(b, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('a.gpx', open(sys.argv[2], 'rb').read())
raw = bytearray(b.getvalue())
struct.pack_into('<I', raw, 22, 100)                       # the local header's size
cd = raw.find(b'PK\x01\x02'); struct.pack_into('<I', raw, cd + 24, 100)  # the central directory's
open(sys.argv[1], 'wb').write(bytes(raw))
PY
set +e
nf import "$t/w.zip" --db "$t/a.db" > "$t/out" 2> "$t/err"
rc=$?
set -e
[ "$rc" -eq 2 ] || { cat "$t/out" "$t/err"; fail "exit $rc (2: nothing stored)"; }
has "$t/err" "w.zip:a.gpx: ZIP uncompressed data is wrong size"
if grep -q '^$' "$t/err"; then cat -A "$t/err"; fail "an empty line in the messages"; fi
echo ok
