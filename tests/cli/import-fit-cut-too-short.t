# a FIT file cut short 14 s in (6 m) is refused as too short to be a run, saying it was cut short, not stored as a 0.0 km run; the file after it is imported (exit 3)
args: import tests/fixtures/fit/activity-unexpected-eof.fit tests/fixtures/fit/garmin-fenix-5-run.fit
exit: 3
err: activity-unexpected-eof.fit: 6 m in 14 s is too short to be a run (under 10 m); the file ends mid-record: the recording was cut short: refused
out: imported 1 run, 1 failed (nothing written from it)
no-out: 0.0 km
