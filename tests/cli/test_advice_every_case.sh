# The advice agrees with the triage on every case of every suite: cases/, cases-atypical/,
# cases-selfcare/ and any other folder of case files in the tree (files the case reader refuses,
# such as the reader tests' bad-*.json, are not cases). For each result:
# - urgent or emergency: the first step is an action with no trial period, and no plan step has one;
#   an emergency's first step says to go now and how (emergency services, do not drive) and whom to
#   see starts with the emergency department; under an emergency no plan keeps a step that does not
#   send to emergency care, nor repeats the first step; an urgent first step names the first person
#   to see;
# - the headline names the first person to see, and every plan ends with its safety net;
# - a plan step of the cause that carries the level that names a clinician names that person too.
set -eu
. tests/cli/lib.sh
find . -name '*.json' -not -path './build/*' -not -path '*/node_modules/*' -not -path './.git/*' \
	-not -path './kb/*' -not -path './fuzz/*' | sort > "$t/all"
n=0; skipped=0
: > "$t/results"
while read -r f; do
	grep -q '"expected"' "$f" && grep -q '"answers"' "$f" || continue
	if nf assess --answers "$f" --json > "$t/r.json" 2>/dev/null; then
		printf '%s\t' "$f" >> "$t/results"
		tr -d '\n' < "$t/r.json" >> "$t/results"
		echo >> "$t/results"
		n=$((n + 1))
	else
		case "$f" in ./cases*) fail "$f: a suite's case is refused" ;; esac
		skipped=$((skipped + 1))
	fi
done < "$t/all"
[ "$n" -ge 190 ] || fail "only $n cases found"
python3 - "$t/results" <<'PY'
import json, sys
KEY = {"sports_medicine": "sports-medicine doctor", "physiotherapist": "physiotherapist", "podiatrist": "podiatrist",
       "gp": "GP", "vascular_surgeon": "vascular surgeon", "neurologist": "neurologist",
       "spinal_surgeon": "spinal surgeon", "foot_ankle_surgeon": "foot-and-ankle surgeon",
       "emergency_department": "emergency"}
bad = []
levels = {}
for line in open(sys.argv[1]):
    name, text = line.rstrip("\n").split("\t", 1)
    r = json.loads(text)
    level, first, see, plans = r["triage"]["level"], r["first_step"], r["see"], r["plan"]
    levels[level] = levels.get(level, 0) + 1
    def no(msg):
        bad.append("%s (%s): %s" % (name, level, msg))
    if not see:
        no("nobody to see")
        continue
    if KEY[see[0]] not in r["triage"]["words"]:
        no("the headline does not name %s: %s" % (see[0], r["triage"]["words"]))
    for p in plans:
        if not p["steps"] or p["steps"][-1]["kind"] != "safety_net":
            no("the plan for %s does not end with its safety net" % p["condition"])
    if level in ("urgent", "emergency"):
        if first["weeks"] != 0 or first["kind"] != "action":
            no("leads with %r (weeks %g, %s)" % (first["step"], first["weeks"], first["kind"]))
        for p in plans:
            for s in p["steps"]:
                if s["weeks"] > 0:
                    no("the plan for %s keeps a trial step: %s" % (p["condition"], s["step"]))
    if level == "emergency":
        # A cause's own plan waits for the emergency care: beside "call now", "be seen within 48
        # hours" reads as the easier choice. Only a step that also sends to emergency care stays.
        for p in plans:
            for s in p["steps"]:
                if s["kind"] != "safety_net" and "emergency" not in s["step"]:
                    no("the plan for %s keeps a step below the emergency: %s" % (p["condition"], s["step"]))
                if s["step"] == first["step"]:
                    no("the plan for %s repeats the first step" % p["condition"])
        # The words of the cause that carries an emergency speak for it only if it is likely
        # enough to have its plan shown or holds most of the emergency share: several rare causes
        # together give the engine's own step. A rule for every cause that sets the level speaks
        # for the cause it guards against however unlikely (its step names it).
        prob = {c["id"]: c["probability"] for c in r["ranking"]}
        pc = prob.get(first.get("condition"), 1)
        by_rule = r["triage"]["rule"] and r["triage"]["rule_every_cause"]
        if first.get("condition") and not by_rule and pc < 0.15 and pc < r["triage"]["mass"]["emergency"] / 2:
            no("the first step is that of %s at %.3f of %.3f" % (first["condition"], pc, r["triage"]["mass"]["emergency"]))
        if see[0] != "emergency_department":
            no("whom to see starts with %s" % see[0])
        if "emergency" not in first["step"] or "not drive" not in first["step"]:
            no("the first step does not say go now and how: %s" % first["step"])
    if level == "urgent" and KEY[see[0]] not in first["step"]:
        no("the first step does not name %s: %s" % (see[0], first["step"]))
    # The carrier's plan speaks of the same person as the headline.
    if plans and first.get("condition") == plans[0]["condition"] and level != "emergency":
        for s in plans[0]["steps"]:
            if s["kind"] == "safety_net":
                continue
            named = [k for k, w in KEY.items() if k != "emergency_department" and w in s["step"]]
            if named and see[0] not in named:
                no("a step names %s, the headline %s: %s" % (named, see[0], s["step"]))
for b in bad:
    print(b)
print("%d results (%s), %d disagree" % (sum(levels.values()), ", ".join("%s %d" % kv for kv in sorted(levels.items())), len(bad)))
sys.exit(1 if bad else 0)
PY
echo "$n cases, $skipped files that are not cases"
