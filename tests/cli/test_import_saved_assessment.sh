# numbfoot import reads a saved assessment exported by the static site (a .json file of kind
# "numbfoot.assessment"): assessed again here and kept with the file's time and completeness;
# imported twice, it is there once; a bad answer is named with its file, line and key, exit 2,
# and nothing is kept; JSON of another kind is left to the run readers.
. tests/cli/lib.sh
export NO_COLOR=1
saved=tests/cli/data/site/saved-assessment.json
nf import "$saved" > "$t/out" 2>&1 || { cat "$t/out"; fail "import"; }
has "$t/out" "imported 1 saved assessment"
nf assessment list --json > "$t/list.json" || fail "list --json"
nf assess --answers cases/shoe-race-day-laces-man.json --json > "$t/native.json" || fail "assess"
python3 - "$t/list.json" "$t/native.json" "$saved" <<'PY'
import json, sys
kept, native, saved = (json.load(open(p)) for p in sys.argv[1:])
assert len(kept) == 1, kept
a = kept[0]
assert a["time"] == "2026-03-14T09:30:00Z" and a["complete"] is False, (a["time"], a["complete"])
assert a["answers"] == {"answers": saved["answers"], "derived": []}, a["answers"]
r = a["result"]
assert r["questions"] == 6, r["questions"]
native["questions"] = 6
assert r == native, "the kept result is not this machine's engine's"
PY
[ $? -eq 0 ] || fail "the journal's assessment"

nf import --json "$saved" > "$t/again" 2>"$t/again.err" || fail "a second import"
has "$t/again" '"already_imported": 1'
has "$t/again" '"status": "duplicate"'
has "$t/again.err" "already in the journal (assessment 1)"

sed 's/"age": [0-9.]*,/"age": "old",/' "$saved" > "$t/bad.json"
line=$(grep -n '"age": "old"' "$t/bad.json" | head -1 | cut -d: -f1)
set +e
nf import "$t/bad.json" > "$t/bad.out" 2>&1
rc=$?
set -e
[ "$rc" -eq 2 ] || { cat "$t/bad.out"; fail "a bad answer exits $rc"; }
has "$t/bad.out" "$t/bad.json:$line: answers.age: type number wants a JSON number"
sed 's/"time": "[^"]*"/"time": "yesterday"/' "$saved" > "$t/bad-time.json"
nf import "$t/bad-time.json" > "$t/bad-time.out" 2>&1 && fail "a bad time was accepted"
has "$t/bad-time.out" "$t/bad-time.json:4: time: not YYYY-MM-DDTHH:MM:SSZ"
sed 's/"format": 1/"format": 2/' "$saved" > "$t/newer.json"
nf import "$t/newer.json" > "$t/newer.out" 2>&1 && fail "a newer format was accepted"
has "$t/newer.out" "newer"
[ "$(nf assessment list --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" = 1 ] || fail "a bad file was kept"

echo '{"kind": "something.else"}' > "$t/other.json"
nf import "$t/other.json" > "$t/other.out" 2>&1 && fail "JSON of another kind was imported"
has "$t/other.out" "not a GPX, TCX or FIT file"
exit 0
