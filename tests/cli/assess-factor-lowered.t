# a reason that lowered a cause is written with the same factor as one that raised it: the times
# the odds moved (a ratio of 0.19 is five times less likely), never "(x0.19)" nor "(×0.19"
env: COLUMNS=1000
args: assess --answers cases/deep-gluteal-hills-speedwork.json
env: NO_COLOR=1
out: lowered by numbness or tingling is also there when not running (sitting, lying, at night): yes (×
out: (×2.0) is how many times an answer raised or lowered the odds
no-out: (x0.
no-out: (×0.
