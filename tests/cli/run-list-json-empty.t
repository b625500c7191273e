# run list --json on an empty journal is an empty array
args: run list --json
out: []
