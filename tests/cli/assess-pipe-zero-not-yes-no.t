# piped, a 0 at a yes-or-no question (after the checklists' "0 for none") is an error naming the line and what the question takes, not asked again: the next line would answer it
env: COLUMNS=1000
env: NO_COLOR=1
args: assess
stdin: tests/cli/data/zeros.txt
exit: 2
err: assess: standard input line 3: '0' is not an answer to 'Does it go away after you stop running?': Please answer y or n (or ? if you do not know). (nothing was saved)
no-out: Most likely causes
