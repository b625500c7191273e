# --listen on an address this machine does not have says so (192.0.2.1 is reserved for examples)
args: serve --listen 192.0.2.1 --port 0 --no-open
exit: 2
err: this machine has no address 192.0.2.1
