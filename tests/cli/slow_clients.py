"""Slow clients against 'numbfoot serve' (tests/cli/test_serve_slowloris.sh and
test_serve_slowbody.sh): 600 connections (more than the server's 512), each sending a request a
piece a second and never finishing it, in its headers ("headers": a header line each time) or in
a body its whole headers declare ("body": a GET / with a Content-Length, which needs no token,
then a byte each time). A normal GET /api/kb with the token, on a fresh connection, must be
answered within a second while the trickle goes on, and the server must have closed all but
about 64 of them (its cap on connections still receiving a request). Bounded: about five
seconds, then every connection is closed.

Usage: slow_clients.py URL headers|body"""
import http.client, json, select, socket, sys, time, urllib.parse
u = urllib.parse.urlsplit(sys.argv[1])
mode = sys.argv[2]
assert mode in ("headers", "body"), mode
token = urllib.parse.parse_qs(u.fragment)["token"][0]
N = 600

attack = []
for i in range(N):
    s = socket.create_connection((u.hostname, u.port), timeout=5)
    head = b"GET / HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n" % u.port
    s.sendall(head + (b"Content-Length: 60000\r\n\r\nx" if mode == "body" else b""))
    s.setblocking(False)
    attack.append(s)

def trickle():
    """One more piece on every connection still open; returns how many are."""
    alive = 0
    for s in attack:
        if s.fileno() < 0:
            continue
        try:
            r, _, _ = select.select([s], [], [], 0)
            if r and s.recv(4096) == b"":
                raise ConnectionResetError
            s.send(b"x" if mode == "body" else b"X-Slow: 1\r\n")
            alive += 1
        except (BlockingIOError, InterruptedError):
            alive += 1
        except OSError:
            s.close()
    return alive

def normal_request():
    t0 = time.monotonic()
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=5)
    try:
        c.request("GET", "/api/kb", headers={"X-Numbfoot-Token": token})
        r = c.getresponse()
        body = r.read()
        status = r.status
    except OSError as e:
        status, body = repr(e), b""
    finally:
        c.close()
    return status, body, time.monotonic() - t0

slowest = 0.0
alive = trickle()
for second in range(4):
    status, body, took = normal_request()
    assert status == 200 and json.loads(body)["red_flag_checklist"], (second, status, body[:200], took)
    slowest = max(slowest, took)
    time.sleep(1)
    alive = trickle()
assert slowest < 1.0, "a normal request took %.2f s during the trickle" % slowest
# Those the server closed are the oldest beyond its cap of 64 (a few more may be in flight).
assert alive <= 64 + 8, "%d trickling connections still open" % alive
for s in attack:
    s.close()
print("%s: slowest normal request %.3f s; %d of %d trickling connections left open" % (mode, slowest, alive, N))
