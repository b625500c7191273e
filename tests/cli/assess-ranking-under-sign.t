# under a warning sign that set the level, the causes of the numbness on runs keep their order without percentages or bars: a footwear cause's >99% would read as the answer to the sign
env: COLUMNS=1000
args: assess --answers tests/cli/data/advice-probes/m01-cauda-reassuring.json --no-save
env: NO_COLOR=1
exit: 0
out: Causes of the numbness on runs, likeliest first (no percentages: the warning sign above comes first, and it may have a cause of its own)
out:   1. Shoe or lacing pressure on foot nerves
no-out: >99%
no-out: ####
no-out: Most likely causes (how likely each is
