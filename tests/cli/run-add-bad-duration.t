# a duration with 75 seconds is refused
args: run add 10 --duration 5:75
exit: 2
err: --duration: '5:75' is not a duration
