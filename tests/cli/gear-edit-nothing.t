# gear edit with no option said "changed shoes 'peg'" of nothing: refused, naming the options
args: gear edit peg
exit: 2
err: gear edit: nothing to change: give one of --name, --brand, --model, --first-use, --start-km, --retire-km, --racing, --unretire
