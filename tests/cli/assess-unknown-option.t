# an unknown option is a usage error naming it
args: assess --frobnicate
exit: 2
err: unknown option '--frobnicate'
