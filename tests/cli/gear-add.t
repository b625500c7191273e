# gear add stores a pair of shoes, the first becomes the default, retire at 800 km
args: gear add ghost --brand Brooks --model 'Ghost 15' --start-km 120
exit: 0
out: added shoes 'ghost' (the default for new runs); retire at 800 km
