# an emergency warning sign (saddle numbness) with a laces story names what it can mean and ranks no causes, however many answers beside it: a footwear cause first would read as the answer to the sign
env: COLUMNS=1000
args: assess --answers tests/cli/data/saddle-laces.json --no-save
exit: 0
out: Emergency: call emergency services
out: Of the causes weighed here, the warning sign can mean: Cauda equina syndrome
out: Not ranked: the warning sign is an emergency, and the causes it can mean, named above, come first; the other causes of the numbness on runs wait until it has been seen to.
no-out: 1. Shoe or lacing pressure
no-out: do not outweigh the warning sign
