# run add records an episode in the same command
args: run add 10 --numb-at 8 --where dorsum,toes_all --side one --severity 4 --recover 5 --cramp --loosening-helped --json
out: "onset_km": 8.0
out: "toes_all",
out: "dorsum"
out: "side": "one"
out: "severity": 4
out: "recover_min": 5.0
out: "calf_cramp_first": true
out: "loosening_helped": true
