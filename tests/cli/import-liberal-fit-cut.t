# a FIT recording cut short by a crash keeps its records up to the last complete message, with a warning naming the byte
args: import tests/fixtures/fit/strava-android-app-201.10-b1218918.fit
exit: 0
err: byte 7471: the file ends early (data message of an undefined local type); the 473 records before it are kept
out: imported 1 run
