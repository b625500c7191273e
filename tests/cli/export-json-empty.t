# export writes JSON with gear and runs
args: export
out: "numbfoot_journal": 4
out: "gear": []
out: "runs": []
