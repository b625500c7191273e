# under a warning sign that set the level, the ranking is said to be of the numbness on runs, before a footwear cause's >99%
env: COLUMNS=1000
args: assess --answers tests/cli/data/advice-probes/m01-cauda-reassuring.json --no-save
env: NO_COLOR=1
exit: 0
out: Most likely causes of the numbness on runs (the warning sign above comes first, whatever these say)
no-out: Most likely causes (how likely each is
