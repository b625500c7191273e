# run add accepts miles with a unit suffix
args: run add 6.2mi --json
out: "distance_m": 9977.9328
