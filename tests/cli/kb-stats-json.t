# kb stats --json counts the numbers of a knowledge base by kind (test knowledge base, counted by hand)
args: kb stats --kb tests/unit/data/kb.json --vocab tests/unit/data/vocab.json --json
exit: 0
out: "parameters": 24,
out: "measured": 7,
out: "derived": 2,
out: "estimate": 15,
out: "likelihoods": {
out: "parameters": 10,
out: "by_condition": {
out: "disc": {
