# a warning sign (saddle numbness) with a laces story names what it can mean above a ranking led by a footwear cause, which it says does not outweigh the sign
env: COLUMNS=1000
args: assess --answers tests/cli/data/saddle-laces.json --no-save
exit: 0
out: Emergency: call emergency services
out: Of the causes weighed here, the warning sign can mean: Cauda equina syndrome
out: do not outweigh the warning sign: it is acted on first, whichever of them leads.
out: 1. Shoe or lacing pressure on foot nerves
