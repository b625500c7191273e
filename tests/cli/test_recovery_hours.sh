# Episodes whose feeling took hours to come back: --recover takes at most the knowledge base's
# range for resolve_minutes (43200 min, 30 days), and assess --from-journal gets the minutes and
# "it does not go away after stopping" (no longer self-care for numbness that lasted days).
. tests/cli/lib.sh
export NO_COLOR=1 NUMBFOOT_NOW=2026-03-01T00:00:00Z
nf gear add blue > /dev/null
for d in 05 09; do
	nf run add 10 --date 2026-02-$d --duration 50:00 --numb-at 6 --recover 600 > /dev/null 2>&1
done
rc=0; nf episode edit 1 --recover 100000 2> "$t/err" || rc=$?
[ "$rc" = 2 ] || fail "--recover 100000: exit $rc, wanted 2"
grep -q -- "--recover: 100000 is out of range (0 to 43200)" "$t/err" || fail "message: $(cat "$t/err")"
nf episode edit 2 --recover 2880 > /dev/null
nf analyze > "$t/an"
grep -q "resolves_on_stopping   no" "$t/an" || fail "analyze: $(cat "$t/an")"
tr -s ' \n' ' ' < "$t/an" | grep -q "feeling took more than an hour to come back in 2 of the 2 episodes" ||
	fail "evidence: $(cat "$t/an")"
nf assess --from-journal --yes --json --no-save > "$t/out.json"
python3 - "$t/out.json" <<'PY'
import json, sys
o = json.load(open(sys.argv[1]))
a = o["answers"]
assert a.get("resolves_on_stopping") is False, a
assert a.get("resolve_minutes") == 1740, a
assert o["triage"]["level"] != "self_care", o["triage"]
PY
echo ok
