# a level an escalation rule sets (a tight leg whose numbness has not settled 90 minutes after the run) is explained by the answers the rule asks for, and a cause that needs the level only by that rule is said so
env: COLUMNS=1000
args: assess --answers cases/acs-tight-leg-not-settled-after-90-minutes.json --no-save
env: NO_COLOR=1
exit: 0
out: Why: your answers (minutes after stopping until feeling is normal again: 90 minutes; a tight, pressure-like or burning pain in the shin or calf builds during the run: yes) call for this level; with them, the chance of a cause that needs at least this level of care is
out: Chronic exertional compartment syndrome
out: , not itself at this level but raised to it by your answers; others together
