# a warning sign whose care cannot wait past today carries the urgent level even when a likely cause is urgent too (a CECS slow to settle at 97%): its own first step, not the cause's "within 48 hours"
env: COLUMNS=1000
args: assess --answers tests/cli/data/calf-swelling-cecs.json --no-save
env: NO_COLOR=1
exit: 0
out: Urgent: be seen by a GP (family doctor) today, and stop running until then.
out: First: Stop running and be seen today by a GP (family doctor) or urgent care for a scan of the leg veins
out: 1. Chronic exertional compartment syndrome
