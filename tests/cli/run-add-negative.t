# run add -5: a negative distance is out of range, as run add -- -5 says, not an unknown option
args: run add -5
exit: 2
err: DISTANCE: '-5' is out of range (more than 0 to 1000 km)
