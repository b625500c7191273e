# an unanswered finding that is no warning sign in itself, listed because its yes would complete a rule for every cause (calf pain that eases on stopping, once numbness has not come back), is said to count together with the answers it completes the rule with, named (numbness not back hours later), not as an emergency of its own; the cold-injury step names how to warm the feet
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --answers tests/cli/data/cold-injury-not-settled.json --no-save
exit: 0
out: - cramping calf pain while running that eases within minutes of stopping (together with numbness that began on a run has not come back to normal hours later, as you answered)
out: non-freezing cold injury
