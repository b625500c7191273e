# Small faults in values: a run under 10 m (stored as "0.00 km"), a limit said as 1e+09, a number
# with a trailing space taken, a start time at :60 seconds taken as the next minute, and an edit
# of a run's distance alone refused because the run already overlapped another.
. tests/cli/lib.sh
nf run add 5 --date 2026-10-01 > /dev/null
snapshot
refused "DISTANCE: '0.0001' is under 10 m, shorter than any run" run add 0.0001 --date 2026-10-02
refused "--distance: '5m' is under 10 m" run edit 1 --distance 5m
refused "--limit: 0 is out of range (1 to 1000000000)" run list --limit 0
refused "--start-km: '10 ' is not a distance" gear add n9 --start-km "10 "
refused "--cadence: '170 ' is not a number" run add 5 --date 2026-10-03 --cadence "170 "
nf run add 10m --date 2026-10-04 > "$t/out"
has "$t/out" "0.01 km"
nf gear add n8 --start-km "10 km" > /dev/null
# The API: seconds run 00 to 59; an edit that does not move a run is not refused for an overlap
# it already had; one that lays it over another run is.
need python3
serve
printf '{"start_time":"2026-11-21T10:00:60Z","distance_km":5,"duration_min":30}' > "$t/body"
post /api/runs "$t/body" > "$t/out"
has "$t/out" "400"
has "$t/out" "start_time: must be a time YYYY-MM-DDTHH:MM:SSZ (seconds 00 to 59)"
printf '{"start_time":"2026-11-21T10:00:00Z","distance_km":5,"duration_min":30}' > "$t/body"
post /api/runs "$t/body" | grep -q '^201' || fail "run 1 not stored"
printf '{"start_time":"2026-11-21T10:10:00Z","distance_km":8,"duration_min":40,"force":true}' > "$t/body"
post /api/runs "$t/body" | grep -q '^201' || fail "run 2 not stored with force"
printf '{"start_time":"2026-11-21T12:00:00Z","distance_km":3,"duration_min":20}' > "$t/body"
post /api/runs "$t/body" | grep -q '^201' || fail "run 3 not stored"
printf '{"distance_km":7.5}' > "$t/body"
post /api/runs/2 "$t/body" > "$t/out"
has "$t/out" "200"
has "$t/out" '"distance_m":7500.0'
printf '{"duration_min":120}' > "$t/body"
post /api/runs/2 "$t/body" > "$t/out"
has "$t/out" "409"
has "$t/out" "overlaps in time with run 3"
# The command line: the same rule.
nf run edit 2 --db "$t/serve.db" --distance 7 > "$t/out"
has "$t/out" "updated run 2"
rc=0; nf run edit 2 --db "$t/serve.db" --duration 2:00:00 > "$t/out" 2> "$t/err" || rc=$?
[ "$rc" = 2 ] || fail "run edit over run 3: exit $rc"
has "$t/err" "would overlap run 3"
