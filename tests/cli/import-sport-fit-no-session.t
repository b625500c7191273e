# a FIT ride with no session message (bike cadence would pass for a run's) is judged by its speed
args: import tests/cli/data/import/ride-no-session.fit
exit: 0
err: ride-no-session.fit: 9.6 km at 8.0 m/s is not a run (faster than 6.5 m/s)
out: imported 0 runs, 1 not a run
