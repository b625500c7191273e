# the reason line names the causes that need the level only from 1% up: a calf cramp under 1% raised by a rule read as the reason to a runner who reported none
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --answers tests/cli/data/advice-probes/why-no-trace.json --no-save
exit: 0
out: Why: the chance of a cause that needs at least this level of care is
no-out: calf cramp <1%, not itself
