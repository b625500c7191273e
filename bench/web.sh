#!/bin/sh
# Web server benchmark (figures, never pass/fail): requests per second and p99 latency with wrk on
# loopback for POST /api/assess/next with a realistic set of answers and for a static asset
# (/app.js), side by side with nginx serving a file of the same size. Goals: at least 20,000
# requests/s with p99 under 5 ms and no errors, and within a factor of 2 of nginx on the file.
#
# Usage: sh bench/web.sh [path/to/numbfoot] [--short]   (run from the repository root)
#   --short, or WEB_BENCH_SECONDS=N: shorter runs than the 30 seconds of each by default.
#   WEB_BENCH_THREADS (wrk threads, 1) and WEB_BENCH_CONNECTIONS (16) change the load.
# Needs wrk and nginx (apt-get install wrk nginx); says so and skips when they are missing.
set -eu
bin=build/numbfoot
secs=${WEB_BENCH_SECONDS:-30}
for a in "$@"; do
	case "$a" in
	--short) secs=${WEB_BENCH_SECONDS:-5} ;;
	*) bin=$a ;;
	esac
done
threads=${WEB_BENCH_THREADS:-1}
conns=${WEB_BENCH_CONNECTIONS:-16}
for tool in wrk nginx python3; do
	if ! command -v $tool >/dev/null 2>&1 && [ ! -x /usr/sbin/$tool ]; then
		echo "web bench: $tool missing (apt-get install wrk nginx); skipped"
		exit 0
	fi
done
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

tmp=$(mktemp -d)
chmod 755 "$tmp"
pid=""
npid=""
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null
	[ -n "$npid" ] && kill "$npid" 2>/dev/null
	[ -n "$pid" ] && wait "$pid" 2>/dev/null
	[ -n "$npid" ] && wait "$npid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

# numbfoot serve on a free loopback port, with a journal of its own.
mkdir -p "$tmp/data"
XDG_DATA_HOME="$tmp/data" "$bin" serve --port 0 --no-open --db "$tmp/data/journal.db" >"$tmp/serve.out" 2>&1 &
pid=$!
url=""
for _ in $(seq 1 100); do
	url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/#token=[0-9a-f]*' "$tmp/serve.out" | head -1) && [ -n "$url" ] && break
	sleep 0.1
done
[ -n "$url" ] || { echo "web bench: numbfoot serve did not start"; cat "$tmp/serve.out"; exit 1; }
base=${url%%/#*}
token=${url##*token=}

# nginx on another free loopback port, everything in the temp folder.
nport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$tmp/www" "$tmp/logs"
cp web/static/app.js "$tmp/www/app.js"
chmod 644 "$tmp/www/app.js"
chmod 755 "$tmp/www"
cat >"$tmp/nginx.conf" <<EOF
daemon off;
worker_processes 2;
pid $tmp/nginx.pid;
error_log $tmp/logs/error.log;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path $tmp/body;
	proxy_temp_path $tmp/proxy;
	fastcgi_temp_path $tmp/fastcgi;
	uwsgi_temp_path $tmp/uwsgi;
	scgi_temp_path $tmp/scgi;
	default_type application/javascript;
	server {
		listen 127.0.0.1:$nport;
		root $tmp/www;
	}
}
EOF
"$NGINX" -p "$tmp" -c "$tmp/nginx.conf" 2>"$tmp/logs/start.log" &
npid=$!
for _ in $(seq 1 50); do
	python3 -c "import socket; socket.create_connection(('127.0.0.1', $nport), 1)" 2>/dev/null && break
	sleep 0.1
done

# A realistic assessment in progress: six screens answered, a mix of types and one don't-know.
cat >"$tmp/next.lua" <<EOF
wrk.method = "POST"
wrk.body = '{"mode":"runner","answers":{"saddle_numbness":false,"bladder_bowel":false,"bilateral_weakness":false,"acute_cold_foot":false,"stroke_signs":false,"severe_pain_after_run":false,"dark_urine":false,"neuro_other":false,"age":28,"sex":"male","location":["dorsum"],"side":"one","laces_tight":true,"only_some_shoes":true,"diabetes":null},"screens":6}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Numbfoot-Token"] = "$token"
EOF

# Runs wrk and prints "rps p99_ms errors".
measure() {
	out=$(wrk -t"$threads" -c"$conns" -d"${secs}s" --latency "$@" 2>&1)
	echo "$out" >>"$tmp/wrk.log"
	rps=$(echo "$out" | sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p')
	p99=$(echo "$out" | awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 }
		else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 }
		printf "%.3f", v }')
	non2xx=$(echo "$out" | sed -n 's/.*Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p')
	sockerr=$(echo "$out" | sed -n 's/.*Socket errors: connect \([0-9]*\), read \([0-9]*\), write \([0-9]*\), timeout \([0-9]*\).*/\1 \2 \3 \4/p' |
		awk '{ print $1 + $2 + $3 + $4 }')
	echo "${rps:-0} ${p99:-0} $(( ${non2xx:-0} + ${sockerr:-0} ))"
}

# The handler alone, without sockets, to split the time between it and the HTTP layer.
make -s build/bench/web_handler && build/bench/web_handler kb/vocabulary.json kb/numbfoot.json

size=$(wc -c <web/static/app.js)
echo "web bench: wrk -t$threads -c$conns, ${secs}s each, on loopback ($(nproc) CPUs shared by client and servers)"
set -- $(measure -s "$tmp/next.lua" "$base/api/assess/next")
next_rps=$1 next_p99=$2 next_err=$3
set -- $(measure "$base/app.js")
st_rps=$1 st_p99=$2 st_err=$3
set -- $(measure "http://127.0.0.1:$nport/app.js")
ng_rps=$1 ng_p99=$2 ng_err=$3

printf 'web: %-38s %10s req/s  p99 %7s ms  errors %s\n' "numbfoot POST /api/assess/next" "$next_rps" "$next_p99" "$next_err"
printf 'web: %-38s %10s req/s  p99 %7s ms  errors %s\n' "numbfoot GET /app.js ($size bytes)" "$st_rps" "$st_p99" "$st_err"
printf 'web: %-38s %10s req/s  p99 %7s ms  errors %s\n' "nginx GET /app.js (same file)" "$ng_rps" "$ng_p99" "$ng_err"
awk -v a="$st_rps" -v b="$ng_rps" -v n="$next_rps" -v p="$next_p99" 'BEGIN {
	printf "web: ratio numbfoot/nginx on the static file = %.2f (goal at least 0.50)\n", (b > 0 ? a / b : 0)
	printf "web: ratio assess/next / nginx static = %.2f\n", (b > 0 ? n / b : 0)
	printf "web: assess/next goal 20000 req/s with p99 < 5 ms: %s\n", ((n >= 20000 && p < 5) ? "met" : "not met")
}'
