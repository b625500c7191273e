# numbness gone in 15 minutes, or hours long on a run a week before the clock, is no warning sign when the run is added
env: NUMBFOOT_NOW=2026-12-07T18:00:00Z COLUMNS=1000 NO_COLOR=1
args: run add 30 --date 2026-11-30 --duration 2:50:00 --numb-at 25 --recover 360
exit: 0
out: with episode 1 of numbness
no-out: Warning sign
