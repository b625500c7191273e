# creatine kinase over five times normal after exertion is urgent whatever the ranking (dossier §3.22.5): a settled calf cramp with it went to self-care, the raised CK counted for the cramp, and nothing said of the kidneys
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --answers tests/cli/data/advice-probes/settled-cramp-ck-high.json --no-save
exit: 0
out: Urgent: to be seen by a GP (family doctor) within 24 to 48 hours
out: Why: your answers (creatine kinase markedly raised (over five times the upper limit): yes) call for this level whatever the cause.
out: First: Stop hard training and be seen by a GP (family doctor) or a sports-medicine doctor within 24 to 48 hours for a kidney blood test and a urine test
no-out: Self-care first
