#!/bin/sh
# Shoes by date: a new user adds a pair today, types runs in it, then imports years-old watch
# files. The old runs must not be filed under the new pair (that turned "numbness only in one
# pair", p = 0.029, into p = 0.516): they get the pair in service on their date, or none, and the
# summary says how many got none and how to give them some. run edit --from/--to then sets a
# period's shoes at once, and a pair with a first-use date is given to the runs after it.
set -eu
db=$HOME/j.db
nf() { "$NUMBFOOT" "$@" --db "$db"; }
fail() { echo "FAIL: $*"; exit 1; }
nf gear add blue --default >/dev/null
for d in 01 02 03 05 06 07 08 09; do
	nf run add 8 --date 2026-11-$d --time 07:00 >/dev/null 2>&1
done
# Three runs from 2014 in one TCX.
sed 's/2026-10-0/2014-10-0/g' tests/cli/data/import/three-runs.tcx >"$HOME/old.tcx"
nf import "$HOME/old.tcx" >"$HOME/out" 2>&1 || { cat "$HOME/out"; fail "import"; }
grep -q "^imported 3 runs$" "$HOME/out" || { cat "$HOME/out"; fail "summary"; }
grep -q "^3 runs dated when no pair of shoes was in service: no shoes; give them with 'run edit" "$HOME/out" ||
	{ cat "$HOME/out"; fail "no word of the runs without shoes"; }
nf run list --json >"$HOME/runs.json"
python3 - "$HOME/runs.json" <<'PY' || fail "shoes of the runs"
import json, sys
runs = json.load(open(sys.argv[1]))
old = [r for r in runs if r["start_time"].startswith("2014")]
new = [r for r in runs if r["start_time"].startswith("2026")]
assert len(old) == 3 and len(new) == 8, (len(old), len(new))
assert all(not r.get("shoes") for r in old), [r.get("shoes") for r in old]
assert all(r.get("shoes") == "blue" for r in new)
PY
# --json counts them too.
sed 's/2026-10-0/2013-10-0/g' tests/cli/data/import/three-runs.tcx >"$HOME/older.tcx"
nf import "$HOME/older.tcx" --json >"$HOME/out.json" 2>/dev/null
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["no_shoes"] == 3, d' "$HOME/out.json" ||
	fail "--json no_shoes"
# The old pair, given afterwards: a period at once.
nf gear add trail --first-use 2012-01-01 >/dev/null
nf run edit --from 2014-10-01 --to 2014-10-31 --shoes trail >"$HOME/out"
grep -q "^shoes set on 3 runs from 2014-10-01 to 2014-10-31$" "$HOME/out" || { cat "$HOME/out"; fail "run edit range"; }
nf run edit 1 --from 2014-10-01 --to 2014-10-31 --shoes trail >/dev/null 2>&1 && fail "RUN with a range accepted"
nf run edit --from 2014-10-01 --to 2014-10-31 --distance 5 --shoes trail >/dev/null 2>&1 && fail "--distance with a range accepted"
# A pair with a first-use date is the one in service for a run imported after that date.
sed 's/2026-10-0/2015-03-0/g' tests/cli/data/import/three-runs.tcx >"$HOME/2015.tcx"
nf import "$HOME/2015.tcx" >"$HOME/out" 2>&1
grep -q "dated when no pair" "$HOME/out" && { cat "$HOME/out"; fail "2015 runs got no shoes"; }
nf run list --json >"$HOME/runs.json"
python3 - "$HOME/runs.json" <<'PY' || fail "2015 runs in trail"
import json, sys
runs = json.load(open(sys.argv[1]))
assert all(r.get("shoes") == "trail" for r in runs if r["start_time"].startswith("2015")), runs
assert all(r.get("shoes") == "trail" for r in runs if r["start_time"].startswith("2014"))
assert all(not r.get("shoes") for r in runs if r["start_time"].startswith("2013"))
PY
echo ok
