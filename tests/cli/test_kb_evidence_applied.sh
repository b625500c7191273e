#!/bin/sh
# The knowledge base's likelihoods from the literature are exactly what the reviews in kb/evidence/
# give once scripts/kb_apply_evidence.py has judged them (its order, refusals, merges and
# reweighting): applying them again to a copy changes no byte. A hand edit of such a number, or a
# review changed without being applied, fails here.
. "$(dirname "$0")/lib.sh"
need python3
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
cp kb/numbfoot.json "$t/kb.json"
python3 scripts/kb_apply_evidence.py --kb "$t/kb.json" > "$t/out" 2>&1 || { cat "$t/out"; fail "kb_apply_evidence.py"; }
cmp -s kb/numbfoot.json "$t/kb.json" || { diff kb/numbfoot.json "$t/kb.json" | head -20; fail "kb/numbfoot.json differs from its evidence applied"; }
# And the check can fail: a likelihood changed by hand is put back.
python3 - "$t/kb.json" <<'PY'
import re, sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s2 = re.sub(r'("tarsal_tunnel": \{"p": \{"one": )[0-9.]+', r'\g<1>0.5', s, count=1)
assert s2 != s, "no tarsal_tunnel side entry to change"
open(p, "w", encoding="utf-8").write(s2)
PY
python3 scripts/kb_apply_evidence.py --kb "$t/kb.json" > /dev/null 2>&1 || fail "second apply"
cmp -s kb/numbfoot.json "$t/kb.json" || fail "a hand-changed likelihood was not put back"
echo "ok: kb/numbfoot.json is its evidence applied"
