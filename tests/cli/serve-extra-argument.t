# serve takes no positional arguments
args: serve somewhere
exit: 2
err: unexpected argument 'somewhere'
