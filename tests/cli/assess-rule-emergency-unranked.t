# an emergency set by a rule for every cause whose own cause does not lead the ranking (a tight leg not back hours later: acute compartment syndrome, under the chronic form) shows no list: the first step names it, and the rule's answers are the reason
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --answers tests/cli/data/not-settled-tight-leg.json --no-save
exit: 0
out: Why: your answers (numbness that began on a run has not come back to normal hours later: yes; a tight, pressure-like or burning pain in the shin or calf builds during the run: yes) call for this level whatever the cause.
out: Not ranked: these answers together are an emergency whatever the cause, and what they can mean, named in the first step, comes first
out: may be acute compartment syndrome
no-out: likeliest first
no-out: ####
