#!/usr/bin/env python3
"""Write likelihoods read from the literature into the knowledge base.

    python3 scripts/kb_apply_evidence.py [--kb kb/numbfoot.json] [--dry-run] [EVIDENCE.json ...]

Without files it reads kb/evidence/ in the order of ORDER below (a later file's entry for the same
finding and condition wins: its reviewer judged the source larger). Entries in EXCLUDE are left
out, with the reason; age entries of conditions in REWEIGHT come from series of patients in general
and are reweighted to runners' ages (and then labelled estimate, since the runners' age mix is one).

An evidence file (one per reviewer) holds
    {"references": [{"key", "cite", ...}],
     "likelihoods": [{"finding", "condition", "p", "source": {kind, refs, figure, how}}, ...],
     "priors": [{"condition", "p", "source"}, ...]}
Each likelihood replaces (or adds) findings[finding].likelihood[condition] and each prior a
condition's prior; each reference that an applied number cites is appended, and a review's
reference that no number cites (its entries refused or replaced) is removed. The file keeps its
layout: one object per line, one line changed per number, so the diff reads number by number.
Shapes are checked against the finding (bool: a number; enum: every value; bins: len(bins) + 1;
set: listed values only) before anything is written; `numbfoot kb check` then checks the rest
(sums, sources, figures).
"""
import json
import re
import sys


ORDER = ["foot", "vascular", "spine", "dossier", "wave2", "wave3a", "wave3b", "wave4-foot", "wave4-acute",
         "wave4-neurovasc", "wave5-ages", "wave5-heel", "wave5-forefoot", "wave5-exertional", "wave5-vascular",
         "wave5-spine", "wave5-diagnostic", "wave6-footwear", "wave6-footnerves", "wave6-exertional",
         "wave6-vascular", "wave6-spine", "wave6-nerves", "wave6-forms", "wave6-diabetes", "wave7-footnerves",
         "wave7-exertional", "wave7-vascular", "wave7-spine", "wave7-nerves", "wave7-forms", "wave8-central",
         "wave8-vascular", "wave8-exertional", "wave8-spine", "wave9-audit", "wave10-systemic",
         "wave10-acute", "wave10-vascular", "wave10-spine", "wave10-footwear", "wave10-footnerves", "wave10-audit",
         "wave11-audit", "wave12-footwear", "wave12-footnerves", "wave12-acute", "wave13-spine",
         "wave13-exertional", "wave13-systemic"]
# A refused entry is named by its file, so that a later file's better source for the same pair is
# judged on its own.
EXCLUDE = {
    ("wave10-vascular", "test_abi_post", "iliac_endofibrosis"): "the change rests on a review that pools 40 single-patient "
                                                                "case reports; numbers never rest on case reports",
    ("wave10-vascular", "exam_pulses_reduced_rest", "iliac_endofibrosis"): "the change adds a review that pools 40 "
                                                                           "single-patient case reports to two series",
    ("wave10-vascular", "test_abi_post", "paes/functional"): "a meeting abstract's mean with a spread borrowed from "
                                                             "another group (cyclists with leg pain)",
    ("spine", "hands_too", "stroke"): "the question asks about hands tingling like the feet; a pure sensory stroke "
                                      "series answers another question, and 0.98 would let a 'no' rule stroke out",
    ("spine", "leg_weakness", "lumbar_radiculopathy"): "weakness found by an examiner is not the weakness a runner "
                                                       "reports",
    ("dossier", "onset_km", "cecs"): "ten severe surgical candidates: too narrow for runners in general",
    ("dossier", "onset_km", "exercise_cramp"): "half-marathon and ultra races, not everyday runs",
    ("vascular", "age", "acute_limb_ischemia"): "hospital patients (mean 71) with a hand-kept young tail",
    ("wave4-acute", "age", "acute_limb_ischemia"): "hospital patients (mean 71) with a hand-kept young tail",
    ("wave2", "age", "baxter_nerve"): "a group with muscle atrophy on MRI stands in for the entrapment: too weak a proxy",
    ("wave3b", "exam_upper_motor", "stroke"): "a Babinski sign alone: a lower bound of the signs the question names",
    ("wave3b", "test_nerve_conduction_abnormal", "baxter_nerve"): "heel-pain patients, not all with the entrapment",
    ("wave3b", "onset_km", "pad"): "treadmill walking in clinic claudicants, not the distance a runner with the disease runs",
    ("wave3b", "progressive", "central_neuro"): "dural fistula series only; MS, in the same group, relapses and remits",
    ("wave3a", "sex", "iliac_endofibrosis"): "18 athletes against a 443-athlete review that says mostly men",
    ("wave4-acute", "severe_pain_after_run", "acute_compartment"): "pain worse over time in fracture patients: a lower bound of "
                                                                   "the warning sign's three parts, and a warning sign's "
                                                                   "sensitivity must not be understated",
    ("wave4-acute", "side", "acute_compartment"): "children's series; exertional cases in both legs are reported in runners",
    ("wave4-acute", "forefoot_burning", "raynauds"): "cold-injury series stand in for Raynaud's: too weak a proxy for a feature "
                                                     "that separates Morton's neuroma",
    ("wave4-acute", "sudden_one_side", "stroke"): "sensory strokes that reached the leg only; strokes of the back of the brain "
                                                  "(vision, balance) often spare one side's numbness, and 0.98 would let a "
                                                  "'no' rule stroke out",
    ("wave5-spine", "saddle_numbness", "cauda_equina"): "operated series chosen partly by this sign; in early cauda "
                                                        "equina single signs are present in 19-43% (Dionne 2019): a "
                                                        "higher figure would let a 'no' argue the emergency away",
    ("wave5-spine", "bladder_bowel", "cauda_equina"): "operated series chosen partly by this sign; in early cauda "
                                                      "equina single signs are present in 19-43% (Dionne 2019): a "
                                                      "higher figure would let a 'no' argue the emergency away",
    ("wave5-spine", "saddle_numbness", "lumbar_stenosis"): "burning around the buttocks or priapism on walking is "
                                                          "another symptom than numbness of the saddle; mapped onto "
                                                          "it, a sign of the emergency read as a stenosis feature",
    ("wave8-central", "exam_ankle_reflex_reduced", "central_neuro/ms"): "the figure (no absent ankle reflex in "
                                                                         "healthy people under 60) fixes no value; "
                                                                         "what is left is judgement",
    ("wave5-diagnostic", "exam_tinel_tarsal", "peripheral_neuropathy"): "the site's own figure is not reported: the "
                                                                        "midpoint of five leg sites' range stands in",
    ("wave5-diagnostic", "exam_tinel_fibular", "peripheral_neuropathy"): "the site's own figure is not reported: the "
                                                                         "midpoint of five leg sites' range stands in",
    ("wave5-exertional", "onset_consistent", "exercise_cramp"): "cramping in training rather than in races answers "
                                                                "another question than numbness starting at the "
                                                                "same point of every run",
    ("wave6-footwear", "sex", "fat_pad_atrophy"): "volunteers for fat grafting, most for the forefoot pad that high "
                                                  "heels wear down: who seeks grafting says little of which runners "
                                                  "thin their pads",
    ("wave6-footwear", "age", "fat_pad_atrophy"): "the same grafting volunteers (36, chosen by severity and by "
                                                  "seeking a procedure): as for their sex mix, who has thin pads "
                                                  "is not who volunteers to have them filled",
    ("wave6-exertional", "side", "paes"): "entrapment on both sides by imaging in 40 of 48; that every one of the 88 "
                                          "limbs had symptoms is read from the counts, and 83% against 34% in five "
                                          "series that counted symptomatic sides points to anatomy, not symptoms",
    ("wave6-spine", "leg_weakness", "lumbar_radiculopathy"): "how much weakness bothers referred sciatica patients, "
                                                             "by a normal approximation on a 0-6 scale with a floor: "
                                                             "not the share who notice a leg that gives way",
    ("wave6-vascular", "at_rest", "raynauds"): "attacks of primary Raynaud's only; the condition also holds the "
                                               "cold-induced numbness of winter runs, which is not there off the run",
    ("wave2", "severe_pain_after_run", "exercise_cramp"): "a cramp rated severe is not pain that keeps rising after "
                                                          "stopping with a tense leg: a cramp eases on stopping, and the "
                                                          "mapping raised a cramp eightfold on the compartment syndrome's "
                                                          "warning sign",
    ("wave4-acute", "muscle_pain_swelling", "exercise_cramp"): "a cramp rated severe is not muscles swollen and too "
                                                               "painful to use after an effort: the mapping raised a "
                                                               "cramp on the rhabdomyolysis warning sign",
    ("wave6-vascular", "calf_claudication", "acute_limb_ischemia"): "claudication known before the acute event is "
                                                                    "history; the question asks whether the pain "
                                                                    "eases within minutes of stopping, which in an "
                                                                    "acutely ischaemic leg it does not (kept as the "
                                                                    "estimate's upper bound)",
    ("wave7-spine", "sciatica_pain", "deep_gluteal"): "pooled with a meeting abstract whose page names no author: "
                                                      "a figure whose source cannot be checked",
    ("wave7-spine", "test_nerve_conduction_abnormal", "deep_gluteal"): "pooled with a meeting abstract whose page names "
                                                                       "no author: a figure whose source cannot be checked",
    ("wave13-systemic", "calf_claudication", "acute_limb_ischemia"): "claudication of sudden onset as the presenting "
                                                                     "complaint is a new ache, not one that builds at "
                                                                     "the same distance on every run and eases within "
                                                                     "minutes, which is what the question asks",
}
# A series whose page names neither its authors nor its title is refused whole, as the meeting
# abstract of wave7-spine was: its figures cannot be checked against a citation.
for _f in ("sex", "side", "age"):
    EXCLUDE[("wave13-exertional", _f, "paes/anatomic")] = ("a surgical series whose stored page names neither its "
                                                          "authors nor its title: a figure whose source cannot be "
                                                          "checked against a citation")

# Duration before diagnosis in referral series is how long a diagnosis took, not how long a runner
# has had numbness when asking: weeks_since_onset is never taken from it.
EXCLUDE_FINDINGS = {"weeks_since_onset"}
REWEIGHT = {"stroke", "lumbar_stenosis", "peripheral_neuropathy", "tarsal_tunnel", "mortons_neuroma",
            "lumbar_radiculopathy", "fibular_nerve", "fat_pad_atrophy", "raynauds", "baxter_nerve", "deep_gluteal",
            "central_neuro"}
# A set finding (where the numbness is) is one yes/no per value. A series that reports some values
# leaves the rest to the estimate made before any series was read (below, with its reasoning), not
# to the population's default: a series of toe numbness says nothing of the calf. The merged entry
# is labelled estimate, since most of its values are, and its "how" says which values are data.
SET_REST = {
    ("location", "mortons_neuroma"): (
        {"toes_all": 0.08, "toes_3_4": 0.8, "big_toe": 0.04, "first_web": 0.06, "ball": 0.65, "arch": 0.03,
         "heel": 0.02, "dorsum": 0.05, "lateral_edge": 0.05, "whole_sole": 0.04, "whole_foot": 0.03, "lower_leg": 0.02},
        ["Hutaif textbook", "Matthews 2019"], "85-90% third web space, ball of foot commonest site, dossier §3.3"),
    ("location", "lumbar_radiculopathy"): (
        {"toes_all": 0.2, "toes_3_4": 0.05, "big_toe": 0.3, "first_web": 0.12, "ball": 0.08, "arch": 0.05,
         "heel": 0.15, "dorsum": 0.42, "lateral_edge": 0.32, "whole_sole": 0.22, "whole_foot": 0.12, "lower_leg": 0.65},
        ["Harrison's back pain table"],
        "L5 dorsum and big toe, S1 sole and outer edge, leg pain below the knee, values kept moderate because each "
        "person has one root pattern, dossier §3.11"),
    ("location", "deep_gluteal"): (
        {"toes_all": 0.2, "toes_3_4": 0.04, "big_toe": 0.1, "first_web": 0.06, "ball": 0.08, "arch": 0.05,
         "heel": 0.15, "dorsum": 0.25, "lateral_edge": 0.2, "whole_sole": 0.25, "whole_foot": 0.25, "lower_leg": 0.6},
        ["Hopayian 2010"], "sciatic distribution down the back of the leg into the foot, dossier §3.13"),
    ("location", "cecs"): (
        {"toes_all": 0.2, "toes_3_4": 0.04, "big_toe": 0.1, "first_web": 0.3, "ball": 0.06, "arch": 0.1,
         "heel": 0.05, "dorsum": 0.6, "lateral_edge": 0.08, "whole_sole": 0.15, "whole_foot": 0.12, "lower_leg": 0.85},
        ["Campano 2016", "Gaunder 2017"],
        "anterior 51% and lateral 33% give dorsum and first web, deep posterior 13% gives sole, shin or calf "
        "tightness, dossier §3.14"),
}
RUNNERS = [0.05, 0.22, 0.25, 0.22, 0.15, 0.08, 0.03]  # the knowledge base's default age mix
# The adult population's: US residents aged 18+ in 2019 (census; wave5-ages.json's age_mixes).
ADULTS = [0.034, 0.177, 0.173, 0.158, 0.166, 0.149, 0.143]


def adapt(l):
    """The entry as the knowledge base takes it: derived and estimate sources give their input
    figures in "how"; a general-population age mix is reweighted to runners."""
    l = dict(l)
    src = dict(l["source"])
    if src.get("kind") != "measured" and src.get("figure"):
        src["how"] = "from %s: %s" % (src.pop("figure").rstrip(". "), src.get("how") or "")
    if l["finding"] == "age" and l["condition"].split("/")[0] in REWEIGHT:  # a form's as its condition's
        p = l["p"]
        w = [a * r / b for a, r, b in zip(p, RUNNERS, ADULTS)]
        q = [round(x / sum(w), 3) for x in w]
        q[q.index(max(q))] = round(q[q.index(max(q))] + 1 - sum(q), 3)
        text = src.get("figure") or src.get("how") or ""
        src = {"kind": "estimate", "refs": src.get("refs", []) + ["US Census NC-EST2019-AGESEX"],
               "how": "the series' age mix %s (%s) is of patients in general, not runners: reweighted "
                      "bin by bin by the runners' age mix %s (an estimate, dossier §2.1) over the adult "
                      "population's %s (US census 2019, adults 18+) and renormalised" % (p, text.rstrip(". "), RUNNERS, ADULTS)}
        l["p"] = q
    l["source"] = src
    rest = SET_REST.get((l["finding"], l["condition"]))
    if rest and isinstance(l["p"], dict) and set(l["p"]) != set(rest[0]):
        values, refs, why = rest
        stated = sorted(l["p"])
        body = src.get("figure") or src.get("how") or ""
        if src.get("kind") == "measured" and src.get("how"):
            body += " (%s)" % src["how"]
        l["p"] = {k: l["p"].get(k, v) for k, v in values.items()}
        l["source"] = {"kind": "estimate",
                       "refs": list(dict.fromkeys(src.get("refs", []) + refs))[:8],
                       "how": "%s from series (%s: %s); the other values are estimates: %s" %
                              (" and ".join(stated), src.get("kind"), body.rstrip(". "), why)}
    return l


def one_line(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(", ", ": "))


def shape_fault(f, p):
    """Why p does not fit finding f, or None."""
    if "bins" in f:
        if not isinstance(p, list) or len(p) != len(f["bins"]) + 1:
            return "needs %d probabilities (bins %s)" % (len(f["bins"]) + 1, f["bins"])
        return None
    dp = f["default"]["p"]
    if isinstance(dp, dict):
        if not isinstance(p, dict) or set(p) - set(dp):
            return "values must be among %s" % sorted(dp)
        total = sum(p.values())
        # An enum lists every value and sums to 1; a set lists some values, each a yes/no.
        if abs(sum(dp.values()) - 1) < 0.011 and (set(p) != set(dp) or abs(total - 1) > 0.011):
            return "an enum needs every value %s, summing to 1" % sorted(dp)
        return None
    if not isinstance(p, (int, float)) or not 0 < p < 1:
        return "a yes/no finding needs one probability strictly between 0 and 1"
    return None


def block_span(lines, start, opener):
    """Index of the line closing the block opened on lines[start] (by counting braces)."""
    depth = 0
    for i in range(start, len(lines)):
        depth += lines[i].count(opener) - lines[i].count("}" if opener == "{" else "]")
        if depth == 0:
            return i
    raise ValueError("unbalanced block")


def set_likelihood(lines, fid, cond, obj):
    head = next((i for i, l in enumerate(lines) if l.strip() == '"id": "%s",' % fid), None)
    if head is None:
        raise KeyError("no finding %s" % fid)
    lk = next(i for i in range(head, len(lines)) if lines[i].strip().startswith('"likelihood": {'))
    end = block_span(lines, lk, "{")
    pat = re.compile(r'^(\s*)"%s": \{.*\}(,?)\s*$' % re.escape(cond))
    for i in range(lk + 1, end):
        m = pat.match(lines[i])
        if m:
            lines[i] = '%s"%s": %s%s\n' % (m.group(1), cond, one_line(obj), m.group(2))
            return "changed"
    indent = re.match(r"^(\s*)", lines[lk]).group(1) + "  "
    comma = "," if end > lk + 1 else ""
    lines.insert(lk + 1, '%s"%s": %s%s\n' % (indent, cond, one_line(obj), comma))
    return "added"


def set_prior(lines, cond, obj):
    head = next(i for i, l in enumerate(lines) if l.strip() == '"id": "%s",' % cond)
    for i in range(head, min(head + 12, len(lines))):
        m = re.match(r'^(\s*)"prior": \{.*\}(,?)\s*$', lines[i])
        if m:
            lines[i] = '%s"prior": %s%s\n' % (m.group(1), one_line(obj), m.group(2))
            return
    raise KeyError("no prior line for %s" % cond)


def add_references(lines, refs):
    i = next(i for i, l in enumerate(lines) if l.strip() == '"references": [')
    end = block_span(lines, i, "[")
    indent = re.match(r"^(\s*)", lines[i + 1]).group(1)
    new = []
    for r in refs:
        new.append("%s%s" % (indent, one_line({"key": r["key"], "cite": r["cite"]})))
    last = end - 1
    if not lines[last].rstrip().endswith(","):
        lines[last] = lines[last].rstrip("\n") + ",\n"
    lines[end:end] = [l + ",\n" for l in new[:-1]] + [new[-1] + "\n"]


def cited_keys(kb):
    """Every reference key a source of the knowledge base names."""
    keys = set()

    def walk(o):
        if isinstance(o, dict):
            if isinstance(o.get("refs"), list):
                keys.update(o["refs"])
            for v in o.values():
                walk(v)
        elif isinstance(o, list):
            for v in o:
                walk(v)
    walk({k: v for k, v in kb.items() if k != "references"})
    return keys


def delete_lines(lines, which, end):
    """Deletes the lines at the indices which, items of the block closed on lines[end], and takes
    the comma off the block's new last item."""
    for k in sorted(which, reverse=True):
        del lines[k]
    last = end - len(which) - 1
    if which and lines[last].rstrip().endswith(","):
        lines[last] = lines[last].rstrip().rstrip(",") + "\n"


def drop_shadowed(lines, forms):
    """Removes a condition's own entry for a finding where every one of its forms has its own: no
    form would use it. forms maps a condition to its "condition/form" keys. How many went."""
    gone = 0
    head = 0
    while True:
        lk = next((i for i in range(head, len(lines)) if lines[i].strip().startswith('"likelihood": {')), None)
        if lk is None:
            return gone
        end = block_span(lines, lk, "{")
        keys = {}
        for i in range(lk + 1, end):
            m = re.match(r'^\s*"([^"]+)": \{', lines[i])
            if m:
                keys[m.group(1)] = i
        drop = [keys[c] for c, fk in forms.items() if c in keys and all(k in keys for k in fk)]
        delete_lines(lines, drop, end)
        gone += len(drop)
        head = end - len(drop) + 1


def drop_references(lines, keys):
    """Removes the references of keys from the list; a review's references are one line each
    (add_references writes them so). How many went."""
    i = next(i for i, l in enumerate(lines) if l.strip() == '"references": [')
    end = block_span(lines, i, "[")
    gone = []
    for k in range(i + 1, end):
        m = re.match(r'^\s*(\{"key": .*\}),?\s*$', lines[k])
        if m and json.loads(m.group(1))["key"] in keys:
            gone.append(k)
    delete_lines(lines, gone, end)
    return len(gone)


def main(argv):
    args = argv[1:]
    kb_path, dry = "kb/numbfoot.json", False
    files = []
    while args:
        a = args.pop(0)
        if a == "--kb":
            kb_path = args.pop(0)
        elif a == "--dry-run":
            dry = True
        elif a in ("-h", "--help"):
            print(__doc__.strip())
            return 0
        else:
            files.append(a)
    if not files:
        files = ["kb/evidence/%s.json" % n for n in ORDER]
    with open(kb_path, encoding="utf-8") as f:
        lines = f.readlines()
    kb = json.loads("".join(lines))
    findings = {f["id"]: f for f in kb["findings"]}
    conds = {c["id"] for c in kb["conditions"]}
    # A form's own entry is keyed "condition/form" (docs/kb-format.md, "forms").
    forms = {c["id"]: ["%s/%s" % (c["id"], f["id"]) for f in c["forms"]] for c in kb["conditions"] if c.get("forms")}
    conds |= {k for keys in forms.values() for k in keys}
    have = {r["key"] for r in kb["references"]}
    faults, refs, counts = [], [], {"changed": 0, "added": 0, "priors": 0}
    offered = set()  # every reference key a review brings
    todo = []
    for name in files:
        with open(name, encoding="utf-8") as f:
            ev = json.load(f)
        for r in ev.get("references", []):
            offered.add(r["key"])
            if r["key"] not in have:
                have.add(r["key"])
                refs.append(r)
        for k, l in enumerate(ev.get("likelihoods", [])):
            stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
            if (stem, l.get("finding"), l.get("condition")) in EXCLUDE or l.get("finding") in EXCLUDE_FINDINGS:
                continue
            l = adapt(l)
            where = "%s: likelihoods[%d] %s.%s" % (name, k, l.get("finding"), l.get("condition"))
            f = findings.get(l.get("finding"))
            if not f or l.get("condition") not in conds:
                faults.append(where + ": unknown finding or condition")
                continue
            why = shape_fault(f, l["p"])
            if why:
                faults.append(where + ": " + why)
                continue
            todo.append(("lk", l))
        for k, p in enumerate(ev.get("priors", [])):
            if p.get("condition") not in conds:
                faults.append("%s: priors[%d]: unknown condition" % (name, k))
                continue
            todo.append(("prior", p))
    for _, l in todo:
        for key in l["source"].get("refs", []):
            if key not in have:
                faults.append("%s.%s: reference %s is in no references list" % (l.get("finding", "prior"), l["condition"], key))
    if faults:
        for x in faults:
            print(x, file=sys.stderr)
        print("%d fault(s); nothing written" % len(faults), file=sys.stderr)
        return 2
    # A later file's entry for the same finding and condition replaces an earlier one.
    last = {}
    for kind, l in todo:
        last[(kind, l.get("finding"), l["condition"])] = (kind, l)
    # A condition's entry that every one of its forms replaces (in a review or already in the
    # knowledge base) is not written: no form would use it.
    own = {(f["id"], c) for f in kb["findings"] for c in f.get("likelihood", {})}
    own |= {(l["finding"], l["condition"]) for kind, l in last.values() if kind == "lk"}
    todo = [(kind, l) for kind, l in last.values()
            if not (kind == "lk" and l["condition"] in forms and
                    all((l["finding"], k) in own for k in forms[l["condition"]]))]
    for kind, l in todo:
        src = {k: v for k, v in l["source"].items() if v not in ("", None)}
        src.setdefault("refs", [])
        obj = {"p": l["p"], "source": src}
        if kind == "lk":
            counts[set_likelihood(lines, l["finding"], l["condition"], obj)] += 1
        else:
            set_prior(lines, l["condition"], obj)
            counts["priors"] += 1
    shadowed = drop_shadowed(lines, forms)
    # A review's reference stays in the knowledge base while a number cites it: one whose entries
    # were all refused or replaced would be a source that sources nothing.
    cited = cited_keys(json.loads("".join(lines)))
    refs = sorted((r for r in refs if r["key"] in cited), key=lambda r: r["key"].lower())
    dropped = drop_references(lines, offered - cited)
    if refs:
        add_references(lines, refs)
    json.loads("".join(lines))  # still JSON
    print("%s: %d likelihoods changed, %d added, %d priors, %d references added, %d uncited removed, "
          "%d shadowed by forms removed" %
          (kb_path, counts["changed"], counts["added"], counts["priors"], len(refs), dropped, shadowed))
    if not dry:
        with open(kb_path, "w", encoding="utf-8") as f:
            f.writelines(lines)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
