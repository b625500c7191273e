# Over-triage: the typical self-care presentations of cases-selfcare/ (written from the dossier, not
# used to choose any number) and the self-care cases of the other suites get self-care at least 90%
# of the time, with all answers at once and in an interview, while no case anywhere is under-triaged
# and no emergency is missed.
set -eu
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for d in cases cases-atypical cases-selfcare; do
	"$NUMBFOOT" eval --json "$d" > "$tmp/$d.json"
	"$NUMBFOOT" eval --interview --json "$d" > "$tmp/$d-interview.json"
done
python3 - "$tmp" <<'PY'
import glob, json, os, sys
tmp = sys.argv[1]
checks = []
for mode in ("", "-interview"):
    want = got = 0
    for d in ("cases", "cases-atypical", "cases-selfcare"):
        r = json.load(open(os.path.join(tmp, d + mode + ".json")))
        exp = {}
        for f in glob.glob(d + "/*.json"):
            c = json.load(open(f))
            exp[c["id"]] = c["expected"]["triage"]
        for pc in r["per_case"]:
            if exp[pc["id"]] == "self_care":
                want += 1
                got += pc["triage"] == "self_care"
        checks.append(("%s%s: under_triage %d == 0" % (d, mode, r["under_triage"]), r["under_triage"] == 0))
        checks.append(("%s%s: emergency_missed %d == 0" % (d, mode, r["emergency_missed"]), r["emergency_missed"] == 0))
        if d == "cases-selfcare":
            checks.append(("cases-selfcare%s: %d cases" % (mode, r["cases"]), r["cases"] >= 12))
    checks.append(("self-care given%s: %d of %d >= 90%%" % (mode, got, want), want >= 40 and got >= 0.9 * want))
for c, ok in checks:
    print(("ok   " if ok else "FAIL ") + c)
sys.exit(0 if all(ok for _, ok in checks) else 1)
PY
