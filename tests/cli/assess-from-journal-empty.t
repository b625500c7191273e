# assess --from-journal on an empty journal says so, then asks as usual and keeps the result
args: assess --from-journal --now 2026-04-01
stdin: tests/cli/data/all-unknown.txt
env: NO_COLOR=1
exit: 0
out: does not yet hold enough to answer any question
out: Most likely causes
out: This assessment is kept in your journal
