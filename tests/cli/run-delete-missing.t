# run delete of a missing run is a usage error
args: run delete 3
exit: 2
err: no run with id 3
