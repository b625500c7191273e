# the left foot is one foot: --side both with it is refused
args: run add 10 --foot left --side both
exit: 2
err: --foot left and --side both contradict each other
