# a warning sign below emergency answered yes is said at once, in its words, before the next question (a runner who ticked numbness not back hours later saw nothing until the result)
args: assess --no-save
stdin: tests/cli/data/noted-sign.txt
env: NO_COLOR=1
env: COLUMNS=1000
exit: 0
out: Warning sign noted: Numbness that began on a run and has not come back to normal hours later means a nerve or its blood supply is still affected. Be seen today; with a tight, swollen or very painful leg, after a calf cramp, or with a cold foot, get emergency care now. The next questions ask what would make it more urgent.
out: question 3 of about
