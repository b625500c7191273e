#!/bin/sh
# Miles in every face: the knowledge base's kilometres in the plan get their miles beside them
# (terminal, JSON words, report), the JSON's numbers stay in km, analyze's value column is in the
# runner's unit, and one distance rounded "about" is the same number in every line.
. tests/cli/lib.sh
export NUMBFOOT_NOW=2026-12-01
# Shoes at 950 km: the plan says "These shoes are past 800 km".
case=$t/worn.json
cat > "$case" <<'JSON'
{"id": "worn-950", "mode": "runner", "expected": {"condition": "worn_cushioning", "triage": "self_care"},
 "answers": {"age": 42, "sex": "female", "location": ["ball", "toes_all"], "side": "both", "shoe_km": 950,
             "resolves_on_stopping": true, "resolve_minutes": 5, "weeks_since_onset": 6}}
JSON

nf assess --answers "$case" --no-save > "$t/km.txt"
has "$t/km.txt" "past 800 km,"
lacks "$t/km.txt" " mi)"

mkdir -p "$t/config/numbfoot"
echo "units = mi" > "$t/config/numbfoot/config"
nf assess --answers "$case" --no-save > "$t/mi.txt"
has "$t/mi.txt" "past 800 km (500 mi),"
nf assess --answers "$case" --no-save --json > "$t/mi.json"
has "$t/mi.json" "past 800 km (500 mi),"
has "$t/mi.json" '"shoe_km": 950'

# A pair past its check distance whose numbness began after 15 clean runs: 852 km, 529 mi.
nf gear add clifton --start-km 700 --first-use 2026-06-01 > /dev/null
nf gear add other --first-use 2026-06-01 > /dev/null
for i in $(seq 1 30); do
	d=$(date -u -d "2026-07-01 + $((i * 3)) days" +%F)
	if [ "$i" -le 15 ]; then nf run add 9.5km --date "$d" --shoes clifton > /dev/null 2>&1
	else nf run add 9.5km --date "$d" --shoes clifton --numb-at $((3 + i % 4))km > /dev/null 2>&1; fi
done
for i in $(seq 1 8); do
	nf run add 8km --date "$(date -u -d "2026-07-02 + $((i * 5)) days" +%F)" --shoes other > /dev/null
done
echo "units = km" > "$t/config/numbfoot/config"
nf analyze > "$t/an.txt"
echo "units = mi" > "$t/config/numbfoot/config"
grep -Eq '^  shoe_km +919$' "$t/an.txt" || { cat "$t/an.txt"; fail "km value column"; }
nf analyze --miles > "$t/an-mi.txt"
grep -Eq '^  shoe_km +571 mi$' "$t/an-mi.txt" || { cat "$t/an-mi.txt"; fail "shoe_km not in miles"; }
grep -Eq '^  weekly_km +[0-9.]+ mi$' "$t/an-mi.txt" || { cat "$t/an-mi.txt"; fail "weekly_km not in miles"; }
# The evidence and the advice say the same "about" (they said 530 and 528).
[ "$(grep -o 'had run about [0-9]* mi' "$t/an-mi.txt" | sort -u)" = "had run about 530 mi" ] ||
	{ cat "$t/an-mi.txt"; fail "one distance, two roundings"; }

# The report's plan in miles, from the journal alone, and from an assessment saved with its words
# in miles already (said once).
nf report -o "$t/r.html" > /dev/null
has "$t/r.html" "past 800 km (500 mi),"
nf assess --from-journal --yes > "$t/saved.txt" < /dev/null
has "$t/saved.txt" "past 800 km (500 mi),"
nf report -o "$t/r2.html" > /dev/null
has "$t/r2.html" "past 800 km (500 mi),"
lacks "$t/r2.html" "(500 mi) (500 mi)"
