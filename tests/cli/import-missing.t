# import of a missing file is a usage error
args: import tests/cli/data/journal/nope.fit
exit: 2
err: nope.fit: No such file or directory
