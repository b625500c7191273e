# --listen takes an IP address, not a name
args: serve --listen example.org --port 0 --no-open
exit: 2
err: --listen: 'example.org' is not an IP address
