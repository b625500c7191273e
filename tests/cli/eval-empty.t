# a folder without case files is an error
args: eval tests/cli/data/empty
exit: 2
err: no .json case files
