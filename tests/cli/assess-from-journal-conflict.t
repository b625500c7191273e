# --from-journal and --answers exclude each other
args: assess --from-journal --answers tests/cli/data/laces.json
exit: 2
err: exclude each other
