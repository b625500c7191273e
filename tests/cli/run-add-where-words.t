# --where takes the vocabulary's words for the places as well as the IDs
args: run add 10 --numb-at 5 --where "top of foot, The Big Toe,forefoot sole" --json
out: "big_toe",
out: "ball",
out: "dorsum"
