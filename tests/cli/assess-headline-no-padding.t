# without colour the headline ends with its words: no padding left from the coloured band
env: COLUMNS=1000
args: assess --answers cases/shoe-race-day-laces-man.json --no-save
env: NO_COLOR=1
exit: 0
out: Self-care first, if none of the warning signs below applies: follow the plan
no-out: the plan gives.  
