# a TCX distance of 1e300 m is refused, naming the file; nothing written from it
args: import tests/cli/data/import/distance-1e300.tcx
exit: 2
err: distance-1e300.tcx:3: a distance of 1e+297 km is more than any run (1000 km): refused
out: imported 0 runs, 1 failed
