#!/usr/bin/env python3
"""Turn the knowledge base's string sources into structured ones (docs/kb-format.md, "Sources").

    python3 scripts/kb_sources.py [--check] [FILE ...]      (default: kb/numbfoot.json)

Every "source" whose value is a string becomes an object, in place, on the line where it stood:

    "Key 2010; Other 2011; estimate: HOW"   ->  {"kind": "estimate", "refs": [...], "how": "HOW"}
    "Key 2010; derived: HOW"                ->  {"kind": "derived", "refs": [...], "how": "HOW"}
    "Key 2010; measured: FIGURE"            ->  {"kind": "measured", "refs": [...], "figure": "FIGURE"}

The parts before the first "estimate:", "derived:" or "measured:" are reference keys (zero or more,
separated by "; "); the text after the label runs to the end of the string. Sources that are already
objects are left as they are, so running it twice changes nothing. A string with reference keys
only cannot be labelled by a program (whether the reference holds that very figure is a question of
reading it), so it is reported with its file, line and path, and the file is not written.

Only the source values change: the rest of the file keeps its bytes, so diffs stay one line per
source. --check writes nothing and exits 1 when a file still has string sources.
"""
import json
import sys

LABELS = ("measured", "derived", "estimate")


class Fault(Exception):
    pass


def convert(text):
    """The structured form of one string source; Fault when it cannot be labelled."""
    parts = text.split("; ")
    refs = []
    for i, part in enumerate(parts):
        head, colon, rest = part.partition(":")
        if colon and head.strip() in LABELS:
            kind = head.strip()
            body = "; ".join([rest] + parts[i + 1:]).strip()
            if not body:
                raise Fault('"%s:" needs its text' % kind)
            out = {"kind": kind, "refs": refs}
            out["figure" if kind == "measured" else "how"] = body
            return out
        part = part.strip()
        if not part:
            raise Fault("an empty reference key")
        refs.append(part)
    raise Fault('references only ("%s"): say what they hold, "REFS; measured: FIGURE", '
                'or give the reasoning, "REFS; estimate: HOW (dossier §N)"' % text)


class Scanner:
    """Finds the span of every "source" string value in a JSON text, with its path and line. The
    text must be valid JSON (it is parsed first); this only needs to follow its structure."""

    def __init__(self, text):
        self.s = text
        self.i = 0
        self.found = []  # (start, end, path, line, value)

    def ws(self):
        s = self.s
        while self.i < len(s) and s[self.i] in " \t\r\n":
            self.i += 1

    def string(self):
        start = self.i
        self.i += 1
        s = self.s
        while s[self.i] != '"':
            self.i += 2 if s[self.i] == "\\" else 1
        self.i += 1
        return start, self.i, json.loads(s[start:self.i])

    def value(self, path):
        self.ws()
        c = self.s[self.i]
        if c == "{":
            self.i += 1
            self.ws()
            if self.s[self.i] == "}":
                self.i += 1
                return
            while True:
                self.ws()
                _, _, key = self.string()
                self.ws()
                self.i += 1  # ':'
                self.ws()
                sub = "%s.%s" % (path, key) if path else key
                if key == "source" and self.s[self.i] == '"':
                    start, end, v = self.string()
                    self.found.append((start, end, sub, self.s.count("\n", 0, start) + 1, v))
                else:
                    self.value(sub)
                self.ws()
                c = self.s[self.i]
                self.i += 1
                if c == "}":
                    return
        elif c == "[":
            self.i += 1
            self.ws()
            if self.s[self.i] == "]":
                self.i += 1
                return
            n = 0
            while True:
                self.value("%s[%d]" % (path, n))
                n += 1
                self.ws()
                c = self.s[self.i]
                self.i += 1
                if c == "]":
                    return
        elif c == '"':
            self.string()
        else:
            while self.i < len(self.s) and self.s[self.i] not in ",]} \t\r\n":
                self.i += 1


def restructure(tree):
    """The parsed tree with every string source converted, for checking the textual rewrite."""
    if isinstance(tree, dict):
        return {k: (convert(v) if k == "source" and isinstance(v, str) else restructure(v))
                for k, v in tree.items()}
    if isinstance(tree, list):
        return [restructure(v) for v in tree]
    return tree


def process(name, check):
    with open(name, encoding="utf-8") as f:
        text = f.read()
    try:
        tree = json.loads(text)
    except ValueError as e:
        print("%s: not JSON: %s" % (name, e), file=sys.stderr)
        return 2
    sc = Scanner(text)
    sc.value("")
    faults = 0
    out = []
    last = 0
    for start, end, path, line, value in sc.found:
        try:
            obj = convert(value)
        except Fault as e:
            print("%s:%d: %s: %s" % (name, line, path, e), file=sys.stderr)
            faults += 1
            continue
        out.append(text[last:start])
        out.append(json.dumps(obj, ensure_ascii=False, separators=(", ", ": ")))
        last = end
    out.append(text[last:])
    if faults:
        print("%s: %d source%s cannot be labelled; nothing written" % (name, faults, "" if faults == 1 else "s"),
              file=sys.stderr)
        return 2
    if check:
        if sc.found:
            print("%s: %d string source%s to convert" % (name, len(sc.found), "" if len(sc.found) == 1 else "s"))
            return 1
        return 0
    new = "".join(out)
    if json.loads(new) != restructure(tree):
        print("%s: the rewrite does not match the parsed file; nothing written" % name, file=sys.stderr)
        return 2
    if new != text:
        with open(name, "w", encoding="utf-8") as f:
            f.write(new)
    print("%s: %d source%s converted" % (name, len(sc.found), "" if len(sc.found) == 1 else "s"))
    return 0


def main(argv):
    args = argv[1:]
    if "-h" in args or "--help" in args:
        print(__doc__.strip())
        return 0
    check = "--check" in args
    files = [a for a in args if a != "--check"] or ["kb/numbfoot.json"]
    for a in files:
        if a.startswith("-"):
            print("kb_sources.py: unknown option %s (see --help)" % a, file=sys.stderr)
            return 2
    rc = 0
    for name in files:
        rc = max(rc, process(name, check))
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv))
