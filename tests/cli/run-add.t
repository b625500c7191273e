# run add DISTANCE stores a run at the given local date and time
args: run add 10.2 --date 2026-11-28 --time 07:30 --duration 55:00 --json
env: TZ=UTC
out: "start_time": "2026-11-28T07:30:00Z"
out: "distance_m": 10200.0
out: "moving_s": 3300.0
out: "shoes": null
out: "episodes": []
