# a run of zero distance is refused with what to give instead
args: run add 0km
exit: 2
err: DISTANCE: '0km' is zero; give how far the run was
