# in clinician mode the reader is the clinician: the warning signs not asked are the runner's ("the runner needs emergency care now"), not an instruction to the reader
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --answers tests/cli/data/advice-probes/claudication-low-abi-stable.json --no-save
exit: 0
out: Not asked, or not sure: if any of these apply, the runner needs emergency care now:
no-out: get emergency care now:
