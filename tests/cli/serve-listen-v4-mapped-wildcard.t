# --listen refuses the IPv4 wildcard written as IPv6, as it refuses 0.0.0.0
args: serve --listen ::ffff:0.0.0.0 --port 0 --no-open
exit: 2
err: '::ffff:0.0.0.0' is an IPv4 address written as IPv6
