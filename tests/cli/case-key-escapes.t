# a case-file key holding a terminal title sequence is shown escaped in the error, never raw
args: assess --answers tests/cli/data/escape/title-key.json
exit: 2
err: answers.\x1b]0;retitled\x07: unknown finding ID
