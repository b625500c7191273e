# run add records that no calf cramp came first and that loosening did not help
args: run add 8 --numb-at 5 --no-cramp --no-loosening-helped --json
exit: 0
out: "calf_cramp_first": false
out: "loosening_helped": false
