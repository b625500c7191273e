# a time typed at the question of how far into a run it starts ("21 min", question 16 when every answer before is "?") is not refused as "not a number": the error says a distance is asked and how to turn the minutes into one
env: COLUMNS=1000
env: NO_COLOR=1
args: assess --no-save
stdin: tests/cli/data/onset-in-minutes.txt
exit: 2
out: About how far into a run does it usually start?
err: standard input line 16: '21 min' is not an answer to 'About how far into a run does it usually start?': This asks for a distance, not a time: 21 minutes at 6:00 per km is about 3.5 km. Type the distance (your own pace gives it best).
no-out: Please type a number
