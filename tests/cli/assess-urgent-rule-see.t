# under an urgent level set by a rule with its own list (new weakness with sciatica), whom to see is that list: who acts within 48 hours, not the physiotherapist the cause's weeks-long plan names
env: COLUMNS=1000
args: assess --answers tests/cli/data/advice-probes/u02-leg-weakness.json --no-save
env: NO_COLOR=1
exit: 0
out: Urgent: be seen by a GP (family doctor) within 24 to 48 hours
out: Whom to see: a GP (family doctor) or a spinal surgeon.
no-out: physiotherapist or
