# a range must run upwards to a number: "-5-x" is refused, piped as an error naming its line ("30-20" refused and "10 to 20 mins" taken as 15 on a terminal: test_assess_reask_pty.sh)
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --no-save
stdin: tests/cli/data/range-refused.txt
exit: 2
err: standard input line 4: '-5-x' is not an answer to 'After you stop running, how many minutes until the feeling is back to normal (if it has not come back, how long so far)?': Please type a number (0 or more), or a range such as 20-30.
