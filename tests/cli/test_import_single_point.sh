#!/bin/sh
# A track of one point (a recording stopped at once) has no distance and no time: refused with the
# file named, nothing written, where it was stored as a run of "distance -, elapsed 0:00" that
# counted among the runs without numbness. The same point with a second one a kilometre on is a run.
set -eu
t=$HOME/single
mkdir -p "$t"
fail() { echo "FAIL: $*"; exit 1; }
pt() { printf '<trkpt lat="%s" lon="7.0"><time>%s</time></trkpt>' "$1" "$2"; }
gpx() { printf '<?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1"><trk><type>running</type><trkseg>%s</trkseg></trk></gpx>\n' "$1"; }
gpx "$(pt 46.0 2026-10-11T07:00:00Z)" > "$t/one.gpx"
rc=0; "$NUMBFOOT" import "$t/one.gpx" --db "$t/j.db" >"$t/out" 2>"$t/err" || rc=$?
[ "$rc" = 2 ] || fail "exit $rc"
grep -q "one.gpx: no distance and no time" "$t/err" || { cat "$t/err"; fail "no reason"; }
"$NUMBFOOT" run list --json --db "$t/j.db" > "$t/runs.json"
[ "$(cat "$t/runs.json")" = "[]" ] || fail "stored: $(cat "$t/runs.json")"
gpx "$(pt 46.0 2026-10-11T07:00:00Z)$(pt 46.009 2026-10-11T07:05:00Z)" > "$t/two.gpx"
"$NUMBFOOT" import "$t/two.gpx" --db "$t/j.db" >"$t/out" 2>"$t/err" || { cat "$t/err"; fail "two points refused"; }
grep -q "^imported 1 run" "$t/out" || fail "two points: $(cat "$t/out")"
echo ok
