# eval --interview asks the second warning-sign screen too: a foot wound answered only there makes the case urgent
args: eval --interview --json tests/cli/data/warning-second
exit: 0
out: "triage": "urgent"
out: "under_triage": 0
