# a moving time of 4,294,939 s against an elapsed 3,883 s is repaired, with a warning naming the file
args: import tests/cli/data/import/moving-wrapped.fit
exit: 0
err: moving-wrapped.fit: a moving time of 4294939 s is longer than the elapsed 3883 s: taken as 3883 s
out: imported 1 run
