# a piped interview with help, back and "don't know" to everything ends with a result
args: assess
stdin: tests/cli/data/all-unknown.txt
env: NO_COLOR=1
exit: 0
out: ] question 2
out: Type ? if you do not know
out: This is the first question.
out: Most likely causes
no-out: STOP RUNNING
