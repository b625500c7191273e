# in clinician mode the interview's opening speaks to the clinician, and says the history questions' "you" is the runner (an outside read found them addressed to the patient under results that say "the runner")
args: assess --clinician --no-save
stdin: tests/cli/data/clinician-quit-early.txt
env: NO_COLOR=1
env: COLUMNS=1000
exit: 0
out: numbfoot asks about the runner's numbness or tingling on runs
out: The history questions say "you" for the runner: answer as they told you.
no-out: numbfoot asks about the numbness or tingling in your feet
