#!/bin/sh
# run list shows the newest run first, as the page does, in text and in JSON; --oldest-first turns
# it round; --limit keeps the latest N whichever way they are listed.
. tests/cli/lib.sh

nf run add 4 --date 2026-11-01 --time 07:00 > "$t/out"
nf run add 6 --date 2026-11-03 --time 07:00 > "$t/out"
nf run add 5 --date 2026-11-02 --time 07:00 > "$t/out"
# The ids in the order listed (text), and the distances (JSON).
ids() { nf run list "$@" | awk 'NR > 1 { printf "%s ", $1 }'; }
km() { nf run list --json "$@" | python3 -c 'import json, sys; print(" ".join(str(int(r["distance_m"])) for r in json.load(sys.stdin)))'; }
[ "$(ids)" = "2 3 1 " ] || fail "run list: $(ids)"
[ "$(ids --oldest-first)" = "1 3 2 " ] || fail "run list --oldest-first: $(ids --oldest-first)"
[ "$(ids --limit 2)" = "2 3 " ] || fail "run list --limit 2: $(ids --limit 2)"
[ "$(ids --limit 2 --oldest-first)" = "3 2 " ] || fail "run list --limit 2 --oldest-first: $(ids --limit 2 --oldest-first)"
[ "$(km)" = "6000 5000 4000" ] || fail "run list --json: $(km)"
[ "$(km --oldest-first)" = "4000 5000 6000" ] || fail "run list --json --oldest-first: $(km --oldest-first)"
nf run list --help > "$t/out"
has "$t/out" "--oldest-first"
has "$t/out" "newest first"
