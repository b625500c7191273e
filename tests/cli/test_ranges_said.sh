# The range a refusal states is the one taken: --hr 300 said "0 to 250" though 39 is refused
# ("40 or more"), and --distance -3 said "(0 to 1000 km)" though 0 is refused too. An onset past a
# run's end by less than the two decimals show ("9.98 km past 9.98 km") is shown in metres.
. tests/cli/lib.sh
nf run add 10 --date 2026-11-01 --duration 50:00 > /dev/null
snapshot
refused "--hr: 300 is out of range (40 to 250)" run edit 1 --hr 300
refused "--hr: 39 bpm is not a runner's average (40 to 250" run edit 1 --hr 39
refused "--distance: '-3' is out of range (more than 0 to 1000 km)" run edit 1 --distance -3
refused "--hr: 300 is out of range (40 to 250)" run add 5 --date 2026-11-02 --hr 300
# 0 is taken where it is a distance (an onset at the start), so its range says 0.
refused "--at: '-1' is out of range (0 to 1000 km)" episode add 1 --at -1
nf run add 9.9779 --date 2026-11-03 --duration 50:00 > /dev/null
snapshot
set +e
nf episode add 2 --at 9.98 > "$t/out" 2> "$t/err"
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "onset past the end: exit $rc"
has "$t/err" "an onset at 9.980 km is past the end of run 2 (9.978 km)"
set +e
nf episode add 2 --at 10.5 > "$t/out" 2> "$t/err"
set -e
has "$t/err" "an onset at 10.50 km is past the end of run 2 (9.98 km)"
echo ok
