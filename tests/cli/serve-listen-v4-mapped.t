# --listen with an IPv4 address written as IPv6 names the IPv4 address to give instead
args: serve --listen ::ffff:127.0.0.1 --port 0 --no-open
exit: 2
err: '::ffff:127.0.0.1' is an IPv4 address written as IPv6, not this machine's own: give 127.0.0.1
