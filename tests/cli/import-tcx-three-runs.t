# a TCX holding three runs gives three runs
args: import tests/cli/data/import/three-runs.tcx
exit: 0
out: imported 3 runs
