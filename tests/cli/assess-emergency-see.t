# under an emergency, whom to see is the emergency department alone: a spinal surgeon named beside it would read as an outpatient alternative
env: COLUMNS=1000
args: assess --answers tests/cli/data/advice-probes/m01-cauda-reassuring.json --no-save
env: NO_COLOR=1
exit: 0
out: Whom to see: the emergency department.
no-out: or a spinal surgeon
