# eval scores the ranking the person is shown: a case whose result shows no ranking (an emergency
# warning sign set the level, here a passed TIA) is left out of top1, top3, brier and calibration and
# counted as unranked, in the JSON and the text output; its per_case entry keeps its ranked list
# and says ranking_shown false.
. tests/cli/lib.sh
mkdir "$t/c"
cp tests/cli/data/tia-passed.json tests/cli/data/laces.json "$t/c/"
nf eval --json "$t/c" > "$t/e.json"
python3 - "$t/e.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["cases"] == 2, r["cases"]
assert r["unranked"] == 1, r.get("unranked")
assert r["ranked_cases"] == 1, r["ranked_cases"]
assert sum(b["count"] for b in r["calibration"]["bins"]) == 1
pc = {c["id"]: c for c in r["per_case"]}
assert pc["tia-passed"]["ranking_shown"] is False and pc["tia-passed"]["ranked"], pc["tia-passed"]
assert all(c["ranking_shown"] for k, c in pc.items() if k != "tia-passed")
assert r["triage_exact"] == 1.0, r["triage_exact"]
PY
[ $? -eq 0 ] || fail "eval --json scores an unranked case"
nf eval "$t/c" > "$t/e.txt"
has "$t/e.txt" "2 cases, 1 ranked"
has "$t/e.txt" "not ranked: 1 case with an expected cause"
grep "^tia-passed" "$t/e.txt" | grep -q " - " || fail "the unranked case is not marked -"
echo "ok   eval leaves a case with no ranking shown out of the ranking scores"
