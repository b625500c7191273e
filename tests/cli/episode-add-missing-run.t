# episode add on a missing run is a usage error
args: episode add 3 --severity 2
exit: 2
err: no run with id 3
