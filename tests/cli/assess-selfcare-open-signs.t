# self-care told while warning signs are still open (a case file silent on them) says it holds only if none of them applies; with every sign answered no, the plain headline
env: COLUMNS=1000
args: assess --answers tests/cli/data/advice-probes/laces-signs-answered.json --no-save
env: NO_COLOR=1
exit: 0
out: Self-care first: follow the plan, and see a podiatrist
no-out: if none of the warning signs below applies
no-out: Not asked, or not sure
