# calf pain that eases within minutes of stopping is the stable picture of narrowed arteries, not an acute blockage (which does not ease): a low ABI and weak pulses send to a vascular surgeon, not by ambulance
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --answers tests/cli/data/advice-probes/claudication-low-abi-stable.json --no-save
exit: 0
out: Routine
out: 1. Peripheral arterial disease
no-out: Emergency
