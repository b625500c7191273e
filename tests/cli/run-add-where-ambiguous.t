# words that fit two places are refused naming both, with the list of places in words
args: run add 10 --numb-at 5 --where whole
exit: 2
err: 'whole' could be the whole sole or the whole foot
err: dorsum        the top of the foot
