# kb stats --json on the built-in knowledge base agrees with a count made here, independently,
# from kb/numbfoot.json: every object with "p" and "source" by its source's kind; a condition
# counts its prior, its forms' shares and the likelihoods listed under it and its forms.
set -eu
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$NUMBFOOT" kb stats --json > "$tmp/stats.json"
python3 - "$tmp/stats.json" kb/numbfoot.json <<'PY'
import json, sys
got = json.load(open(sys.argv[1])); kb = json.load(open(sys.argv[2]))
def empty():
    return {"parameters": 0, "measured": 0, "derived": 0, "estimate": 0}
def add(c, obj):
    c["parameters"] += 1
    c[obj["source"]["kind"]] += 1
want = empty(); lk = empty(); by = {c["id"]: empty() for c in kb["conditions"]}
for t in kb["triage"]["thresholds"].values():
    add(want, t)
for c in kb["conditions"]:
    add(want, c["prior"]); add(by[c["id"]], c["prior"])
    for fm in c.get("forms", []):  # a form's share of the prior counts under its condition
        add(want, fm["share"]); add(by[c["id"]], fm["share"])
for f in kb["findings"]:
    add(want, f["default"])
    for cid, o in f.get("likelihood", {}).items():  # "condition/form" counts under the condition
        add(want, o); add(lk, o); add(by[cid.split("/")[0]], o)
want["likelihoods"] = lk
want["by_condition"] = by
if got != want:
    print("kb stats:", json.dumps(got)[:400]); print("counted: ", json.dumps(want)[:400]); sys.exit(1)
assert want["parameters"] == sum(want[k] for k in ("measured", "derived", "estimate"))
print("ok   kb stats agrees:", want["parameters"], "numbers,", want["measured"], "measured")
PY
