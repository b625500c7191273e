# forget --all without a terminal needs --yes and deletes nothing
args: forget --all
exit: 2
err: add --yes to confirm
