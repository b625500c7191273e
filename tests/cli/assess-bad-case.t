# a malformed case file is refused with file, line and key, exit 2
args: assess --answers tests/cli/data/bad-case.json
exit: 2
err: tests/cli/data/bad-case.json:5: answers.age: number -4 is negative
