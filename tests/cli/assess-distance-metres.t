# the distance question takes metres, "5000m", as run add does (one list of distance units): 5 km
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --no-save
stdin: tests/cli/data/pipe-metres.txt
exit: 0
out: distance into a run at which it usually starts: 5 km
