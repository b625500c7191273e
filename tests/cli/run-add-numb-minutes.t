# run add --numb-at 25min records the onset in minutes
args: run add 10 --numb-at 25min --json
out: "onset_min": 25.0
out: "onset_km": null
