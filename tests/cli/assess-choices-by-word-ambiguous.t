# a word that more than one choice holds ("toes": all the toes, the third and fourth toes, the big toe) is asked again, not guessed
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --no-save
stdin: tests/cli/data/choices-by-word-ambiguous.txt
exit: 0
out: Please type the numbers of all that apply, for example 2 5 (or their names, separated by commas).
no-out: where the numbness or tingling is: all the toes
