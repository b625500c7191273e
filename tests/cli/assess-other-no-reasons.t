# the catch-all ("Another cause") gives what it stands for, not reasons: it takes every answer's default, so an answer moves it only by moving the listed causes the other way
env: COLUMNS=1000
args: assess --answers tests/cli/data/other-in-the-list.json --no-save
exit: 0
out: Another cause
out: A cause outside this list, such as Joplin's neuroma
