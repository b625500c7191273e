# a FIT file whose sport is generic is judged by its sub-sport: treadmill is a run, road cycling is not
args: import tests/cli/data/import/treadmill-generic.fit tests/cli/data/import/road-generic.fit --json
exit: 0
out: "imported": 1
out: "message": "tests/cli/data/import/road-generic.fit: not a run: its sub-sport is road; '--sport run' to keep it"
