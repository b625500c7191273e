#!/bin/sh
# Text that is not UTF-8 is refused at input in every text option and argument (exit 2, naming
# the option and the byte, nothing stored), since the journal's JSON (export, --json, the page)
# can only hold UTF-8; and a journal that holds such bytes already (older versions stored them)
# still exports and lists, each stray byte written as U+FFFD, never "out of memory".
. tests/cli/lib.sh
nf gear add peg > /dev/null
nf run add 10 --date 2026-01-02 > /dev/null
snapshot
refused "--notes: not valid UTF-8 at byte 2" run add 10 --date 2026-01-03 --notes "$(printf 'a\377b')"
refused "--surface: not valid UTF-8 at byte 1" run add 10 --date 2026-01-03 --surface "$(printf '\377')"
refused "--notes: not valid UTF-8 at byte 1" run edit 1 --notes "$(printf '\342\202')"
refused "--surface: not valid UTF-8 at byte 6" run edit 1 --surface "$(printf 'trail\351')"
refused "NICKNAME: not valid UTF-8 at byte 2" gear add "$(printf 'x\303')"
refused "--brand: not valid UTF-8 at byte 1" gear add x --brand "$(printf '\300\257')"
refused "--model: not valid UTF-8 at byte 1" gear edit peg --model "$(printf '\355\240\200')"
refused "--name: not valid UTF-8 at byte 3" gear edit peg --name "$(printf 'pe\377')"
refused "--notes: not valid UTF-8 at byte 1" episode add 1 --at 3 --notes "$(printf '\342\202')"
nf episode add 1 --at 3 > /dev/null
snapshot
refused "--notes: not valid UTF-8 at byte 4" episode edit 1 --notes "$(printf 'ok \377')"
# Valid text in any script is taken.
nf run edit 1 --notes "$(printf 'caf\303\251 \342\202\254')" > /dev/null
nf export > "$t/export.json"
has "$t/export.json" "$(printf 'caf\303\251 \342\202\254')"

# A file whose name is not UTF-8 (Latin-1 "café.gpx") is imported, its name stored with U+FFFD,
# and named in import --json rather than left out of it.
cp tests/cli/data/journal/run.gpx "$t/$(printf 'caf\351').gpx"
nf import --json --db "$t/imp.db" "$t/$(printf 'caf\351').gpx" > "$t/imp.json"
has "$t/imp.json" "\"file\": \"$t/caf$(printf '\357\277\275').gpx\""
has "$t/imp.json" "\"source_file\": \"caf$(printf '\357\277\275').gpx\""
nf export --db "$t/imp.db" > "$t/export.json"
has "$t/export.json" "\"source_file\": \"caf$(printf '\357\277\275').gpx\""

# An export's activities.csv in another encoding: the gear column's pair is made with U+FFFD
# (not left out, nor stored as bytes that would break export).
mkdir -p "$t/exp/activities"
cp tests/cli/data/journal/run.gpx "$t/exp/activities/1.gpx"
printf 'Activity ID,Activity Type,Activity Gear,Filename\n1,Run,Caf\351 shoes,activities/1.gpx\n' > "$t/exp/activities.csv"
nf import "$t/exp" --db "$t/exp.db" > /dev/null 2>&1
nf export --db "$t/exp.db" > "$t/export.json"
has "$t/export.json" "\"shoes\": \"Caf$(printf '\357\277\275') shoes\""

# A journal written before the check: the bytes put in past it, as an older version stored them.
need sqlite3
db="$XDG_DATA_HOME/numbfoot/journal.db"
sqlite3 "$db" "UPDATE runs SET notes = CAST(X'61FF62' AS TEXT); UPDATE gear SET brand = CAST(X'78C3' AS TEXT);
	UPDATE episodes SET notes = CAST(X'E282' AS TEXT);"
repl=$(printf '\357\277\275')
for cmd in export "run list --json" "run show 1 --json" "gear list --json" "episode list --json"; do
	# shellcheck disable=SC2086
	nf $cmd > "$t/out" 2> "$t/err" || { cat "$t/err"; fail "$cmd failed on stored bytes"; }
	lacks "$t/err" "out of memory"
done
nf export > "$t/export.json"
has "$t/export.json" "\"notes\": \"a${repl}b\""
has "$t/export.json" "\"brand\": \"x${repl}\""
has "$t/export.json" "\"notes\": \"${repl}${repl}\""
# The page's journal: GET /api/runs and /api/runs/1 answer 200 with the same text, not a 500.
need python3
cp "$db" "$t/serve.db"
serve
python3 - "$url" <<'PY'
import http.client, json, sys, urllib.parse
u = urllib.parse.urlsplit(sys.argv[1])
token = urllib.parse.parse_qs(u.fragment)["token"][0]
for path in ("/api/runs", "/api/runs/1", "/api/gear", "/api/episodes"):
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=5)
    c.request("GET", path, headers={"X-Numbfoot-Token": token})
    r = c.getresponse()
    body = r.read()
    assert r.status == 200, (path, r.status, body)
    json.loads(body)
c = http.client.HTTPConnection(u.hostname, u.port, timeout=5)
c.request("GET", "/api/runs/1", headers={"X-Numbfoot-Token": token})
assert json.loads(c.getresponse().read())["run"]["notes"] == "a\ufffdb"
PY
echo ok
