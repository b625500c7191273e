#!/usr/bin/env python3
"""How numbfoot holds up on sparse histories, like those of published case reports.

Published case reports give a runner-mode history of often 3 to 8 answers. This script keeps, for
each runner case in a suite, a random 3 to 8 of its answers (present findings first: reports
state what is there more often than what is not), writes those reduced cases to a scratch folder
and scores them with `numbfoot eval --json`, over several seeds. It is a measurement of
robustness, not a test: a random cut can drop the very answer that identifies a case, so its
figures sit below what a report's chosen answers would give.

Usage: scripts/sparse_eval.py [--seeds N] [--min K] [--max K] [--kb FILE] [--by-condition] NUMBFOOT CASES_DIR
"""
import argparse
import collections
import glob
import json
import os
import random
import subprocess
import sys
import tempfile


def reduce_case(case, rng, kmin, kmax):
    answers = {k: v for k, v in case["answers"].items() if v is not None}
    present = [k for k, v in answers.items() if v not in (False, [], 0)]
    k = rng.randint(kmin, kmax)
    pick = rng.sample(present, min(k, len(present)))
    rest = [x for x in answers if x not in pick]
    pick += rng.sample(rest, min(k - len(pick), len(rest)))
    out = dict(case)
    out["answers"] = {x: answers[x] for x in pick}
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("numbfoot")
    ap.add_argument("cases")
    ap.add_argument("--seeds", type=int, default=10)
    ap.add_argument("--min", type=int, default=3)
    ap.add_argument("--max", type=int, default=8)
    ap.add_argument("--kb", help="score with this knowledge base instead of the built-in one")
    ap.add_argument("--by-condition", action="store_true", help="also print top1 per expected condition")
    a = ap.parse_args()

    cases = []
    for path in sorted(glob.glob(os.path.join(a.cases, "*.json"))):
        with open(path, encoding="utf-8") as f:
            c = json.load(f)
        if c.get("mode", "runner") == "runner":
            cases.append(c)
    if not cases:
        sys.exit("sparse_eval: no runner-mode cases in " + a.cases)

    keys = ["top1", "top3", "triage_safe", "under_triage", "emergency_missed"]
    sums = collections.Counter()
    right = collections.Counter()
    seen = collections.Counter()
    print("seed  cases  top1   top3   safe   under  emerg-missed")
    for seed in range(1, a.seeds + 1):
        rng = random.Random(seed)
        with tempfile.TemporaryDirectory(prefix="numbfoot-sparse-") as tmp:
            accept = {}
            for c in cases:
                r = reduce_case(c, rng, a.min, a.max)
                with open(os.path.join(tmp, c["id"] + ".json"), "w", encoding="utf-8") as f:
                    json.dump(r, f)
                accept[c["id"]] = [c["expected"]["condition"]] + c["expected"].get("acceptable", [])
            cmd = [a.numbfoot, "eval", "--json"] + (["--kb", a.kb] if a.kb else []) + [tmp]
            out = subprocess.run(cmd, capture_output=True, text=True)
            if out.returncode != 0:
                sys.exit("sparse_eval: numbfoot eval failed:\n" + out.stderr)
            d = json.loads(out.stdout)
        for k in keys:
            sums[k] += d[k]
        for pc in d["per_case"]:
            if pc["expected"] is None:
                continue
            seen[pc["expected"]] += 1
            right[pc["expected"]] += pc["ranked"][0][0] in accept[pc["id"]]
        print("%4d  %5d  %.3f  %.3f  %.3f  %5d  %5d" % (seed, d["cases"], d["top1"], d["top3"],
              d["triage_safe"], d["under_triage"], d["emergency_missed"]))
    n = a.seeds
    print("mean  %5d  %.3f  %.3f  %.3f  %5.1f  %5.1f" % (len(cases), sums["top1"] / n, sums["top3"] / n,
          sums["triage_safe"] / n, sums["under_triage"] / n, sums["emergency_missed"] / n))
    if a.by_condition:
        for cond in sorted(seen, key=lambda x: right[x] / seen[x]):
            print("  %-24s %.2f (%d of %d)" % (cond, right[cond] / seen[cond], right[cond], seen[cond]))


if __name__ == "__main__":
    main()
