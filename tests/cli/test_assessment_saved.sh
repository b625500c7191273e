# Saved assessments end to end: an interview cut short by closed input is kept marked not
# finished and never heads the report (which names it instead); list, show and delete read and
# remove them; a bad or missing id is a clear error with exit 2 that changes nothing.
. tests/cli/lib.sh
export NO_COLOR=1
db="$t/j.db"
nfd() { nf "$@" --db "$db"; }

# A finished interview: no warning sign, then "don't know" until the engine stops asking.
{ echo 0; i=0; while [ $i -lt 40 ]; do echo '?'; i=$((i + 1)); done; } > "$t/full"
NUMBFOOT_NOW=2026-03-01T10:00:00Z nfd assess < "$t/full" > "$t/a1" || fail "assess 1"
has "$t/a1" "This assessment is kept in your journal (numbfoot report"
# An interview whose input closes after a warning sign that calls for urgent care.
printf '0\n8\n?\n' | NUMBFOOT_NOW=2026-03-02T10:00:00Z nfd assess > "$t/a2" || fail "assess 2"
has "$t/a2" "The input ended before the last question"
has "$t/a2" "marked not finished"
has "$t/a2" "Urgent"

nfd assessment list > "$t/list" || fail "list"
has "$t/list" "    1  "
grep -q "^ *1 .* complete " "$t/list" || { cat "$t/list"; fail "the first is not complete"; }
grep -q "^ *2 .* not finished  urgent " "$t/list" || { cat "$t/list"; fail "the second is not marked not finished"; }
nfd assessment list --json > "$t/list.json" || fail "list --json"
python3 - "$t/list.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
assert [x["id"] for x in a] == [1, 2], a
assert a[0]["complete"] is True and a[1]["complete"] is False, [x["complete"] for x in a]
assert a[1]["result"]["triage"]["level"] == "urgent", a[1]["result"]["triage"]
assert a[1]["answers"]["answers"]["neuro_other"] is True
PY
# export carries the flag too
nfd export > "$t/export.json" || fail "export"
python3 -c "import json,sys; a=json.load(open(sys.argv[1]))['assessments']; assert [x['complete'] for x in a]==[True,False], a" \
	"$t/export.json" || fail "export lacks complete"

# The report heads with the finished one and says that the last one was not finished.
nfd report -o "$t/r.html" > /dev/null || fail "report"
has "$t/r.html" "<dt>Assessment</dt><dd>complete (the interview ran to its end), 2026-03-01 10:00 UTC"
has "$t/r.html" "The last assessment (2026-03-02 10:00 UTC) was not finished"
lacks "$t/r.html" 'class="triage urgent"'
nfd report -o "$t/r.pdf" > /dev/null || fail "report pdf"
if command -v pdftotext > /dev/null; then
	pdftotext "$t/r.pdf" - | tr '\n' ' ' > "$t/r.txt"
	has "$t/r.txt" "Assessment: complete (the interview ran to its end), 2026-03-01 10:00 UTC"
	has "$t/r.txt" "was not finished"
fi

nfd assessment show 2 > "$t/show" || fail "show"
has "$t/show" "finished   no"
grep -q "^  [a-z].*: yes$" "$t/show" || fail "show names no answer yes"
nfd assessment show 2 --json > "$t/show.json" || fail "show --json"
python3 -c "import json,sys; a=json.load(open(sys.argv[1])); assert a['id']==2 and a['complete'] is False, a" "$t/show.json" ||
	fail "show --json"

# Bad ids: exit 2, a message naming the problem, nothing deleted.
set +e
nfd assessment show abc > /dev/null 2> "$t/err"; rc=$?
set -e
[ $rc -eq 2 ] || fail "show abc exited $rc"
has "$t/err" "ID: 'abc' is not an id"
set +e
nfd assessment delete 9 > /dev/null 2> "$t/err"; rc=$?
set -e
[ $rc -eq 2 ] || fail "delete 9 exited $rc"
has "$t/err" "no assessment with id 9"
[ "$(nfd assessment list --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" = 2 ] ||
	fail "a failed delete changed the journal"

nfd assessment delete 2 > "$t/del" || fail "delete"
has "$t/del" "deleted assessment 2"
nfd assessment delete 1 --json > "$t/del.json" || fail "delete --json"
python3 -c "import json,sys; a=json.load(open(sys.argv[1])); assert a=={'id':1,'deleted':True}, a" "$t/del.json" ||
	fail "delete --json"
nfd assessment list > "$t/list" || fail "list after delete"
has "$t/list" "no assessments yet"
# Nothing of the deleted answers is left in the file or its log.
for f in "$db" "$db-wal"; do
	[ -f "$f" ] || continue
	! grep -q "neuro_other" "$f" || fail "$f still holds the deleted answers"
done
nfd report -o "$t/r2.html" > /dev/null || fail "report 2"
lacks "$t/r2.html" "was not finished"
echo ok
