# the places of a choose-all question typed by a word of each, separated by commas ("ball, whole foot": the third question when both warning screens are answered none)
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --no-save
stdin: tests/cli/data/choices-by-word.txt
exit: 0
out: where the numbness or tingling is: the ball of the foot (forefoot sole), the whole foot
no-out: Please type the numbers
