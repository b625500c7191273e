# kb check names the file and line of a fault in a knowledge base given with --kb
args: kb check --kb tests/cli/data/bad-case.json
exit: 2
err: tests/cli/data/bad-case.json:
err: kb check:
