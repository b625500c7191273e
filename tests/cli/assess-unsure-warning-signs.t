# "not sure" to every warning sign leaves them open: the result lists them, the urgent ones apart, whatever its level
args: assess --no-save
stdin: tests/cli/data/all-unknown.txt
env: NO_COLOR=1
exit: 0
out: Not asked, or not sure: if any of these apply, get emergency care now:
out: numbness between the legs
out: cola-coloured urine
out: Not asked, or not sure: if any of these apply, be seen within 48 hours:
out: one calf swollen, warm or tender
