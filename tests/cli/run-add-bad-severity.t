# severity 11 is refused, exit 2
args: run add 10 --severity 11
exit: 2
err: --severity: 11 is out of range (0 to 10)
