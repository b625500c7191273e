# The request shown in docs/web.md for POST /api/assess/next is accepted, and the answer has
# the keys the page documents; /api/assess/result answers with the result schema's keys.
set -eu
tmp=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$tmp"' EXIT
"$NUMBFOOT" serve --port 0 --no-open --db "$tmp/j.db" >"$tmp/out" 2>"$tmp/err" &
pid=$!
for _ in $(seq 1 50); do grep -q token= "$tmp/out" && break; sleep 0.1; done
url=$(grep -o 'http://[^ ]*' "$tmp/out")
python3 - "$url" docs/web.md <<'PY'
import http.client, json, re, sys, urllib.parse
u = urllib.parse.urlsplit(sys.argv[1])
token = urllib.parse.parse_qs(u.fragment)["token"][0]
doc = open(sys.argv[2]).read()
section = doc.split("### POST /api/assess/next", 1)[1]
blocks = re.findall(r"\n\n((?:    .*\n)+)", section)
body = json.loads("".join(l[4:] for l in blocks[0].splitlines()))
def post(path, b):
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=5)
    c.request("POST", path, body=json.dumps(b), headers={"X-Numbfoot-Token": token, "Content-Type": "application/json"})
    r = c.getresponse()
    return r.status, json.loads(r.read())
s, r = post("/api/assess/next", body)
assert s == 200, (s, r)
assert set(r) == {"done", "question", "progress", "triage"}, r.keys()
assert set(r["triage"]) == {"level", "words", "red_flag", "rule", "stop"}, r["triage"].keys()
assert set(r["question"]) == {"checklist", "title", "findings", "red_flags"}, r["question"].keys()
s, r = post("/api/assess/result", body)
assert s == 200 and {"triage", "ranking", "plan", "see", "answers", "disclaimer"} <= set(r), (s, r.keys())
assert r["answers"]["age"] == 28 and r["answers"]["diabetes"] is None, r["answers"]
PY
