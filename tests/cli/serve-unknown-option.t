# an unknown option of serve is a usage error naming it
args: serve --frobnicate
exit: 2
err: unknown option '--frobnicate'
