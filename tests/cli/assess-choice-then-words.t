# a choice's name followed by more words ("both feet mostly" at one foot or both, the thirteenth question when every answer before is "?") is that choice
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --no-save
stdin: tests/cli/data/side-in-words.txt
exit: 0
out: Is it one foot or both feet?
out: one foot or both feet: both feet
no-out: Please type the number
