# a run today whose numbness took 6 hours to come back says the warning sign at once, in the assessment's words for it (not_settled_hours)
env: NUMBFOOT_NOW=2026-12-07T18:00:00Z COLUMNS=1000 NO_COLOR=1
args: run add 30 --date 2026-12-07 --duration 2:50:00 --numb-at 25 --recover 360 --severity 8
exit: 0
out: with episode 1 of numbness
out: Warning sign: feeling took 6 hours to come back after the run of 2026-12-07
out: Numbness that began on a run and has not come back to normal hours later means a nerve or its blood supply is still affected. Be seen today; with a tight, swollen or very painful leg, after a calf cramp, or with a cold foot, get emergency care now.
