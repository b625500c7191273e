# a duration of more digits than a number holds was read wrapped round, as zero: it is past the range
args: run add 10 --duration 4294967296
exit: 2
err: --duration: '4294967296' is out of range (0:01 to 99:59:59)
