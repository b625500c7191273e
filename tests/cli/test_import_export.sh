#!/bin/sh
# Bulk exports end to end, on exports made by tests/import/make-export.py: Strava's zip (gzip
# inside, activities.csv with its type and gear columns, a ride whose file names no sport, a
# manual activity without a file) and the folder it unpacks to give the same runs, with shoes
# made from the gear column and dated from their first run; a Garmin Connect export (a zip of
# FIT files inside the zip); a zip bomb refused with nothing written from it; a zip declaring a
# 3 GiB entry refused whole.
set -eu
t=$HOME/export
mkdir -p "$t"
fail() { echo "FAIL: $*"; exit 1; }
gen=tests/import/make-export.py
python3 "$gen" strava 25 "$t/strava.zip" --dir "$t/unpacked"
python3 "$gen" garmin "$t/garmin.zip"
python3 "$gen" bomb "$t/bomb.zip"
python3 "$gen" liar "$t/liar.zip"

"$NUMBFOOT" import "$t/strava.zip" --db "$t/a.db" >"$t/out" 2>"$t/err" || { cat "$t/err"; fail "strava zip"; }
grep -q "^imported 22 runs, 2 not a run$" "$t/out" || { cat "$t/out" "$t/err"; fail "strava summary"; }
grep -q "strava.zip:activities/1000009.gpx.gz: not a run: ride (activities.csv)" "$t/err" ||
	fail "the CSV's type is not the reason"
grep -q "\[24/24\] strava.zip:activities/1000023.fit.gz" "$t/err" || fail "no progress"
grep -q "added shoes 'Trail \"Blazer\"' (the export's gear column)" "$t/err" || fail "gear not made"
"$NUMBFOOT" gear list --json --db "$t/a.db" >"$t/gear.json"
"$NUMBFOOT" run list --json --db "$t/a.db" >"$t/runs.json"
python3 - "$t/gear.json" "$t/runs.json" <<'PY' || fail "gear from the CSV"
import json, sys
gear = {g["nickname"]: g for g in json.load(open(sys.argv[1]))}
runs = json.load(open(sys.argv[2]))
assert set(gear) == {"Pegasus 38", 'Trail "Blazer"', "Racer, orange"}, set(gear)
assert "Road bike" not in gear  # only runs are stored, and rides bring no shoes
for name, g in gear.items():
    mine = sorted(r["start_time"] for r in runs if r.get("shoes") == name)
    assert mine and g["first_use"] == mine[0][:10], (name, g["first_use"], mine[:1])
assert all(r.get("shoes") for r in runs), "a run without its CSV gear"
assert len(runs) == 22
PY
# Again: every file is known.
"$NUMBFOOT" import "$t/strava.zip" --db "$t/a.db" >"$t/out" 2>/dev/null
grep -q "^imported 0 runs, 22 already in the journal, 2 not a run$" "$t/out" || { cat "$t/out"; fail "reimport"; }
# The unpacked folder gives the same runs.
"$NUMBFOOT" import "$t/unpacked" --db "$t/b.db" >"$t/out" 2>/dev/null
grep -q "^imported 22 runs, 2 not a run$" "$t/out" || { cat "$t/out"; fail "folder summary"; }
a=$("$NUMBFOOT" export --format csv --db "$t/a.db" | cut -d, -f2-8 | sort | md5sum)
b=$("$NUMBFOOT" export --format csv --db "$t/b.db" | cut -d, -f2-8 | sort | md5sum)
[ "$a" = "$b" ] || fail "the zip and the folder differ"

"$NUMBFOOT" import "$t/garmin.zip" --db "$t/c.db" >"$t/out" 2>"$t/err" || fail "garmin"
grep -q "^imported 3 runs, 1 not a run$" "$t/out" || { cat "$t/out" "$t/err"; fail "garmin summary"; }
grep -q "UploadedFiles_0-_Part1.zip:user@example.org_903.fit: not a run: cycling" "$t/err" || fail "garmin ride"

set +e
"$NUMBFOOT" import "$t/bomb.zip" --db "$t/d.db" --json >"$t/out" 2>"$t/err"
rc=$?
set -e
[ "$rc" -eq 3 ] || fail "bomb: exit $rc (3: some runs stored, one file refused)"
grep -q "bomb.zip:activities/1.gpx: expands more than 200 times" "$t/err" || { cat "$t/err"; fail "bomb message"; }
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["imported"] == 1 and d["failed"] == 1, d' "$t/out" ||
	fail "bomb: the other file"

set +e
"$NUMBFOOT" import "$t/liar.zip" --db "$t/e.db" >"$t/out" 2>"$t/err"
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "liar: exit $rc"
grep -q "declares 3221225472 bytes, more than any watch file (2147483648): refused whole" "$t/err" || fail "liar"
grep -q "^imported 0 runs, 1 failed" "$t/out" || fail "liar summary"
echo ok
