#!/bin/sh
# A report from an assessment saved before more episodes were logged: the journal's recovery times
# grew from minutes to hours since, so the saved answer (minutes) is no longer what the journal
# shows. Page one says so, naming the answer as saved and as the journal gives it now, and today's
# evidence is never printed beside the saved value; with nothing changed since, nothing is said. The
# warning sign of numbness not back hours later, answered no of now, is shown with the journal's
# hours-long recoveries beside it.
. tests/cli/lib.sh
export NUMBFOOT_NOW=2026-12-07 NO_COLOR=1 COLUMNS=2000
for d in 01 04 07 10; do
	nf run add 10 --date 2026-10-$d --duration 50:00 --numb-at 6 --recover 5 > /dev/null || fail "run add"
done
{ printf '0\n0\n'; i=0; while [ $i -lt 60 ]; do echo '?'; i=$((i + 1)); done; } | nf assess --from-journal --yes > /dev/null || fail "assess"
nf report -o "$t/same.html" > /dev/null
lacks "$t/same.html" "The journal has changed since this assessment was saved"
has "$t/same.html" "median 5 min until feeling came back"
for d in 13 16 19; do
	nf run add 10 --date 2026-10-$d --duration 50:00 --numb-at 6 --recover 240 > /dev/null || fail "run add"
done
nf report -o "$t/r.html" > /dev/null
has "$t/r.html" "The journal has changed since this assessment was saved"
has "$t/r.html" "minutes after stopping until feeling is normal again: 5 minutes in the assessment, 240 minutes now"
# the saved 5 minutes is not printed with evidence for 240
lacks "$t/r.html" "5 minutes</b> (median 240"
# the warning sign answered no (asked of now) beside the journal's hours-long recoveries
has "$t/r.html" "asked of the numbness now; in the journal's past episodes feeling took more than an hour to come back in 3 of the 7 episodes"
echo "ok   the report says which saved answers the journal no longer shows"
