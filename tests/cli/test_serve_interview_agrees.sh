# The web interview asks what the terminal's asks: driving /api/assess/next with each case's
# answers ("don't know" where the case is silent) gives, for every case in cases/, the number of
# screens, the leading cause and the triage that `numbfoot eval --interview` reports.
set -eu
tmp=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$tmp"' EXIT
"$NUMBFOOT" eval --interview --json cases >"$tmp/eval.json"
"$NUMBFOOT" serve --port 0 --no-open --db "$tmp/j.db" >"$tmp/out" 2>"$tmp/err" &
pid=$!
for _ in $(seq 1 50); do grep -q token= "$tmp/out" && break; sleep 0.1; done
url=$(grep -o 'http://[^ ]*' "$tmp/out")
python3 - "$url" "$tmp/eval.json" <<'PY'
import glob, http.client, json, sys, urllib.parse
u = urllib.parse.urlsplit(sys.argv[1])
token = urllib.parse.parse_qs(u.fragment)["token"][0]
want = {c["id"]: c for c in json.load(open(sys.argv[2]))["per_case"]}
conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
def post(path, body):
    conn.request("POST", path, body=json.dumps(body), headers={"X-Numbfoot-Token": token})
    r = conn.getresponse()
    data = json.loads(r.read())
    assert r.status == 200, (path, r.status, data)
    return data
bad = 0
for path in sorted(glob.glob("cases/*.json")):
    case = json.load(open(path))
    given, answers, screens = case["answers"], {}, 0
    while True:
        r = post("/api/assess/next", {"mode": case["mode"], "answers": answers, "screens": screens})
        if r["done"]:
            break
        for f in r["question"]["findings"]:
            answers[f] = given.get(f)
        screens += 1
    res = post("/api/assess/result", {"mode": case["mode"], "answers": answers, "screens": screens})
    w = want[case["id"]]
    got = (screens, res["ranking"][0]["id"], res["triage"]["level"])
    exp = (w["questions"], w["ranked"][0][0], w["triage"])
    if got != exp:
        print("%s: web %s, terminal %s" % (case["id"], got, exp))
        bad += 1
print("%d cases, %d differ" % (len(want), bad))
sys.exit(1 if bad else 0)
PY
