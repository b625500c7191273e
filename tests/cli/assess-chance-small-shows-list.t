# an emergency set by a small chance of the causes that need one (a cauda equina of a few percent beside a nerve root at three quarters) keeps its list: the reason says "small as it may be", and hiding the likely cause to name only the small one as "likely enough to act on" overstated it
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --answers tests/cli/data/advice-probes/root-foot-drop-small-chance.json --no-save
exit: 0
out: Emergency: call emergency services
out: Small as it may be, that is at or above the 3% chance
out: Most likely causes
out: 1. Pinched nerve root in the lower back (sciatica)
no-out: Not ranked
