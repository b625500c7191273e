# export writes JSON with gear and runs
args: export
out: "numbfoot_journal": 6
out: "gear": []
out: "runs": []
