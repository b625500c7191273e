# a warning sign alone (saddle numbness, every other answer no) names what it can mean above a ranking led by a footwear cause
env: COLUMNS=1000
args: assess --answers tests/cli/data/saddle-rest-no.json --no-save
exit: 0
out: Emergency: call emergency services
out: Of the causes weighed here, the warning sign can mean: Cauda equina syndrome
out: do not outweigh the warning sign: it is acted on first, whichever of them leads.
