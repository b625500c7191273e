# gear add needs a nickname
args: gear add
exit: 2
err: give one NICKNAME
