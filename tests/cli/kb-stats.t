# kb stats prints a table of numbers by kind, overall, for likelihoods and per condition
args: kb stats --kb tests/unit/data/kb.json --vocab tests/unit/data/vocab.json
exit: 0
out:                           numbers  measured  derived  estimate
out: all                            24         7        2        15
out: likelihoods                    10         4        1         5
out: disc                            6         1        1         4
out: other                           1         0        0         1
