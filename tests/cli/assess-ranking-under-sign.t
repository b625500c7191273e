# under a warning sign below an emergency that set the level (new weakness: a doctor within 48 hours), the causes of the numbness on runs keep their order without percentages or bars, below what the sign can mean: a footwear cause's >99% would read as the answer to the sign
env: COLUMNS=1000
args: assess --answers tests/cli/data/weak-laces.json --no-save
env: NO_COLOR=1
exit: 0
out: Urgent: be seen by
out: the warning sign can mean: Fibular (peroneal) nerve entrapment
out: do not outweigh the warning sign: it is acted on first, whichever of them leads.
out: Causes of the numbness on runs, likeliest first (no percentages: the warning sign above comes first, and it may have a cause of its own)
out:   1. Shoe or lacing pressure on foot nerves
no-out: >99%
no-out: ####
no-out: Most likely causes (how likely each is
