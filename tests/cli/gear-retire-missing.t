# gear retire of unknown gear is a usage error
args: gear retire nope
exit: 2
err: no gear named 'nope'
