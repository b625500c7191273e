# the same story begun this week stays an emergency: a leg that tightens with numbness that does not go away after stopping may be acute compartment syndrome
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --answers tests/cli/data/advice-probes/new-sciatica-tight-calf.json --no-save
exit: 0
out: Emergency: call emergency services
out: may be acute compartment syndrome
