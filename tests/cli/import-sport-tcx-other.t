# TCX Sport="Other" says nothing: a ski tour's cadence (50 a foot, 100 steps per minute) is not a run's
args: import tests/cli/data/import/ski-other.tcx
exit: 0
err: ski-other.tcx:3: a cadence of 100 steps per minute is not a run's (120 or more); '--sport run' to keep it
out: imported 0 runs, 1 not a run
