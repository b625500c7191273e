#!/bin/sh
# Kills `numbfoot import` with SIGKILL at random moments, on one large GPX file and on a folder
# of many small ones, and checks after every kill that the journal passes PRAGMA
# integrity_check and holds whole runs only: each stored run is identical to the same file's
# run in a journal imported without interruption, and importing again completes the set.
# Usage: kill_import.sh path/to/numbfoot [ROUNDS]
set -eu
nf=$1
rounds=${2:-12}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
export HOME="$t" XDG_DATA_HOME="$t/data" TZ=UTC
fail() { echo "FAIL: $*"; exit 1; }

# A GPX run of $2 points, 1 s and about 2.8 m apart (past midnight into the next day), with an id
# that gives each its own day, so that none is the same run as another.
make_gpx() {
	awk -v n="$2" -v id="$3" 'BEGIN {
		print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
		print "<gpx version=\"1.1\" creator=\"kill-test\" xmlns=\"http://www.topografix.com/GPX/1/1\">"
		printf "<trk><name>run %s</name><type>running</type><trkseg>\n", id
		for (i = 0; i < n; i++) {
			s = i % 60; m = int(i / 60) % 60; h = 6 + int(i / 3600)
			printf "<trkpt lat=\"%.7f\" lon=\"%.7f\"><time>2026-%02d-%02dT%02d:%02d:%02dZ</time></trkpt>\n",
				51 + i * 0.000025, -0.1 + id * 0.001, 10 + int(id / 28), 1 + id % 28 + int(h / 24), h % 24, m, s
		}
		print "</trkseg></trk></gpx>"
	}' > "$1"
}

integrity() {
	if command -v sqlite3 > /dev/null; then
		res=$(sqlite3 "$1" "PRAGMA integrity_check; PRAGMA foreign_key_check;" 2>&1)
	else
		res=$(python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print("\n".join(x[0] for x in c.execute("PRAGMA integrity_check")))' "$1" 2>&1)
	fi
	[ "$res" = ok ] || fail "integrity check of $1: $res"
}

# Runs as lines "sha distance moving elapsed start" for comparing.
runs_of() {
	"$nf" run list --json --db "$1" | python3 -c '
import json, sys
for r in json.load(sys.stdin):
    print(r["source_sha256"], r["distance_m"], r["moving_s"], r["elapsed_s"], r["start_time"], r["source_file"])
' | sort
}

mkdir -p "$t/many"
make_gpx "$t/big.gpx" 100000 0
i=1
while [ $i -le 40 ]; do
	# Day 2 on: the big run lasts 28 hours from day 1, and a run its time overlaps is refused.
	make_gpx "$t/many/run$i.gpx" 300 $((i + 1))
	i=$((i + 1))
done

# The reference: everything imported without interruption.
"$nf" import "$t/big.gpx" "$t/many" --db "$t/ref.db" > /dev/null 2>&1 || fail "reference import"
runs_of "$t/ref.db" > "$t/ref.txt"
[ "$(wc -l < "$t/ref.txt")" -eq 41 ] || fail "reference has $(wc -l < "$t/ref.txt") runs"
# How long a full import of each takes, to spread the kills over it.
elapsed_ms() {
	s0=$(date +%s%N)
	"$nf" import "$@" > /dev/null 2>&1
	echo $(( ($(date +%s%N) - s0) / 1000000 + 1 ))
}
big_ms=$(elapsed_ms "$t/big.gpx" --db "$t/timing-big.db")
many_ms=$(elapsed_ms "$t/many" --db "$t/timing-many.db")

kills=0
for target in big many; do
	r=0
	while [ $r -lt "$rounds" ]; do
		r=$((r + 1))
		db="$t/kill-$target-$r.db"
		if [ $target = big ]; then set -- "$t/big.gpx"; full_ms=$big_ms; else set -- "$t/many"; full_ms=$many_ms; fi
		# A random moment within (and a little past) a full import's duration.
		ms=$(awk -v seed="$$$r" -v max="$full_ms" 'BEGIN { srand(seed); printf "%d", rand() * max * 1.3 }')
		"$nf" import "$@" --db "$db" > /dev/null 2>&1 &
		pid=$!
		sleep "$(awk -v ms="$ms" 'BEGIN { printf "%.3f", ms / 1000 }')"
		if kill -KILL "$pid" 2> /dev/null; then kills=$((kills + 1)); fi
		wait "$pid" 2> /dev/null || true
		[ -f "$db" ] || continue
		integrity "$db"
		runs_of "$db" > "$t/got.txt"
		# Every stored run is whole: the same line as in the reference.
		if ! awk 'NR == FNR { ref[$0] = 1; next } !($0 in ref) { bad = 1; print "not in reference: " $0 } END { exit bad }' \
			"$t/ref.txt" "$t/got.txt"; then
			fail "a partial run after a kill at ${ms} ms"
		fi
		# Importing again completes the journal, skipping what is there.
		"$nf" import "$@" --db "$db" > /dev/null 2>&1 || fail "re-import after a kill"
		integrity "$db"
		runs_of "$db" > "$t/got.txt"
		want=$([ $target = big ] && echo 1 || echo 40)
		[ "$(wc -l < "$t/got.txt")" -eq "$want" ] || fail "after re-import: $(wc -l < "$t/got.txt") runs"
	done
done
echo "kill_import: $kills kills in $((rounds * 2)) rounds (full imports take ${big_ms} ms and ${many_ms} ms), journal whole every time"
