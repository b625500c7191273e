# numbness after the end of the run is refused
args: run add 5 --numb-at 8
exit: 2
err: past the end of this 5.00 km run
