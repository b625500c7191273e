# eval reports every fault of every file and gives no scores
args: eval tests/cli/data/badcases
exit: 2
err: bad-case.json:5: answers.age: number -4 is negative
err: bad-case.json:6: answers.side:
err: bad-case.json:7: answers.location: moon is not one of
err: bad-case.json:8: answers.exam_slr: clinician finding in a runner-mode case
err: bad-json.json:3: (json)
no-out: top1
