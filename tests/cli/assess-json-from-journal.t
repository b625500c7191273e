# assess --from-journal --yes --json prints the result at once
args: assess --from-journal --yes --json --no-save
exit: 0
out: "triage": {
out: "disclaimer":
