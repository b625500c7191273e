# a number past the knowledge base's range is asked again with the range in the unit typed (age 1e308 and 121; 600 km and 400 mi into a run); 34 and 3 are then taken
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --no-save
stdin: tests/cli/data/number-past-range.txt
exit: 0
out: Please type a number from 0 to 120 years.
out: Please type a number from 0 to 500 km.
out: Please type a number from 0 to 311 miles.
out: age: 34 years
out: distance into a run at which it usually starts: 3 km
