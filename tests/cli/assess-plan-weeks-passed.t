# a neuroma of 16 weeks under "book a podiatrist": the plan's referral reads as due now, not "(after 6 weeks)" as if the clock started today; its trials, whose weeks count from a change not said to be tried, keep theirs
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --answers tests/cli/data/neuroma-16-weeks.json --no-save
exit: 0
out: Routine: book a podiatrist
out: see a podiatrist or sports-medicine doctor (injection or, rarely, surgery). (now: it has been 16 weeks, more than the 6 weeks to wait)
out: (try for 4 weeks)
no-out: (after 6 weeks)
