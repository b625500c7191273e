# an unknown command is a usage error, exit 2
args: frobnicate
exit: 2
err: unknown command 'frobnicate'
