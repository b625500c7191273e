# a duration past the longest taken (100 hours) says the range taken, not "not a duration"
args: run add 10 --duration 100:00:00
exit: 2
err: --duration: '100:00:00' is out of range (0:01 to 99:59:59)
