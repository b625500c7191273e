# Numb toes in shoes that feel tight, in one pair only, or in feet that swell on long runs: the plan
# starts with room (the toe box, a wider model or a half size up) and with that pair, before lacing
# (it began "Loosen the laces over the numb area", the toe box third; dossier §3.2, §5); the fit
# step is not given twice.
. tests/cli/lib.sh
export NO_COLOR=1 COLUMNS=1000
nf assess --answers tests/cli/data/advice-probes/tight-shoes-toes-one-pair.json --no-save > "$t/out"
has "$t/out" "Self-care first"
lacks "$t/out" "Check the fit late in the day: about a thumb's width"
line() { grep -nF -- "$1" "$t/out" | head -1 | cut -d: -f1; }
room=$(line "- Your shoes feel tight, so the first change is room, not lacing")
pair=$(line "- It comes in one pair only: run in your other pairs meanwhile")
laces=$(line "- Loosen the laces over the numb area")
[ -n "$room" ] && [ -n "$pair" ] && [ -n "$laces" ] || { cat "$t/out"; fail "a step is missing"; }
[ "$room" -lt "$pair" ] && [ "$pair" -lt "$laces" ] || { cat "$t/out"; fail "order: room $room, pair $pair, laces $laces"; }
# Feet that swell on long or hot runs, in shoes that do not feel tight: room for those runs first too.
nf assess --answers tests/cli/data/advice-probes/swelling-toes-shoes-not-tight.json --no-save > "$t/out"
lacks "$t/out" "Check the fit late in the day: about a thumb's width"
lacks "$t/out" "Your shoes feel tight"
swell=$(line "- Your feet swell on long or hot runs: for those runs choose a roomier toe box")
laces=$(line "- Loosen the laces over the numb area")
[ -n "$swell" ] && [ -n "$laces" ] && [ "$swell" -lt "$laces" ] || { cat "$t/out"; fail "order: swelling $swell, laces $laces"; }
