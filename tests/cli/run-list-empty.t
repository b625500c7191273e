# run list on an empty journal says how to add runs
args: run list
out: no runs yet
