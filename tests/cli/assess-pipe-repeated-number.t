# "1 1 1" on a warning screen was taken as item 1; case files refuse a repeated value: refused naming the number, exit 2
args: assess --no-save
stdin: tests/cli/data/pipe-repeated.txt
exit: 2
err: standard input line 1: '1 1 1' is not an answer to 'Do any of these apply to you now or recently?': 1 is typed more than once
no-out: STOP RUNNING
