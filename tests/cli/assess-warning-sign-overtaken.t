# when the other answers raise the level above a warning sign's own (a swollen calf, urgent alone, with a foot that goes cold or pale on runs: a result at emergency), the sign's words are introduced as overtaken, so its own timing ("be seen today") is not read as the level
env: COLUMNS=1000
args: assess --answers tests/cli/data/advice-probes/e11-dvt-calf.json --no-save
env: NO_COLOR=1
exit: 0
out: Emergency: call emergency services or go to an emergency department now.
out: Warning sign (alone it would need less; with your other answers, follow the level above): One swollen, warm or tender calf
no-out: Warning sign: One swollen
