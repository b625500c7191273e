# piped, a number past the knowledge base's range (age 121) is an error with the range, naming its line (asked again on a terminal, in the unit typed: test_assess_reask_pty.sh)
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --no-save
stdin: tests/cli/data/age-past-range.txt
exit: 2
err: standard input line 14: '121' is not an answer to 'How old are you?': Please type a number from 0 to 120 years.
