# run edit and episode edit with nothing to change said "updated", exit 0; as gear edit, they say
# "nothing to change" and name what can change, exit 2, and the journal is as it was.
. tests/cli/lib.sh
nf run add 5 --date 2026-11-01 --numb-at 3 > /dev/null
snapshot
refused "run edit: nothing to change: give one of --distance, --date" run edit 1
refused "run edit: nothing to change" run edit last --json
refused "run edit: nothing to change" run edit 1 --force --miles
refused "episode edit: nothing to change: give one of --at, --where" episode edit 1
refused "episode edit: nothing to change" episode edit 1 --miles --json
lacks "$t/out" "updated"
# One change is a change.
nf run edit 1 --notes "felt fine" > "$t/out"
has "$t/out" "updated run 1"
nf episode edit 1 --severity 3 > "$t/out"
has "$t/out" "updated episode 1"
