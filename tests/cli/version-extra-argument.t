# version takes no arguments
args: version 2
exit: 2
err: version: takes no arguments
