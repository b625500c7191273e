# scripts/kb_sources.py: the string forms (old "KEYS; estimate: HOW" and the prefixed measured,
# derived and estimate forms) become structured sources in place, a line each; a second run
# changes nothing; a source of reference keys alone is refused with its file, line and path and
# the file is left as it was. Round trip: the test knowledge base written back in string form and
# converted again is the same file, and the numbfoot loader accepts it.
set -eu
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
conv="python3 scripts/kb_sources.py"
fail() { echo "FAIL: $*"; exit 1; }

cat > "$tmp/a.json" <<'J'
{
  "x": {"p": 0.3, "source": "Key A; Key B; estimate: judged from the mechanism, dossier §3.1"},
  "y": [{"p": 0.56, "source": "Key A; measured: 56% women (n = 81)"},
        {"p": 0.49, "source": "derived: 5.28 / (5.28 + 5.41) = 0.49"}],
  "z": {"step": "Rest.", "weeks": 2,
        "source": "estimate: a reasoning that itself has; a semicolon, §5"},
  "w": {"p": 0.1, "source": {"kind": "estimate", "refs": [], "how": "already structured, §2"}},
  "says": "a \"source\": \"not a key\" inside a string"
}
J
lines=$(wc -l < "$tmp/a.json")
$conv "$tmp/a.json" > /dev/null
python3 - "$tmp/a.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
assert a["x"]["source"] == {"kind": "estimate", "refs": ["Key A", "Key B"], "how": "judged from the mechanism, dossier §3.1"}, a["x"]
assert a["y"][0]["source"] == {"kind": "measured", "refs": ["Key A"], "figure": "56% women (n = 81)"}, a["y"][0]
assert a["y"][1]["source"] == {"kind": "derived", "refs": [], "how": "5.28 / (5.28 + 5.41) = 0.49"}, a["y"][1]
assert a["z"]["source"]["how"] == "a reasoning that itself has; a semicolon, §5", a["z"]
assert a["w"]["source"]["how"] == "already structured, §2"
assert a["says"] == 'a "source": "not a key" inside a string'
PY
[ "$(wc -l < "$tmp/a.json")" -eq "$lines" ] || fail "the layout changed: $(wc -l < "$tmp/a.json") lines, not $lines"
grep -q '^  "x": {"p": 0.3, "source": {"kind": "estimate", "refs": \["Key A", "Key B"\], "how": ' "$tmp/a.json" ||
	fail "a source is not on its own line in the file's style"
cp "$tmp/a.json" "$tmp/a2.json"
$conv "$tmp/a.json" | grep -q "0 sources converted" || fail "second run converted something"
cmp -s "$tmp/a.json" "$tmp/a2.json" || fail "second run changed the file"
$conv --check "$tmp/a.json" || fail "--check finds string sources in a converted file"

printf '{\n  "a": {"p": 0.2, "source": "Key A; Key B"}\n}\n' > "$tmp/b.json"
cp "$tmp/b.json" "$tmp/b0.json"
if $conv "$tmp/b.json" 2> "$tmp/err"; then fail "a source of reference keys alone was accepted"; fi
grep -q "b.json:2: a.source: references only" "$tmp/err" || fail "no FILE:LINE: path for the refused source: $(cat "$tmp/err")"
cmp -s "$tmp/b.json" "$tmp/b0.json" || fail "a refused file was written"
if $conv --check "$tmp/b.json" 2>/dev/null; then fail "--check passed a file with string sources"; fi

# Round trip through the string form.
python3 - tests/unit/data/kb.json "$tmp/s.json" <<'PY'
import json, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
def back(m):
    o = json.loads(m.group(1))
    body = o.get("figure") if o["kind"] == "measured" else o["how"]
    return '"source": ' + json.dumps("; ".join(o["refs"] + ["%s: %s" % (o["kind"], body)]), ensure_ascii=False)
out = re.sub(r'"source": (\{"kind": [^{}]*\})', back, text)
assert out.count('"kind"') == 0
open(sys.argv[2], "w", encoding="utf-8").write(out)
PY
$conv "$tmp/s.json" > /dev/null
cmp -s "$tmp/s.json" tests/unit/data/kb.json || fail "round trip through the string form differs"
"$NUMBFOOT" kb check --kb "$tmp/s.json" --vocab tests/unit/data/vocab.json > /dev/null || fail "loader refuses the output"
echo "ok   kb_sources.py converts, keeps the layout, is idempotent and refuses keys alone"
