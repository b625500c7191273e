# numbfoot help lists the commands and the exit codes
args: help
exit: 0
out: usage: numbfoot COMMAND
out: exit codes:
