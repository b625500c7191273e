# an interview number is decimal as the page reads it: "0x10" (hex) is refused and asked again; "12,5" is 12.5
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --no-save
stdin: tests/cli/data/hex-then-comma-minutes.txt
exit: 0
out: After you stop running, how many minutes until the feeling is back to normal?
out: Please type a number (0 or more).
out: minutes after stopping until feeling is normal again: 12.5
