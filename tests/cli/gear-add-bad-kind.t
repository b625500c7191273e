# gear add refuses an unknown kind
args: gear add x --kind socks
exit: 2
err: --kind must be shoes or insoles
