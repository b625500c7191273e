# gear retire on a pair already retired keeps the day it was retired (it was moved to today
# without a word); --date moves it, saying from what to what. A retirement after today is
# refused, from the command line and through POST /api/gear/ID, as a first use after today is.
. tests/cli/lib.sh
nf gear add ghost --first-use 2026-01-01 > /dev/null
nf gear add d5 > /dev/null
nf gear retire ghost --date 2026-11-01 > /dev/null
snapshot
nf gear retire ghost > "$t/out"
has "$t/out" "shoes 'ghost' were retired on 2026-11-01: nothing changed (give --date to change that day)"
nf export | grep -v '"exported"' > "$t/after"
cmp -s "$t/before" "$t/after" || fail "a second gear retire changed the journal"
nf gear retire ghost --date 2026-11-01 > "$t/out"
has "$t/out" "were retired on 2026-11-01: nothing changed"
nf gear retire ghost --date 2026-11-05 > "$t/out"
has "$t/out" "moved the retirement of shoes 'ghost' from 2026-11-01 to 2026-11-05"
nf gear list --all > "$t/out"
has "$t/out" "retired 2026-11-05"
snapshot
tomorrow=$(date -u -d tomorrow +%F)
refused "--date: $tomorrow is in the future (today is " gear retire d5 --date "$tomorrow"
refused "--date: 2100-01-01 is in the future" gear retire ghost --date 2100-01-01
# The page's Retire: the same rule.
need python3
serve
printf '{"kind":"shoes","nickname":"pg"}' > "$t/body"
post /api/gear "$t/body" > "$t/out"
has "$t/out" "201"
gid=$(sed 's/^201 //' "$t/out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["gear"]["id"])')
printf '{"retired":"2099-01-01"}' > "$t/body"
post "/api/gear/$gid" "$t/body" > "$t/out"
has "$t/out" "400"
has "$t/out" "retired: 2099-01-01 is in the future"
printf '{"retired":"%s"}' "$(date -u +%F)" > "$t/body"
post "/api/gear/$gid" "$t/body" > "$t/out"
has "$t/out" "200"
