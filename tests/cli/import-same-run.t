# the same activity as FIT and as TCX (start 4 s apart, distance 0.6% apart) is one run, not two; the file skipped is named as given, as in the lines before
args: import tests/cli/data/import/same-run.fit tests/cli/data/import/same-run.tcx
exit: 0
err: skipped: tests/cli/data/import/same-run.tcx: the same run as run 1 (a start within 60 s, a distance within 2%)
out: imported 1 run, 1 the same as a run from another file
