# import --json reports each file
args: import tests/cli/data/journal/run.gpx tests/cli/data/journal/ride.gpx --json
out: "imported": 1
out: "not_runs": 1
out: "status": "not_a_run"
