# gear add --json prints the stored gear
args: gear add soles --kind insoles --json
exit: 0
out: "kind": "insoles"
out: "retire_km": null
out: "wear": "unknown"
