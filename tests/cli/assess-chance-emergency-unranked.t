# an emergency set by the chance of the causes that need one, while the likeliest cause needs less (a passed one-sided hand and foot numbness: stroke about a quarter, shoe pressure first), shows no list under "call emergency services": a benign cause first with a long bar read as a reason not to call; the reason names the emergency cause, and the plan's first step is its own
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --answers tests/cli/data/advice-probes/chance-emergency-hand-and-foot.json --no-save
exit: 0
out: Emergency: call emergency services
out: (Stroke or mini-stroke (TIA)
out: Not ranked: the causes that need emergency care, named above, are likely enough to act on now
out: First: Call emergency services now, and do not drive yourself.
no-out: Most likely causes
no-out: ####
no-out: be seen within 48 hours
