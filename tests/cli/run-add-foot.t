# run add --foot records which foot, and the side it implies
args: run add 10 --numb-at 5 --foot left --json
out: "foot": "left"
out: "side": "one"
