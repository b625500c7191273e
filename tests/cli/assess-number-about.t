# a number typed as people say it, "about 15", is taken as 15 at the minutes question (question 11 when every answer before is "?")
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --no-save
stdin: tests/cli/data/about-minutes.txt
exit: 0
out: After you stop running, how many minutes until the feeling is back to normal (if it has not come back, how long so far)?
out: minutes after stopping until feeling is normal again: 15
no-out: Please type a number
no-out: Please answer y or n
no-out: Please type the number
