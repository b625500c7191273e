# with no warning sign answered yes, nothing is noted between the questions
args: assess --no-save
stdin: tests/cli/data/no-sign-noted.txt
env: NO_COLOR=1
env: COLUMNS=1000
exit: 0
out: question 3 of about
no-out: Warning sign noted
