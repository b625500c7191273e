# a level set by a rule for every cause is explained by the rule's answers "whatever the cause", without naming the causes it raised as if they needed it, and the ranking is introduced as coming after them, without percentages or bars
env: COLUMNS=1000
args: assess --answers tests/cli/data/not-settling-urgent.json --no-save
env: NO_COLOR=1
exit: 0
out: Why: your answers (it goes away after stopping running: no) call for this level whatever the cause.
out: Causes of the numbness on runs, likeliest first (no percentages: the advice above follows from your answers, whichever of these is the cause)
no-out: ####
no-out: %)
no-out: raised to it by your answers
no-out: the chance of a cause that needs
