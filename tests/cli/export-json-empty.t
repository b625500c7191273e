# export writes JSON with gear and runs
args: export
out: "numbfoot_journal": 5
out: "gear": []
out: "runs": []
