# a port that is not a number is a usage error naming it
args: serve --port 80x --no-open
exit: 2
err: --port: '80x' is not a port number
