# a bad time of day is refused
args: run add 10 --time 25:00
exit: 2
err: --time: '25:00' is not a time of day (HH:MM)
