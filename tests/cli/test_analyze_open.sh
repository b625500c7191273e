# A finding that is a "no" short of significance (no difference seen) is shown by analyze as left
# open, as assess --from-journal shows it and leaves it to the interview, not as a plain "no"; the
# JSON marks it "open".
. tests/cli/lib.sh
export COLUMNS=1000 NO_COLOR=1 NUMBFOOT_NOW=2026-04-01T12:00:00Z
tmp=$t
nf() { "$NUMBFOOT" "$@" --db "$tmp/j.db"; }
i=0
for d in 01 03 05 07 09 11 13 15 17 19 21 23; do
	i=$((i + 1))
	if [ $((i % 2)) -eq 1 ]; then numb="--numb-at 6"; else numb=""; fi
	nf run add 10 --date 2026-03-$d --duration 50:00 $numb >/dev/null 2>&1 || fail "run add 2026-03-$d"
done
nf analyze > "$tmp/an.txt"
grep -q "worse_with_pace  *left open: no difference seen" "$tmp/an.txt" || fail "analyze: $(grep -A1 worse_with_pace "$tmp/an.txt")"
if grep -q "worse_with_pace  *no$" "$tmp/an.txt"; then fail "analyze shows an open finding as no"; fi
nf analyze --json | python3 -c '
import json, sys
f = json.load(sys.stdin)["findings"]["worse_with_pace"]
assert f["open"] is True and f["value"] is False, f'
