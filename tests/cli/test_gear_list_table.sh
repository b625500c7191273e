# gear list shows each pair's brand and model under a header, the columns lined up by characters
# (a brand may hold letters of more than one byte), "-" where a detail is not given.
. tests/cli/lib.sh
need python3
nf gear add ghost --brand Brooks --model "Ghost 15" --start-km 120 > /dev/null
nf gear add trail --brand "Löffler" > /dev/null
nf gear add soles --kind insoles > /dev/null
nf gear list > "$t/out"
python3 - "$t/out" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
head = lines[0]
for word in ("kind", "nickname", "brand", "model", "distance / retire", "runs", "wear"):
    assert word in head, (word, head)
rows = {l.split()[1]: l for l in lines[1:]}
assert set(rows) == {"ghost", "trail", "soles"}, rows
col = lambda line, text: line.index(text)
assert col(rows["ghost"], "Brooks") == col(head, "brand"), (head, rows["ghost"])
assert col(rows["trail"], "Löffler") == col(head, "brand"), (head, rows["trail"])
assert col(rows["ghost"], "Ghost 15") == col(head, "model"), (head, rows["ghost"])
assert col(rows["trail"], "0.0 km / 800 km") == col(rows["ghost"], "120.0 km / 800 km") == col(head, "distance")
assert rows["soles"].split()[2:4] == ["-", "-"], rows["soles"]
assert "default" in rows["ghost"] and "default" not in rows["trail"]
PY
echo ok
