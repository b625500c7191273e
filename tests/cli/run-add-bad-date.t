# an impossible date is refused, exit 2
args: run add 10 --date 2026-02-30
exit: 2
err: --date: '2026-02-30' is not a date (YYYY-MM-DD)
