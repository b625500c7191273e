# a clinician's test result already given changes the plan: an ankle pressure index after maximal exercise under 0.48 is read (endofibrosis, a vascular surgeon for imaging), not asked for again
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --answers tests/cli/data/advice-probes/c20-endofibrosis-abi-in-hand.json --no-save
exit: 0
out: The ankle pressure index after maximal exercise is under 0.48
no-out: ask for ankle pressures after a maximal exercise test
