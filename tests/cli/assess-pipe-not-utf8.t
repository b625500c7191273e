# a piped line of bytes that are not UTF-8 is said to be no readable text (it was "Please type the numbers"), exit 2, nothing kept
args: assess
stdin: tests/cli/data/pipe-not-utf8.txt
exit: 2
err: standard input line 1 is not an answer to 'Do any of these apply to you now or recently?': That line is not readable text
err: it holds bytes that are not UTF-8
err: (nothing was saved)
