# --no-save: the interview's result is not kept
args: assess --no-save
stdin: tests/cli/data/all-unknown.txt
env: NO_COLOR=1
exit: 0
out: Most likely causes
no-out: kept in your journal
