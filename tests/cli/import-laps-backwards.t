# a TCX whose second lap starts before the first is no one run (it was stored as 10 km in 30:00): refused at the lap's line, nothing stored
args: import tests/cli/data/import/laps-backwards.tcx --json
exit: 2
out: "failed": 1
out: laps-backwards.tcx:4: Lap StartTime \"2025-04-10T07:00:00Z\" is 3600 s before the lap before it starts
no-out: GPS jump
