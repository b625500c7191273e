# a run dated after today is refused: it has not been run yet
args: run add 10 --date 2199-01-01
exit: 2
err: --date: 2199-01-01 is in the future
