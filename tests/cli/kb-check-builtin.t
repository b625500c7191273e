# the built-in knowledge base is valid
args: kb check
exit: 0
out: valid:
