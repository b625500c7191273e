# Sourced by the scripted command-line tests (tests/cli/test_*.sh, run from the repository root
# with $NUMBFOOT set): a private scratch folder as HOME and XDG folders, removed on exit, and the
# checks they share.
set -eu
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
export HOME="$t" XDG_DATA_HOME="$t/data" XDG_CONFIG_HOME="$t/config" XDG_CACHE_HOME="$t/cache" \
	XDG_RUNTIME_DIR="$t/run" TZ=UTC
mkdir -m 700 "$XDG_RUNTIME_DIR"
nf() { "$NUMBFOOT" "$@"; }
fail() { echo "FAIL: $*"; exit 1; }
# has FILE TEXT / lacks FILE TEXT: the file holds the text (or not); else show it and fail.
has() { grep -qF -- "$2" "$1" || { echo "---- $1"; cat "$1"; fail "$1 lacks '$2'"; }; }
lacks() { if grep -qF -- "$2" "$1"; then echo "---- $1"; cat "$1"; fail "$1 has '$2'"; fi; }
# need PROGRAM...: skip the test (exit 0, saying so) when a program it reads its output with is missing.
need() { for p; do command -v "$p" > /dev/null || { echo "no $p: skipped"; exit 0; }; done; }
# serve [ARGS...]: starts `numbfoot serve --port 0 --no-open ARGS` in the background, with its
# journal in the scratch folder and stopped on exit; waits for the address it prints into $url.
serve() {
	"$NUMBFOOT" serve --port 0 --no-open --db "$t/serve.db" "$@" >"$t/serve.out" 2>"$t/serve.err" &
	serve_pid=$!
	trap 'kill $serve_pid 2>/dev/null || true; rm -rf "$t"' EXIT
	for _ in $(seq 1 50); do grep -q token= "$t/serve.out" && break; sleep 0.1; done
	url=$(grep -o 'http://[^ ]*' "$t/serve.out") || { cat "$t/serve.err"; fail "serve did not start"; }
}
# post PATH FILE [NAME]: POSTs FILE's bytes to the server `serve` started, with its token: as JSON,
# or as an upload named NAME (X-Numbfoot-Filename) when NAME is given; prints the status and the body.
post() {
	python3 - "$url" "$@" <<'PY'
import http.client, sys, urllib.parse
u = urllib.parse.urlparse(sys.argv[1])
token = urllib.parse.parse_qs(u.fragment)["token"][0]
head = {"X-Numbfoot-Token": token, "Content-Type": "application/json"}
if len(sys.argv) > 4:
    head.update({"X-Numbfoot-Filename": sys.argv[4], "Content-Type": "application/octet-stream"})
c = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
c.request("POST", sys.argv[2], body=open(sys.argv[3], "rb").read(), headers=head)
r = c.getresponse()
print(r.status, r.read().decode())
PY
}
# snapshot: keeps the journal's export (less its time) for refused to compare with.
snapshot() { "$NUMBFOOT" export | grep -v '"exported"' > "$t/before"; }
# refused WORDS ARGS...: `numbfoot ARGS` exits 2, its message holds WORDS, and the journal is as
# the last snapshot left it.
refused() {
	words=$1; shift
	rc=0
	"$NUMBFOOT" "$@" > "$t/out" 2> "$t/err" || rc=$?
	[ "$rc" = 2 ] || fail "exit $rc, wanted 2: $* ($(cat "$t/err"))"
	has "$t/err" "$words"
	"$NUMBFOOT" export | grep -v '"exported"' > "$t/after"
	cmp -s "$t/before" "$t/after" || fail "journal changed by: $*"
}
