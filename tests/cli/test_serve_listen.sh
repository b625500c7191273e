# With --listen every request needs the token, GETs too; the launch address turns it into a
# cookie; the listen address is an allowed Host and other names are not.
set -eu
tmp=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$tmp"' EXIT
"$NUMBFOOT" serve --listen 127.0.0.1 --port 0 --no-open --db "$tmp/j.db" >"$tmp/out" 2>"$tmp/err" &
pid=$!
for _ in $(seq 1 50); do grep -q token= "$tmp/out" && break; sleep 0.1; done
url=$(grep -o 'http://[^ ]*' "$tmp/out")
python3 - "$url" <<'PY'
import http.client, json, sys, urllib.parse
u = urllib.parse.urlsplit(sys.argv[1])
token = urllib.parse.parse_qs(u.query)["token"][0]
def req(method, path, headers=None, body=None):
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=5)
    c.request(method, path, body=body, headers=headers or {})
    r = c.getresponse()
    return r.status, dict(r.getheaders()), r.read()
s, h, b = req("GET", "/")
assert s == 403 and "token" in json.loads(b)["error"], (s, b)
s, h, b = req("GET", "/api/kb")
assert s == 403, s
s, h, b = req("GET", "/?token=" + token)
assert s == 303 and h["Location"] == "/" and "HttpOnly" in h["Set-Cookie"] and "SameSite=Strict" in h["Set-Cookie"], (s, h)
cookie = h["Set-Cookie"].split(";")[0]
s, h, b = req("GET", "/", {"Cookie": cookie})
assert s == 200 and b"<html" in b, s
assert h["X-Frame-Options"] == "DENY" and h["Referrer-Policy"] == "no-referrer", h
s, h, b = req("GET", "/api/kb", {"X-Numbfoot-Token": token})
assert s == 200 and json.loads(b)["red_flag_checklist"], s
s, h, b = req("GET", "/", {"Cookie": cookie, "Host": "numbfoot.example:%d" % u.port})
assert s == 421, s
s, h, b = req("GET", "/?token=" + "0" * 64)
assert s == 403, s
PY
