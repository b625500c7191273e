# --json is for case files; the interview is for people
args: assess --json
exit: 2
err: --json needs --answers FILE
