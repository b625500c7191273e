# The report lists the runner's notes on the latest runs without numbness (what went right is
# evidence too: "laces loosened, no tingling"), after the training figures; a run with numbness
# keeps its note in the episode history, not in that list.
. tests/cli/lib.sh
export NUMBFOOT_NOW=2026-04-01T12:00:00Z
nf run add 10 --date 2026-03-02 --duration 55:00 --numb-at 7 --recover 5 --notes "tight laces, tingling at 7 km" > /dev/null
nf run add 10 --date 2026-03-05 --duration 55:00 --notes "laces loosened, no tingling" > /dev/null
nf run add 8 --date 2026-03-08 --duration 44:00 > /dev/null
nf run add 12 --date 2026-03-11 --duration 66:00 --notes "skip-eyelet lacing, fine" > /dev/null
nf report -o "$t/r.html" > /dev/null
has "$t/r.html" "notes on the latest runs without numbness"
has "$t/r.html" "2026-03-11: skip-eyelet lacing, fine"
has "$t/r.html" "2026-03-05: laces loosened, no tingling"
# newest first
python3 - "$t/r.html" <<'PY' || fail "not newest first"
import sys
s = open(sys.argv[1]).read()
assert s.index("skip-eyelet lacing") < s.index("laces loosened")
assert "the run: tight laces" in s, "the episode run's note left the history"
assert s.count("tight laces, tingling at 7 km") == 1, "the episode run's note is listed twice"
PY
