# --listen refuses the wildcard address: the Host check needs the address people will type
args: serve --listen 0.0.0.0 --port 0 --no-open
exit: 2
err: give this machine's own address
