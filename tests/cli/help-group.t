# numbfoot help GROUP lists the group's actions, like GROUP --help
args: help episode
exit: 0
out: usage: numbfoot episode ACTION [OPTIONS]
out:   edit    change an episode
