# gear add refuses an impossible first-use date
args: gear add x --first-use 2026-13-01
exit: 2
err: is not a date (YYYY-MM-DD)
