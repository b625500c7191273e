# eval's calibration on a suite whose posteriors are worked by hand from tests/unit/data/kb.json
# (priors laces 0.6, disc 0.3, clot 0.05, other 0.05; relief yes 0.8, 0.1, 0.05 and default 0.3,
# each mixed 95:5 with the default by the leak):
#   no answers:   laces leads with 0.6                          (cases a: right, b: wrong)
#   relief yes:   laces 0.6 x 0.775 / 0.516125 = 0.900944       (case c: right; f is not ranked)
#   relief no:    disc 0.3 x 0.89 / 0.483875 = 0.551795 leads   (case d: right, e: wrong; g: laces
#                 expected with disc acceptable, a top1 hit, but the leading cause is not the
#                 expected one, which is what its probability is about, so wrong for calibration)
# bins: [0.5, 0.6) 3 cases, observed 1/3; [0.6, 0.7) 2 cases, 0.5; [0.9, 1] 1 case, 1.0;
# ece = (3 x 0.218462 + 2 x 0.1 + 1 x 0.099056) / 6 = 0.159073.
set -eu
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
kb="--kb tests/unit/data/kb.json --vocab tests/unit/data/vocab.json"
# shellcheck disable=SC2086
"$NUMBFOOT" eval $kb --json tests/cli/data/calibration > "$tmp/e.json"
# shellcheck disable=SC2086
"$NUMBFOOT" eval $kb tests/cli/data/calibration > "$tmp/e.txt"
grep -q "6 ranked: top1 0.667, top3 1.000, brier [0-9.]*, ece 0.159$" "$tmp/e.txt" || { echo "text lacks the ece"; cat "$tmp/e.txt"; exit 1; }
python3 - "$tmp/e.json" <<'PY'
import json, sys
e = json.load(open(sys.argv[1]))
for k in ("cases", "ranked_cases", "top1", "top3", "triage_exact", "triage_safe", "under_triage",
          "emergency_missed", "brier", "mean_questions", "mean_findings_asked", "per_case"):
    assert k in e, "eval lost the contract key " + k
cal = e["calibration"]; bins = cal["bins"]
assert len(bins) == 10 and [(b["from"], b["to"]) for b in bins] == [(i / 10, (i + 1) / 10) for i in range(10)]
laces_yes = 0.6 * 0.775 / (0.6 * 0.775 + 0.3 * 0.11 + 0.05 * 0.0625 + 0.05 * 0.3)
disc_no = 0.3 * 0.89 / (0.6 * 0.225 + 0.3 * 0.89 + 0.05 * 0.9375 + 0.05 * 0.7)
want = {5: (3, disc_no, 1 / 3), 6: (2, 0.6, 0.5), 9: (1, laces_yes, 1.0)}
for i, b in enumerate(bins):
    n, mean, obs = want.get(i, (0, None, None))
    assert b["count"] == n, (i, b)
    if n:
        assert abs(b["mean_predicted"] - mean) < 1e-5 and abs(b["observed"] - obs) < 1e-6, (i, b, mean)
    else:
        assert b["mean_predicted"] is None and b["observed"] is None, (i, b)
ece = (3 * abs(disc_no - 1 / 3) + 2 * 0.1 + abs(laces_yes - 1)) / 6
assert abs(cal["ece"] - ece) < 1e-5, (cal["ece"], ece)
assert abs(ece - 0.159073) < 1e-6
print("ok   calibration bins and ece as worked by hand (ece %.6f)" % ece)
# What chance alone gives an exactly calibrated engine at these six leading probabilities, worked
# over all 64 ways the six can come out right or wrong; eval draws 2000 rounds, whose mean is
# within 0.01 of it (its standard error is under 0.003) and whose 95th percentile is one of the
# 64 ece values, between the exact 90th and 99th percentiles.
import itertools
ps = [0.6, 0.6, laces_yes, disc_no, disc_no, disc_no]
def ece_of(ys):
    bins = {}
    for p, y in zip(ps, ys):
        b = bins.setdefault(min(int(p * 10 + 1e-9), 9), [0, 0.0, 0])
        b[0] += 1; b[1] += p; b[2] += y
    return sum(abs(b[1] / b[0] - b[2] / b[0]) * b[0] for b in bins.values()) / len(ps)
dist = []
for ys in itertools.product((0, 1), repeat=6):
    w = 1.0
    for p, y in zip(ps, ys):
        w *= p if y else 1 - p
    dist.append((ece_of(ys), w))
exact = sum(v * w for v, w in dist)
def quantile(q):
    acc = 0
    for v, w in sorted(dist):
        acc += w
        if acc >= q:
            return v
ch = cal["ece_if_calibrated"]
assert abs(ch["mean"] - exact) < 0.01, (ch, exact)
assert any(abs(ch["p95"] - v) < 1e-5 for v, _ in dist), ch
assert quantile(0.90) - 1e-9 <= ch["p95"] <= quantile(0.99) + 1e-9, (ch, quantile(0.90), quantile(0.99))
print("ok   ece by chance alone: mean %.4f (exact %.4f), 95th percentile %.4f" % (ch["mean"], exact, ch["p95"]))
PY
grep -q "^calibration: an exactly calibrated engine would show ece 0\.[0-9]* by chance here" "$tmp/e.txt" || { echo "text lacks the chance ece"; exit 1; }
