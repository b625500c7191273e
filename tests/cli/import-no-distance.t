# a recording that never moved (two points at one place half an hour apart) is no recorded run: skipped, counted among the not runs, exit 0, nothing stored
args: import tests/cli/data/import/no-distance.gpx --json
exit: 0
out: "imported": 0
out: "not_runs": 1
out: "status": "not_a_run"
out: no-distance.gpx:2: no distance (0 m in 1800 s): not a recorded run
