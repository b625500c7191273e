# an unknown action of a group names the nearest action of that group, exit 2
args: gear lsit
exit: 2
err: gear: unknown action 'lsit' (did you mean list?)
