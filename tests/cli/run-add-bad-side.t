# side must be one or both
args: run add 10 --side left
exit: 2
err: --side: 'left' must be one or both
