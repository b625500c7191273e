# b goes back one screen (at the first it says so): the first warning signs are asked again, the second ones unasked again
args: assess --no-save
stdin: tests/cli/data/back-one-screen.txt
env: NO_COLOR=1
env: COLUMNS=1000
exit: 0
out: This is the first question.
out: [=                   ] question 2 of about
out: Why: you answered yes to a warning sign. Numbness around the back passage or genitals
out: Not asked, or not sure: if any of these apply, get emergency care now:
out:   - cola-coloured urine with severe muscle pain or swelling after exertion
no-out: Dark, cola-coloured urine after exercise
