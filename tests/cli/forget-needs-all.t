# forget needs --all
args: forget --yes
exit: 2
err: only 'numbfoot forget --all' exists
