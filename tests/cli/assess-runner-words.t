# in runner mode the same kind of result speaks to the runner
env: COLUMNS=1000
args: assess --answers cases/acs-tight-leg-not-settled-after-90-minutes.json --no-save
env: NO_COLOR=1
exit: 0
out: Emergency: call emergency services or go to an emergency department now. Do not drive yourself.
out: What to do
