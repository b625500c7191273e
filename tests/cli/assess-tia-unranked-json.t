# the JSON result of a passed TIA says the causes are not ranked and why (triage.ranked, triage.unranked_words), and names stroke first among what the sign points to; the ranking stays for scripts
args: assess --answers tests/cli/data/tia-passed.json --json --no-save
exit: 0
out: "ranked": false
out: "unranked_words": "Not ranked: the warning sign is an emergency
out: "points_to": [
out: "id": "stroke",
out: "ranking": [
