# run add with unknown shoes is refused
args: run add 5 --shoes nope
exit: 2
err: no gear named 'nope'
