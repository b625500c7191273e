# An escaped path is decoded as one path, but a %00 stays as written: "/app.js%00" is not the
# script and "/api/runs/1%00x" not run 1 (decoded, the C string would have ended at the NUL), each
# a 404 that names the path; other escapes still reach their page ("/%61pp.js", "/api/runs/%31").
. tests/cli/lib.sh
serve
nf run add --db "$t/serve.db" 5 > /dev/null
python3 - "$url" <<'PY'
import json, socket, sys, urllib.parse
u = urllib.parse.urlsplit(sys.argv[1])
token = urllib.parse.parse_qs(u.fragment)["token"][0]
def get(path):
    s = socket.create_connection((u.hostname, u.port), timeout=5)
    s.sendall(("GET %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nX-Numbfoot-Token: %s\r\nConnection: close\r\n\r\n"
               % (path, u.port, token)).encode())
    data = b""
    while True:
        got = s.recv(65536)
        if not got:
            break
        data += got
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body
for path in ("/app.js%00", "/app.js%00.png", "/%00", "/api/runs/1%00x", "/api/runs/1%00", "/api/session%00"):
    status, body = get(path)
    assert status == 404, (path, status, body[:100])
    assert "%00" in json.loads(body)["error"], (path, body)
status, body = get("/%61pp.js")
assert status == 200 and body.startswith(b"// numbfoot"), (status, body[:60])
status, body = get("/api/runs/%31")
assert status == 200 and json.loads(body)["run"]["id"] == 1, (status, body)
status, body = get("/api/report/figure/1.svg?w=4%000")
assert status == 400 and "w:" in json.loads(body)["error"], (status, body)
PY
