# eval keeps the contract's scores (every case with an expected cause, on the engine's order) and
# adds the scores of what the person is shown: a case whose result shows no ranking (an emergency
# warning sign set the level, here a passed TIA) is counted as unranked and left out of top1_shown
# and top3_shown, in the JSON and the text output; its per_case entry says ranking_shown false.
. tests/cli/lib.sh
mkdir "$t/c"
cp tests/cli/data/tia-passed.json tests/cli/data/laces.json "$t/c/"
nf eval --json "$t/c" > "$t/e.json"
python3 - "$t/e.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["cases"] == 2, r["cases"]
assert r["unranked"] == 1, r.get("unranked")
assert r["ranked_cases"] == 2, r["ranked_cases"]
assert sum(b["count"] for b in r["calibration"]["bins"]) == 2
assert r["top1_shown"] == 1.0, r["top1_shown"]
assert r["top1"] == (1.0 if r["per_case"][[c["id"] for c in r["per_case"]].index("tia-passed")]["ranked"][0][0] == "stroke" else 0.5), r["top1"]
pc = {c["id"]: c for c in r["per_case"]}
assert pc["tia-passed"]["ranking_shown"] is False and pc["tia-passed"]["ranked"], pc["tia-passed"]
assert all(c["ranking_shown"] for k, c in pc.items() if k != "tia-passed")
assert r["triage_exact"] == 1.0, r["triage_exact"]
PY
[ $? -eq 0 ] || fail "eval --json: the contract's scores or the shown ones are wrong"
nf eval "$t/c" > "$t/e.txt"
has "$t/e.txt" "2 cases, 2 ranked"
has "$t/e.txt" "not shown: 1 case whose result shows the person no ranking"
grep "^tia-passed" "$t/e.txt" | grep -q -E " [13x]-( |$)" || fail "the unshown case is not marked -"
echo "ok   eval scores every case as the contract says, and the shown ones apart"
