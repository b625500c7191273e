# Every output that says which numbfoot made it says the Makefile's NUMBFOOT_VERSION: --version,
# the version command, the JSON of assess and eval, and the PDF (each page's footer and its
# Creator) and HTML report.
. tests/cli/lib.sh
v=$(sed -n 's/^NUMBFOOT_VERSION *:= *//p' Makefile)
[ -n "$v" ] || fail "no NUMBFOOT_VERSION in the Makefile"

[ "$(nf --version)" = "numbfoot $v" ] || fail "--version: $(nf --version)"
[ "$(nf version)" = "numbfoot $v" ] || fail "version: $(nf version)"
nf help > "$t/help"
has "$t/help" "version "

nf version --json > "$t/v.json"
nf assess --answers tests/cli/data/laces.json --json --no-save > "$t/assess.json"
mkdir "$t/suite"; cp tests/cli/data/reader/ok-full.json "$t/suite/"
nf eval --json "$t/suite" > "$t/eval.json"
python3 - "$v" "$t/v.json" "$t/assess.json" "$t/eval.json" <<'PY'
import json, sys
v = sys.argv[1]
for path, keys in zip(sys.argv[2:], (["version"], ["version", "triage", "ranking"], ["version", "cases", "top1"])):
    o = json.load(open(path))
    assert o.get("version") == v, (path, o.get("version"), v)
    for k in keys:
        assert k in o, (path, k)
PY

: > "$t/j.db" # an empty journal (report creates none)
nf report --db "$t/j.db" -o "$t/r.pdf" > /dev/null
pdfinfo "$t/r.pdf" > "$t/info"
has "$t/info" "numbfoot $v"
pages=$(sed -n 's/^Pages: *//p' "$t/info")
p=1
while [ "$p" -le "$pages" ]; do
	pdftotext -f $p -l $p "$t/r.pdf" "$t/p.txt"
	has "$t/p.txt" "numbfoot $v report, "
	p=$((p + 1))
done
nf report --db "$t/j.db" -o "$t/r.html" > /dev/null
has "$t/r.html" "<footer><p>numbfoot $v report, "
has "$t/r.html" "<meta name=\"generator\" content=\"numbfoot $v\">"
echo ok
