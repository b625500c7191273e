# the chance behind an emergency is said with its parts adding up to it (one decimal under 10%, the rest as others together): "3% (1%, 1%)" read as a sum that did not add up
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --answers tests/cli/data/advice-probes/chance-parts.json --no-save
exit: 0
out: Why: the chance of a cause that needs at least this level of care is 3.3% (Acute exertional compartment syndrome 1.4%, Exertional rhabdomyolysis 1.0%, others together 0.9%). Small as it may be, that is at or above the 3% chance
