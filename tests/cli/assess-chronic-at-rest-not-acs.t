# numbness there at rest for 20 weeks, with sciatica, in a calf that tightens on runs is a constant numbness, not a run's numbness that has failed to settle: not sent to the emergency department for acute compartment syndrome (an outside read)
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --answers tests/cli/data/advice-probes/chronic-sciatica-tight-calf.json --no-save
exit: 0
no-out: Emergency
no-out: acute compartment syndrome
