# a cause that needs the level only because the answers raised it (a CECS not settled after 90 minutes) is said so in the reason
env: COLUMNS=1000
args: assess --answers cases/acs-tight-leg-not-settled-after-90-minutes.json --no-save
env: NO_COLOR=1
exit: 0
out: Why: causes that need at least this level hold
out: Chronic exertional compartment syndrome
out: as your answers raise it
