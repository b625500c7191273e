# a warning sign overtaken by a rule for every cause (new leg weakness, under the emergency of numbness not gone after a calf cramp) names the rule's cause first among what the sign can mean: it read "sciatica, piriformis" under a first step about acute compartment syndrome
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --answers tests/cli/data/advice-probes/cramp-weak-leg-not-settling.json --no-save
exit: 0
out: Emergency: call emergency services
out: the warning sign can mean: Acute exertional compartment syndrome,
out: First: Call emergency services or go to the emergency department now, and do not drive yourself: numbness that has not gone away since a calf cramp
