# an unknown distance unit is refused
args: run add 10furlongs
exit: 2
err: unknown unit 'furlongs'
