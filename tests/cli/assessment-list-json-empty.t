# assessment list --json on an empty journal is an empty array
args: assessment list --json
exit: 0
out: []
