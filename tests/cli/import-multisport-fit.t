# every running session of a multisport FIT is a run of its own; the ride between them is named
args: import tests/cli/data/import/brick.fit --json
exit: 0
out: "imported": 2
out: "source_file": "brick.fit#2"
out: "tests/cli/data/import/brick.fit: session 2: not a run: cycling (left out)"
