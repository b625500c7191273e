# the text result marks reasons that rest on an estimate or a derivation and says once what the marks mean
env: COLUMNS=1000
args: assess --answers tests/cli/data/laces.json
env: NO_COLOR=1
exit: 0
out: raised by loosening the laces or taking the shoe off brings feeling back within minutes: yes (×4.4, estimate)
out: "estimate" marks a figure that is the knowledge base's judgement, not a study's measurement, and "derived" a figure worked out from studies' figures (pooled, or carried over to the question asked); the others are studies' own figures.
