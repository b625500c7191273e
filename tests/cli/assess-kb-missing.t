# a knowledge base given with --kb that cannot be opened is bad input, named with the system's reason: exit 2, as a case file that cannot be opened
args: assess --kb tests/cli/data/no-such-kb.json --answers tests/cli/data/advice-probes/e13-cold-pale-foot-share.json --no-save
exit: 2
err: tests/cli/data/no-such-kb.json: cannot open: No such file or directory
