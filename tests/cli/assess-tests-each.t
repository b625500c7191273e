# a clinician's test results are asked one by one (y abnormal, n normal, ? not done): "2" for an abnormal nerve study recorded the scan, B12, glucose and CK as normal (an outside read); here CK left not done stays open, named under the level
args: assess --clinician --no-save
stdin: tests/cli/data/clinician-tests-each.txt
env: NO_COLOR=1
env: COLUMNS=1000
exit: 0
out: Test results: yes if abnormal, no if normal, not sure if not done
out: Is creatine kinase markedly raised (over five times the upper limit)?
out:   - creatine kinase markedly raised (over five times the upper limit) (together with the other answers)
out: raised by nerve conduction or EMG abnormal in the suspected nerve: yes
no-out:   5. Is creatine kinase markedly raised
