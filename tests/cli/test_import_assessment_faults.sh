# A saved assessment's import checks what the file claims: a time after now (or before 1970) is
# refused at its line, nothing stored; "complete" with answers an interview would still ask after
# is kept as not finished (so it cannot head the report); a file cut short or with a key twice is
# named at its line, and a key of the wrong type by its name; a byte-order mark is read past.
. tests/cli/lib.sh
export NO_COLOR=1
saved=tests/cli/data/site/saved-assessment.json
mk() { python3 -c '
import json, sys
d = json.load(open(sys.argv[1])); exec(sys.argv[3])
open(sys.argv[2], "w").write(json.dumps(d, indent=1))' "$saved" "$t/$1.json" "$2"; }
refused() {
	set +e
	nf import "$t/$1.json" > "$t/$1.out" 2>&1
	rc=$?
	set -e
	[ "$rc" -eq 2 ] || { cat "$t/$1.out"; fail "$1 exits $rc"; }
	has "$t/$1.out" "$2"
}
mk future 'd["time"] = "2099-03-15T09:30:00Z"'
refused future "$t/future.json:4: time: in the future"
mk old 'd["time"] = "1900-03-15T09:30:00Z"'
refused old "$t/old.json:4: time: before 1970"
mk yes 'd["complete"] = "yes"'
refused yes "$t/yes.json:5: complete: must be true or false"
mk extra 'd["evil"] = 1'
refused extra "evil: unknown key"
mk noanswers 'del d["answers"]'
refused noanswers "answers: missing"
head -c 200 "$saved" > "$t/cut.json"
refused cut "$t/cut.json:"
refused cut "(json)"
: > "$t/blank.json"
refused blank "$t/blank.json: empty file"
nf assessment list --json > "$t/none.json" 2>/dev/null || true
[ ! -s "$t/none.json" ] || python3 -c 'import json,sys; assert json.load(open(sys.argv[1])) == []' "$t/none.json" || fail "a refused file was stored"

mk empty 'd["complete"] = True; d["answers"] = {}; d["questions"] = 0; d["time"] = "2026-03-15T09:30:00Z"'
nf import "$t/empty.json" > "$t/empty.out" 2>&1 || { cat "$t/empty.out"; fail "an empty assessment"; }
printf '\357\273\277' > "$t/bom.json"
cat "$saved" >> "$t/bom.json"
nf import "$t/bom.json" > "$t/bom.out" 2>&1 || { cat "$t/bom.out"; fail "a byte-order mark"; }
nf assessment list --json > "$t/list.json"
python3 - "$t/list.json" <<'PY'
import json, sys
kept = {a["time"]: a for a in json.load(open(sys.argv[1]))}
assert kept["2026-03-15T09:30:00Z"]["complete"] is False, "an empty file said complete is kept finished"
assert "2026-03-14T09:30:00Z" in kept, "the file after a byte-order mark was not read"
PY
[ $? -eq 0 ] || fail "the kept assessments"
# A file that is a saved assessment is summed up as one, not as "0 runs".
has "$t/future.out" "imported 0 saved assessments, 1 failed"
