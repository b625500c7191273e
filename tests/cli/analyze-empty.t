# analyze on an empty journal derives nothing and says what to log first
args: analyze --now 2026-04-01
exit: 0
out: What your journal shows (as of 2026-04-01T00:00:00Z)
out: Nothing yet
out: No episodes are logged yet
