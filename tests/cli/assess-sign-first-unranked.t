# an interview stopped at a warning sign (numbness between the legs, then q) ranks no causes: their order would be their commonness alone, a laces cause first; whom to see and what the sign can mean stay
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --no-save
stdin: tests/cli/data/sign-first-then-stop.txt
exit: 0
out: Not ranked: the questions that tell the causes apart come after the warning sign, which is acted on first.
out: the warning sign can mean: Cauda equina syndrome
out: Whom to see: the emergency department.
no-out: 1. Shoe or lacing pressure
no-out: Most likely causes
