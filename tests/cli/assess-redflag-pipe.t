# through a pipe, a red-flag answer on the first screen stops the interview with an emergency
args: assess
stdin: tests/cli/data/redflag-answers.txt
exit: 0
out: STOP RUNNING AND GET EMERGENCY CARE NOW
out: Emergency: call emergency services
