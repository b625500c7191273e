# the text result names the leading cause first, the plan, whom to see and that it is no diagnosis
args: assess --answers tests/cli/data/laces.json
env: NO_COLOR=1
exit: 0
out: 1. Shoe or lacing
out: What to do
out: Whom to see
out: This is not a diagnosis.
no-out: [0m
