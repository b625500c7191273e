# when the other answers raise the level above a warning sign's own (a swollen calf, urgent alone, with a foot that goes cold or pale on runs: a result at emergency), the sign is named as overtaken without its own timing ("be seen today"), which would read as a second, slower instruction under the emergency
env: COLUMNS=1000
args: assess --answers tests/cli/data/advice-probes/e11-dvt-calf.json --no-save
env: NO_COLOR=1
exit: 0
out: Emergency: call emergency services or go to an emergency department now.
out: Warning sign answered yes: one calf swollen, warm or tender, or painful on walking, without a knock or cramp to explain it. With your other answers it needs more than it would alone: follow the level above.
no-out: Warning sign: One swollen
no-out: be seen today
