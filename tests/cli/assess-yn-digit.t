# a y/n question takes y or n, not 1 or 2: after lists answered by number, a 2 must not pass as "no" unseen (piped input: refused, naming the line)
args: assess --no-save
stdin: tests/cli/data/yn-digit.txt
env: NO_COLOR=1
exit: 2
err: standard input line 3: '2' is not an answer
err: Please answer y or n
