# run edit of a missing run is a usage error
args: run edit 3 --distance 5
exit: 2
err: no run with id 3
