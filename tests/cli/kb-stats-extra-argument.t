# kb stats takes no arguments
args: kb stats cecs
exit: 2
err: kb stats: takes no arguments
