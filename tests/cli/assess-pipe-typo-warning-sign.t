# piped, an unreadable answer to the warning signs ("3.") is an error (exit 2, nothing saved), not asked again so that the next line ("0", meant for the next screen) answers the warning signs "none"
env: COLUMNS=1000
env: NO_COLOR=1
args: assess
stdin: tests/cli/data/pipe-typo-warning-sign.txt
exit: 2
err: assess: standard input line 1: '3.' is not an answer to 'Do any of these apply to you now or recently?': Please type the numbers of the items that apply (1 to 8), for example 1 3 (1 3 ? if you are not sure of the others), or 0 for none, or ? if you are not sure. (nothing was saved)
no-out: question 2
no-out: Most likely causes
no-out: kept in your journal
