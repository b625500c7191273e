# abnormal nerve studies already given for a tarsal tunnel story turn the plan to where the nerve is pressed (imaging, release), not "if needed, nerve studies"
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --answers tests/cli/data/advice-probes/c21-tarsal-tunnel-ncs-in-hand.json --no-save
exit: 0
out: The nerve studies show the nerve at the inner ankle affected
no-out: if needed, nerve studies
