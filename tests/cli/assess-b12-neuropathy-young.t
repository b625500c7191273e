# a neuropathy of low vitamin B12 comes at any adult age: a young vegan's numb toes at rest rank it first, where the age of diabetic neuropathies put cold-induced numbness first (the form "nutritional", docs/kb-format.md)
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --answers tests/cli/data/advice-probes/vegan-toes-at-rest.json --no-save
exit: 0
out: 1. Peripheral neuropathy
