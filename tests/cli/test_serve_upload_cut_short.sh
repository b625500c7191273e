# The page's upload refuses a FIT file cut short a few metres in as `import` does: a 400 naming the
# file, that it is too short to be a run and was cut short; no run is stored.
. tests/cli/lib.sh
serve
post /api/import tests/fixtures/fit/activity-unexpected-eof.fit activity-unexpected-eof.fit > "$t/up"
has "$t/up" "400 "
has "$t/up" "activity-unexpected-eof.fit: 6 m in 14 s is too short to be a run (under 10 m); the file ends mid-record: the recording was cut short"
lacks "$t/up" '"status":"imported"'
"$NUMBFOOT" run list --db "$t/serve.db" > "$t/list" 2>&1 || true
lacks "$t/list" "2012-04-09"
