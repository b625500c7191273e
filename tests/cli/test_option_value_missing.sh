# An option whose value was left out does not take the next option (or "--") as its value: the
# note "--json" was stored and the output was text, not JSON. Refused, exit 2, nothing stored;
# the value is still given with '='.
. tests/cli/lib.sh
nf gear add ghost > /dev/null
nf run add 5 --date 2026-10-01 > /dev/null
snapshot
refused "--notes needs TEXT before '--json'" run add --date 2026-10-04 --notes --json 5
refused "--notes needs TEXT before '--'" run add --date 2026-10-03 --notes -- 5
refused "--notes needs TEXT before '--date=2026-10-02'" run add --notes --date=2026-10-02 5
refused "--shoes needs NICKNAME before '--json'" run edit 1 --shoes --json
refused "--notes needs TEXT before '--foot'" episode add last --notes --foot left
refused "--brand needs TEXT before '--model'" gear add pegasus --brand --model X
refused "--date needs DATE before '--'" gear retire ghost --date -- 
# Given with '=', such a value is the value.
nf run add 5 --date 2026-10-05 --notes=--json > "$t/out"
has "$t/out" "added run 2"
nf run show 2 > "$t/out"
has "$t/out" "notes      --json"
# A value that starts with "--" but is no option of the command is taken as it is.
nf run add 5 --date 2026-10-06 --notes --not-an-option > /dev/null
nf run show 3 > "$t/out"
has "$t/out" "notes      --not-an-option"
