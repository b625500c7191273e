# a distance that is not a number is refused
args: run add ten
exit: 2
err: DISTANCE: 'ten' is not a distance
