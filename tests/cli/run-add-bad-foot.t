# --foot takes left, right or both; anything else is refused before the journal is opened
args: run add 10 --numb-at 5 --foot middle
exit: 2
err: --foot: 'middle' must be left, right or both
