# q mid-interview shows the result of the answers so far and keeps it marked not finished
env: COLUMNS=1000
args: assess
stdin: tests/cli/data/quit-mid-interview.txt
env: NO_COLOR=1
exit: 0
out: You stopped before the last question: what follows comes from the answers so far.
out: Most likely causes
out: kept in your journal marked not finished
