# a case file silent on the warning signs gets them listed as not asked
args: assess --answers tests/cli/data/laces.json
env: NO_COLOR=1
exit: 0
out: Not asked, or not sure: if any of these apply, get emergency care now:
out: numbness between the legs
