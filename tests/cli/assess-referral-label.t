# a plan step that sends to a clinician if the steps before have not helped says after how long, and a self-care step how long to try it (3 weeks since onset: every step's weeks are ahead; tests/cli/assess-plan-weeks-passed.t has them passed)
env: COLUMNS=1000
args: assess --answers tests/cli/data/neuroma-3-weeks.json --no-save
env: NO_COLOR=1
exit: 0
out: - If it is not better, see a podiatrist or sports-medicine doctor (injection or, rarely, surgery). (after 6 weeks)
out: (try for 4 weeks)
