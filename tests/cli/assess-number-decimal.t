# an interview number is decimal as the page reads it: "0x10" (hex) is refused, piped as an error naming its line ("12,5" as 12.5 on a terminal: test_assess_reask_pty.sh)
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --no-save
stdin: tests/cli/data/hex-then-comma-minutes.txt
exit: 2
out: After you stop running, how many minutes until the feeling is back to normal (if it has not come back, how long so far)?
err: standard input line 4: '0x10' is not an answer to 'After you stop running, how many minutes until the feeling is back to normal (if it has not come back, how long so far)?': Please type a number (0 or more), or a range such as 20-30.
