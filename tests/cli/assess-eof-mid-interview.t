# input that ends mid-interview (Ctrl-D, or a pipe run dry) shows the answers so far and keeps them marked not finished
env: COLUMNS=1000
args: assess
stdin: tests/cli/data/eof-mid-interview.txt
env: NO_COLOR=1
exit: 0
out: The input ended before the last question: what follows comes from the answers so far.
out: Most likely causes
out: kept in your journal marked not finished
no-out: This assessment is kept in your journal (numbfoot report
