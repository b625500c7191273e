# a neuropathy in a heavy drinker says plainly that alcohol is a likely cause and that cutting down or stopping is the treatment (dossier §3.18); it said only "Treat the cause (blood sugar, B12, alcohol)"
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --answers tests/cli/data/advice-probes/alcohol-neuropathy.json --no-save
exit: 0
out: If it is Peripheral neuropathy
out: - You drink heavily, and alcohol is one of the commonest causes of this nerve damage: cutting down, or stopping with your GP's help, is the treatment
