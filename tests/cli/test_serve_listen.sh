# With --listen the page and its scripts are served without the token (they hold no data), every
# API call needs it in X-Numbfoot-Token, a cookie never stands for it and no answer sets one; the
# address printed carries it after its #; the listen address is an allowed Host and others are not.
. tests/cli/lib.sh
serve --listen 127.0.0.1
python3 - "$url" <<'PY'
import http.client, json, sys, urllib.parse
u = urllib.parse.urlsplit(sys.argv[1])
assert u.path == "/" and not u.query, sys.argv[1]
token = urllib.parse.parse_qs(u.fragment)["token"][0]
def req(method, path, headers=None, body=None):
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=5)
    c.request(method, path, body=body, headers=headers or {})
    r = c.getresponse()
    h = dict(r.getheaders())
    assert "Set-Cookie" not in h, (method, path, h)
    return r.status, h, r.read()
for path in ("/", "/app.js", "/journal.js", "/display.js", "/app.css"):
    s, h, b = req("GET", path)
    assert s == 200, (path, s)
    if path.endswith(".js"):
        assert h["Content-Type"].startswith("text/javascript"), (path, h)
# The result display both pages share is served whole, as built in.
assert b"window.numbfootDisplay" in req("GET", "/display.js")[2]
assert b'<script src="/display.js"' in req("GET", "/")[2]
assert h["X-Frame-Options"] == "DENY" and h["Referrer-Policy"] == "no-referrer", h
for path in ("/api/kb", "/api/session", "/api/runs", "/api/kb?token=" + token):
    s, h, b = req("GET", path)
    assert s == 403 and "token" in json.loads(b)["error"], (path, s, b)
    s, h, b = req("GET", path, {"Cookie": "nf_token=" + token})
    assert s == 403, (path, "cookie", s)
s, h, b = req("GET", "/api/session", {"X-Numbfoot-Token": token})
assert s == 200 and json.loads(b) == {"ok": True} and h["Cache-Control"] == "no-store", (s, b)
# White space after a field value is not part of it (RFC 9110); a token one character short or
# long is still refused, space or no space.
assert req("GET", "/api/session", {"X-Numbfoot-Token": token + " \t"})[0] == 200
assert req("GET", "/api/session", {"X-Numbfoot-Token": token[:-1] + " "})[0] == 403
assert req("GET", "/api/session", {"X-Numbfoot-Token": token + "0 "})[0] == 403
s, h, b = req("GET", "/api/kb", {"X-Numbfoot-Token": token})
assert s == 200 and json.loads(b)["red_flag_checklist"], s
# The old launch address with ?token= is just the page: no redirect, no cookie.
s, h, b = req("GET", "/?token=" + token)
assert s == 200 and b"<html" in b and "Location" not in h, (s, h)
s, h, b = req("GET", "/", {"Host": "numbfoot.example:%d" % u.port})
assert s == 421, s
s, h, b = req("GET", "/api/session", {"X-Numbfoot-Token": "0" * 64})
assert s == 403, s
PY
