# a lacing story gives JSON with the triage, the ranking and the disclaimer
args: assess --answers tests/cli/data/laces.json --json
exit: 0
out: "level": "self_care"
out: "id": "shoe_compression"
out: "disclaimer": "numbfoot informs; it does not diagnose.
