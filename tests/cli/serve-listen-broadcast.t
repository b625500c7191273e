# --listen refuses the broadcast address: it binds, but no browser can connect to it
args: serve --listen 255.255.255.255 --port 0 --no-open
exit: 2
err: '255.255.255.255' is the broadcast address, not this machine's own
