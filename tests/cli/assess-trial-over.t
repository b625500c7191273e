# changes to shoes and lacing tried for weeks without help: the first step books a podiatrist, and the lacing steps below it are kept without a trial period ("try for 2 weeks" again would contradict it), the plan's own referral left to that first step
env: COLUMNS=1000
args: assess --answers tests/cli/data/advice-probes/d02-laces-changes-tried-8wk.json --no-save
env: NO_COLOR=1
exit: 0
out: First: Book a podiatrist or sports-medicine doctor: numbness that has not improved after weeks of changed shoes
out:     - Loosen the laces over the numb area.
no-out: (try for
no-out: (after
