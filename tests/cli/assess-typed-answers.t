# answers as people type them: "not sure" and "dunno" for don't know, a range ("10-20") taken at its middle and said so, a choice by the start of its name ("bo" for both feet)
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --no-save
stdin: tests/cli/data/typed-answers.txt
exit: 0
out: Taken as 15, the middle of the range.
out: minutes after stopping until feeling is normal again: 15 minutes
out: one foot or both feet: both feet
no-out: Please type a number
no-out: Please answer y or n
no-out: Please type the number
