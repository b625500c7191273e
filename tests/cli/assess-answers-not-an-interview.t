# a case file is not an interview: its result never says the person stopped before the end
args: assess --answers tests/cli/data/laces.json
no-out: before the last question
out: Most likely causes
