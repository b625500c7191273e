# "not sure" on a warning-sign screen asks each sign in turn, so that doubt about one (weakness in both legs) leaves only that one open, and the others answered no are not listed
args: assess --no-save
stdin: tests/cli/data/warning-unsure-one.txt
env: COLUMNS=1000
env: NO_COLOR=1
exit: 0
out: Then each in turn: y if it applies, n if not, ? if you are not sure
out: Not asked, or not sure: if any of these apply, get emergency care now:
out:   - weakness in both legs that is getting worse
no-out:   - numbness between the legs
no-out:   - cola-coloured urine
