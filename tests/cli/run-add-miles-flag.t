# run add --miles reads a bare distance as miles
args: run add 1 --miles --json
out: "distance_m": 1609.344
