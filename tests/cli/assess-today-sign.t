# a warning sign whose care cannot wait past today (one swollen calf: a possible clot) says "today" in the headline and its own first step, beside a tight-lace story
env: COLUMNS=1000
args: assess --answers tests/cli/data/calf-swelling-laces.json --no-save
env: NO_COLOR=1
exit: 0
out: Urgent: be seen by a GP (family doctor) today, and stop running until then.
out: First: Stop running and be seen today by a GP (family doctor) or urgent care for a scan of the leg veins
out: Whom to see: a GP (family doctor) or the emergency department.
