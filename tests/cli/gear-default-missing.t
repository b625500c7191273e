# gear default of unknown gear is a usage error
args: gear default nope
exit: 2
err: no gear named 'nope'
