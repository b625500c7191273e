# run show last with no runs says so
args: run show last
exit: 2
err: the journal has no runs yet
