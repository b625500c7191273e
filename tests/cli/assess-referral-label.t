# a plan step that sends to a clinician if the steps before have not helped says after how long, and a self-care step how long to try it
env: COLUMNS=1000
args: assess --answers cases/baxter-heel-pain-worse-long-runs.json --no-save
env: NO_COLOR=1
exit: 0
out: - If it is not better, see a podiatrist or sports-medicine doctor. (after 6 weeks)
out: (try for 4 weeks)
