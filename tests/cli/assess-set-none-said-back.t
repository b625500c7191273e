# a 0 at a choose-all question (where the numbness is) is said back as none of these, with how to change it, since a 0 typed from the checklists' habit raises the causes outside the list; the prompt offers it
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --no-save
stdin: tests/cli/data/zero-at-place.txt
exit: 0
out: Numbers of all that apply (0 for none of these, ? if unsure):
out: Taken as none of these (b goes back to change it).
