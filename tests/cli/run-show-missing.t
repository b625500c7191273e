# run show of a missing run is a usage error
args: run show 5
exit: 2
err: no run with id 5
