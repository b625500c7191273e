# run add prints what it stored
args: run add 5 --date 2026-11-28 --time 07:30
env: TZ=UTC
out: added run 1: 5.00 km on 2026-11-28 07:30
