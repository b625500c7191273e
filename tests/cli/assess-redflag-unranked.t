# a warning sign (saddle numbness) with only two answers beside it (every other warning sign no, back pain and sciatica no) names what it can mean and ranks no causes
env: COLUMNS=1000
args: assess --answers tests/cli/data/saddle-rest-no.json --no-save
exit: 0
out: Emergency: call emergency services
out: Of the causes weighed here, the warning sign can mean: Cauda equina syndrome or Spinal cord or brain disorder.
out: Not ranked: the warning sign is an emergency, and the causes it can mean, named above, come first; the other causes of the numbness on runs wait until it has been seen to.
no-out: do not outweigh the warning sign
no-out: 1. Shoe or lacing pressure
