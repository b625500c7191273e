# --listen refuses a multicast address: it binds, but no browser can connect to it
args: serve --listen 224.0.0.1 --port 0 --no-open
exit: 2
err: '224.0.0.1' is a multicast address, not this machine's own
