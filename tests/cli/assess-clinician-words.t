# in clinician mode the result speaks to the clinician: the level as what to arrange, the warning sign as found, and the plan as what to advise the runner
env: COLUMNS=1000
args: assess --answers tests/cli/data/clinician-weak-dorsiflexion.json --no-save
env: NO_COLOR=1
exit: 0
out: Urgent: to be seen by
out: within 24 to 48 hours; advise no running until then.
out: Why: a warning sign was answered yes.
out: What to advise the runner
