# a passed TIA (face drooping with arm numbness, gone in 20 minutes) with five answers beside it: the emergency names stroke as what the sign can mean and ranks no causes, where it had ranked Morton's neuroma first
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --answers tests/cli/data/tia-passed.json --no-save
exit: 0
out: Emergency: call emergency services
out: Of the causes weighed here, the warning sign can mean: Stroke or mini-stroke (TIA)
out: Not ranked: the warning sign is an emergency, and the causes it can mean, named above, come first
no-out: 1. Morton's neuroma
no-out: likeliest first
