# 'help analyse' describes analyze, and says that both spellings work
args: help analyse
exit: 0
out: numbfoot analyze
out: 'numbfoot analyse' is the same command.
