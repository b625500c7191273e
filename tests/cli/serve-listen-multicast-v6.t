# --listen refuses an IPv6 multicast address (all nodes of the link)
args: serve --listen ff02::1 --port 0 --no-open
exit: 2
err: 'ff02::1' is a multicast address
