# a GPX that names no sport is judged by its data: 28.5 km at 7.6 m/s is no run, and the reason is given
args: import tests/cli/data/import/ride-no-type.gpx tests/cli/data/import/run-no-type.gpx
exit: 0
err: ride-no-type.gpx: 28.5 km at 7.6 m/s is not a run (faster than 6.5 m/s); '--sport run' to keep it
out: imported 1 run, 1 not a run
