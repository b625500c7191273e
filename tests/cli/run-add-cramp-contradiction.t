# --cramp with --no-cramp is a usage error, and nothing is written
args: run add 8 --numb-at 5 --cramp --no-cramp
exit: 2
err: --cramp and --no-cramp contradict each other
