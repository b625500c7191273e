#!/bin/sh
# An export whose gear column names shoes the journal cannot store (a control character in the
# name): the runs are stored with the pair in service on their day, and each says why its named
# pair was not made, on the terminal and in --json, where the run went to the default pair without
# a word.
set -eu
t=$HOME/gear-refused
mkdir -p "$t"
fail() { echo "FAIL: $*"; exit 1; }
python3 tests/import/make-export.py strava 10 "$t/strava.zip" --last-pair "$(printf 'Racer\033[31m')"
"$NUMBFOOT" gear add Everyday --db "$t/a.db" >/dev/null
"$NUMBFOOT" import "$t/strava.zip" --db "$t/a.db" --json >"$t/out.json" 2>"$t/err" || { cat "$t/err"; fail "import"; }
grep -q "warning: .*strava.zip:activities/.*the export's gear column names shoes the journal cannot store (.*): the run has the shoes in service on its day" "$t/err" ||
	{ cat "$t/err"; fail "no warning for the refused gear name"; }
if grep -q "$(printf '\033')" "$t/err"; then fail "the escape reached the terminal"; fi
python3 - "$t/out.json" <<'PY' || fail "--json"
import json, sys
out = json.load(open(sys.argv[1]))
notes = [n for f in out["files"] for n in f.get("notes", []) if "cannot store" in n]
assert notes, out
PY
"$NUMBFOOT" gear list --json --db "$t/a.db" >"$t/gear.json"
python3 - "$t/gear.json" <<'PY' || fail "gear"
import json, sys
names = {g["nickname"] for g in json.load(open(sys.argv[1]))}
assert not any("Racer" in n for n in names), names
PY
echo ok
