# --json: the warning sign's causes come with it, the likeliest of them first
args: assess --answers tests/cli/data/saddle-rest-no.json --no-save --json
exit: 0
out: "points_to": [
out: "id": "cauda_equina"
