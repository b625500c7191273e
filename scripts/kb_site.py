#!/usr/bin/env python3
"""The knowledge base as the static site carries it: the numbers' source texts left out.

    python3 scripts/kb_site.py kb/numbfoot.json > build/wasm/kb-site.json

The site shows each reason's kind of evidence (measured, derived, estimate) but never the figure or
the arithmetic behind a number, nor a reference's citation; those texts are three fifths of the
file, and the file rides inside numbfoot.wasm, fetched on a first visit. So the sources of priors,
finding defaults, likelihoods and triage thresholds keep their kind and reference keys and lose
"figure" and "how", and each reference keeps its key without its citation. The sources of steps,
rules and warning signs stay whole: results print them. Every native build and `numbfoot kb check`
check the whole file; the site's tests check the site's results equal the command's, case by case.
Compact JSON out (no indent, no line breaks), the same numbers.
"""
import json
import sys


def lean(holder):
    src = holder.get("source") if isinstance(holder, dict) else None
    if isinstance(src, dict):
        src.pop("figure", None)
        src.pop("how", None)


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        kb = json.load(f)
    for t in kb["triage"].get("thresholds", {}).values():
        lean(t)
    for c in kb["conditions"]:
        lean(c.get("prior"))
    for f in kb["findings"]:
        lean(f.get("default"))
        for lk in f.get("likelihood", {}).values():
            lean(lk)
    for r in kb["references"]:
        r.pop("cite", None)
    json.dump(kb, sys.stdout, ensure_ascii=False, separators=(",", ":"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
