# a running time of zero is refused with what to give instead
args: run add 10 --duration 0:00
exit: 2
err: --duration: '0:00' is zero; give how long the run was
