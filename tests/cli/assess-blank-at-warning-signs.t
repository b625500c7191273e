# a blank line at the warning signs is not "none": the screen is asked again, and the sign typed next counts
env: COLUMNS=1000
args: assess --no-save
stdin: tests/cli/data/blank-then-redflag.txt
env: NO_COLOR=1
exit: 0
out: Nothing typed: type the numbers of those that apply (for example 1 3), 0 if none of them apply, or ? if you are not sure.
out: STOP RUNNING AND GET EMERGENCY CARE NOW
no-out: question 2
