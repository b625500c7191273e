# a port past 65535 is a usage error
args: serve --port 70000 --no-open
exit: 2
err: is not a port number
