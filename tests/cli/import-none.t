# import needs a file
args: import
exit: 2
err: give FILE or DIR
