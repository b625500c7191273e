# The curated suites (cases/ and the held-out cases-atypical/) follow docs/cases.md: numbfoot reads
# every file, each case's id is its file name, and no text carries a path of the author's machine.
set -eu
for suite in cases cases-atypical; do
	"$NUMBFOOT" eval "$suite" > /dev/null
	python3 - "$suite" <<'PY'
import json, os, re, sys
# An absolute path under a home, temporary, root or mount folder, or a drive letter.
local = re.compile(r"(?<![\w.:/])(/(home|tmp|root|Users|srv|mnt)/|[A-Za-z]:\\)")
def strings(x):
    if isinstance(x, str):
        yield x
    elif isinstance(x, list):
        for v in x:
            yield from strings(v)
    elif isinstance(x, dict):
        for k, v in x.items():
            yield k
            yield from strings(v)
suite, bad = sys.argv[1], 0
names = sorted(n for n in os.listdir(suite) if n.endswith(".json"))
for n in names:
    path = os.path.join(suite, n)
    case = json.load(open(path, encoding="utf-8"))
    if case["id"] != n[:-len(".json")]:
        print("%s: id %s is not the file name" % (path, json.dumps(case["id"]))); bad = 1
    for s in strings(case):
        if local.search(s):
            print("%s: a local machine path in %s" % (path, json.dumps(s[:60]))); bad = 1
print("%s: %d case files" % (suite, len(names)))
sys.exit(bad)
PY
done
