# an emergency set by a small chance of the causes that need one (a cauda equina of a few percent beside a nerve root at three quarters) keeps its list: the reason says "small as it may be", and hiding the likely cause to name only the small one as "likely enough to act on" overstated it; the list has no percentages ("1. ... 76%" under "call emergency services" read as certainty that it is only that cause)
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --answers tests/cli/data/advice-probes/root-foot-drop-small-chance.json --no-save
exit: 0
out: Emergency: call emergency services
out: Small as it may be, that is at or above the 3% chance
out: Causes of the numbness on runs, likeliest first (no percentages
out: 1. Pinched nerve root in the lower back (sciatica)
no-out: Not ranked
no-out: ####
no-out: Most likely causes
