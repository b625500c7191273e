# No answer at all is no assessment: the priors alone would read as a self-care result for someone
# who said nothing. `assess --answers --json` on a case file with no answers exits 2 and prints no
# result; the server refuses /api/assess/result and the save of such a body (422), and stores
# nothing; one answer, even "don't know", is an assessment again.
. tests/cli/lib.sh
need python3
printf '{"id":"empty","source":"test","answers":{},"expected":{"condition":null,"triage":"routine"}}\n' > "$t/empty.json"
rc=0
nf assess --answers "$t/empty.json" --json > "$t/out" 2> "$t/err" || rc=$?
[ "$rc" = 2 ] || fail "exit $rc, wanted 2"
has "$t/err" "nothing to assess"
[ ! -s "$t/out" ] || fail "a result was printed: $(head -c 200 "$t/out")"
printf '{"id":"one","source":"test","answers":{"age":null},"expected":{"condition":null,"triage":"routine"}}\n' > "$t/one.json"
nf assess --answers "$t/one.json" --json > "$t/one.out" || fail "one don't-know answer refused"
has "$t/one.out" '"level"'

serve
printf '{"mode":"runner","answers":{}}' > "$t/none"
post /api/assess/result "$t/none" > "$t/result"
has "$t/result" "422"
has "$t/result" "nothing to assess"
post /api/assessments "$t/none" > "$t/saved"
has "$t/saved" "422"
lacks "$t/saved" '"id"'
printf '{"mode":"runner","answers":{"at_rest":false}}' > "$t/some"
post /api/assess/result "$t/some" > "$t/result2"
has "$t/result2" "200"
has "$t/result2" '"triage"'
kill "$serve_pid"; wait "$serve_pid" 2>/dev/null || true
nf assessment list --db "$t/serve.db" > "$t/list" 2>&1 || true
has "$t/list" "no assessments"
