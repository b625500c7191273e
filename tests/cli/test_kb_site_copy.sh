#!/bin/sh
# The static site's copy of the knowledge base (scripts/kb_site.py) leaves out the numbers' source
# texts and the citations. Only a module built with NUMBFOOT_KB_SITE takes it: the command refuses
# it, naming a number without its reasoning, so the evidence rule cannot be bypassed this way; and
# the copy keeps every number of the whole file.
. "$(dirname "$0")/lib.sh"
need python3
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
python3 scripts/kb_site.py kb/numbfoot.json > "$t/site.json" || fail "kb_site.py"
[ "$(wc -c < "$t/site.json")" -lt "$(($(wc -c < kb/numbfoot.json) / 2))" ] || fail "the site's copy is not under half the file"
rc=0
"$NUMBFOOT" kb check --kb "$t/site.json" > "$t/out" 2> "$t/err" || rc=$?
[ "$rc" -ne 0 ] || fail "kb check took the site's copy"
has "$t/err" 'source needs "how"'
has "$t/err" 'references[0]: missing "cite"'
python3 - "$t/site.json" <<'PY' || fail "the site's copy changed a number"
import json, sys
full = json.load(open("kb/numbfoot.json"))
site = json.load(open(sys.argv[1]))
def numbers(o, out):
    if isinstance(o, dict):
        for k, v in o.items():
            if k not in ("how", "figure", "cite"):
                numbers(v, out)
    elif isinstance(o, list):
        for v in o:
            numbers(v, out)
    else:
        out.append(o)
    return out
assert numbers(full, []) == numbers(site, []), "values differ"
PY
echo "ok: the site's copy keeps every number, and the command refuses it"
