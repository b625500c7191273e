# a word that more than one choice holds ("toes": all the toes, the third and fourth toes, the big toe) is not guessed: piped, it is an error naming the line (on a terminal it is asked again: test_assess_reask_pty.sh)
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --no-save
stdin: tests/cli/data/choices-by-word-ambiguous.txt
exit: 2
err: standard input line 5: 'toes' is not an answer to 'Where do you feel the numbness or tingling? Choose all that apply.': Please type the numbers of all that apply, from 1 to 12, for example 2 5 (or their names, separated by commas).
no-out: where the numbness or tingling is: all the toes
