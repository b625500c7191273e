# an interview stopped at a warning sign (numbness between the legs, then q) ranks no causes: their order would be their commonness alone, a laces cause first; whom to see and what the sign can mean stay
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --no-save
stdin: tests/cli/data/sign-first-then-stop.txt
exit: 0
out: Not ranked: the warning sign is an emergency, and the causes it can mean, named above, come first; the other causes of the numbness on runs wait until it has been seen to.
out: the warning sign can mean: Cauda equina syndrome
out: Whom to see: the emergency department.
no-out: 1. Shoe or lacing pressure
no-out: Most likely causes
