# assess --from-journal --yes --json on a journal that answers nothing: nothing to assess, no result
args: assess --from-journal --yes --json --no-save
exit: 2
err: nothing to assess
no-out: "triage": {
