# Each reason's "evidence" in the JSON result is the kind of the knowledge base's likelihood behind
# it (its own entry, else the default, the weaker when a set entry leaves values to the default),
# worked out here from kb/numbfoot.json; and the text result tags estimated and derived reasons, not measured ones: a copy of
# the knowledge base whose relief_loosening likelihood under shoe_compression is made measured
# shows that reason without the tag, and one made derived shows it tagged "derived".
set -eu
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# Lines are checked whole: a terminal wide enough not to wrap them.
export COLUMNS=1000
"$NUMBFOOT" assess --answers tests/cli/data/laces.json --json > "$tmp/result.json"
python3 - "$tmp/result.json" kb/numbfoot.json <<'PY'
import json, sys
res = json.load(open(sys.argv[1])); kb = json.load(open(sys.argv[2]))
rank = {"estimate": 0, "derived": 1, "measured": 2}
vocab = {v["id"]: v for v in json.load(open("kb/vocabulary.json"))["findings"]}
find = {f["id"]: f for f in kb["findings"]}
def kind(fid, cid, form):
    f = find[fid]; lk = f.get("likelihood", {})
    own = (form and lk.get(cid + "/" + form)) or lk.get(cid)  # a form's own entry, else its condition's
    if not own:
        return f["default"]["source"]["kind"]
    k = own["source"]["kind"]
    if vocab[fid]["type"] == "set" and len(own["p"]) < len(vocab[fid]["values"]):
        k = min(k, f["default"]["source"]["kind"], key=rank.get)
    return k
n = 0
for cause in res["ranking"]:
    for r in cause["reasons"]:
        form = cause.get("form", {}).get("id")
        want = "estimate" if cause["id"] == "other" else kind(r["finding"], cause["id"], form)
        assert r["evidence"] == want, (cause["id"], r["finding"], r["evidence"], want)
        n += 1
steps = [s for p in res["plan"] for s in p["steps"]]
assert steps and all(s["evidence"] in rank and s["evidence"] + ":" in s["source"] for s in steps), steps
print("ok  ", n, "reasons and", len(steps), "plan steps carry their kind")
PY
python3 - kb/numbfoot.json "$tmp/kb.json" <<'PY'
import json, sys
kb = json.load(open(sys.argv[1]))
f = [x for x in kb["findings"] if x["id"] == "relief_loosening"][0]
p = f["likelihood"]["shoe_compression"]["p"]
f["likelihood"]["shoe_compression"]["source"] = {"kind": "measured", "refs": ["Buldt 2018"],
                                                  "figure": "test figure: %g%% felt relief (n = 100)" % (100 * p)}
json.dump(kb, open(sys.argv[2], "w"), ensure_ascii=False)
PY
NO_COLOR=1 "$NUMBFOOT" assess --kb "$tmp/kb.json" --answers tests/cli/data/laces.json > "$tmp/out.txt"
grep -q "brings feeling back within minutes: yes (×4.4)$" "$tmp/out.txt" || { echo "measured reason is tagged or missing"; cat "$tmp/out.txt"; exit 1; }
grep -Eq "the top of the foot \(×[0-9.]+, estimate\)$" "$tmp/out.txt" || { echo "estimated reason lacks its tag"; exit 1; }
"$NUMBFOOT" assess --kb "$tmp/kb.json" --answers tests/cli/data/laces.json --json | grep -q '"evidence": "measured"'
echo "ok   a measured reason is shown without the estimate tag"
# and one made derived is tagged so: a figure worked out from studies' figures is told apart from one
# a study measured
python3 - kb/numbfoot.json "$tmp/kb2.json" <<'PY'
import json, sys
kb = json.load(open(sys.argv[1]))
f = [x for x in kb["findings"] if x["id"] == "relief_loosening"][0]
f["likelihood"]["shoe_compression"]["source"] = {"kind": "derived", "refs": ["Buldt 2018"],
                                                  "how": "test arithmetic: 40 of 50 and 45 of 50 pooled"}
json.dump(kb, open(sys.argv[2], "w"), ensure_ascii=False)
PY
NO_COLOR=1 "$NUMBFOOT" assess --kb "$tmp/kb2.json" --answers tests/cli/data/laces.json > "$tmp/out2.txt"
grep -q "brings feeling back within minutes: yes (×4.4, derived)$" "$tmp/out2.txt" || { echo "derived reason lacks its tag"; cat "$tmp/out2.txt"; exit 1; }
grep -q '"derived" a figure worked out from studies' "$tmp/out2.txt" || { echo "no legend for the derived tag"; exit 1; }
echo "ok   a derived reason is tagged derived"
