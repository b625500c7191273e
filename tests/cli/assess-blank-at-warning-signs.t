# piped, a blank line at the warning signs is not "none", and not asked again (the next line would answer it): an error naming the line, nothing saved (on a terminal it is asked again: test_assess_reask_pty.sh)
env: COLUMNS=1000
args: assess
stdin: tests/cli/data/blank-then-redflag.txt
env: NO_COLOR=1
exit: 2
err: assess: standard input line 1: '' is not an answer to 'Do any of these apply to you now or recently?': Nothing typed: type the numbers of those that apply (for example 1 3), 0 if none of them apply, or ? if you are not sure. (nothing was saved)
no-out: STOP RUNNING AND GET EMERGENCY CARE NOW
no-out: question 2
