# An episode's onset is shown in every listing of episodes: run show left out an onset given in
# minutes ("episode 2" for "at 40 min"), and episode list rounded 0.5 min to "at 0 min".
. tests/cli/lib.sh
nf run add 10 --date 2026-11-01 --duration 1:00:00 --numb-at 8 --foot left > /dev/null
nf episode add last --at 40min > "$t/out"
has "$t/out" "added episode 2 on run 1: at 40 min"
nf episode add last --at 0.5min --recover 0.25 > "$t/out"
has "$t/out" "added episode 3 on run 1: at 30 s, gone after 15 s"
nf episode add last --at 2.5min > /dev/null
nf run show 1 > "$t/out"
has "$t/out" "numbness   episode 1 at 8.00 km, left foot"
has "$t/out" "numbness   episode 2 at 40 min"
has "$t/out" "numbness   episode 3 at 30 s"
has "$t/out" "numbness   episode 4 at 2.5 min"
nf episode list > "$t/out"
has "$t/out" "episode 2 on run 1: at 40 min"
has "$t/out" "episode 3 on run 1: at 30 s"
has "$t/out" "episode 4 on run 1: at 2.5 min"
lacks "$t/out" "at 0 min"
lacks "$t/out" "at 3 min"
