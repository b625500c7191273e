# a range must run upwards to a number ("30-20" and "-5-x" are asked again); "10 to 20 mins" is taken as 15 at the minutes question (question 11 when every answer before is "?")
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --no-save
stdin: tests/cli/data/range-refused.txt
exit: 0
out: Please type a number (0 or more).
out: Taken as 15, the middle of the range.
out: minutes after stopping until feeling is normal again: 15 minutes
