# a level whose share is between a fifth and a half (a young runner's cold, pale toes numb at rest this week: about a quarter for acute limb ischaemia and the compartment) is not called small: "small as it may be" at 27% would invite a runner to discount an emergency headline
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --answers tests/cli/data/advice-probes/e13-cold-pale-foot-share.json --no-save
exit: 0
out: Emergency: call emergency services
out: That is well above the 3% chance from which numbfoot advises this level: missing an emergency costs far more than an unneeded visit.
no-out: Small as it may be
