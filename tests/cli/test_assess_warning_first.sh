# The terminal interview asks every warning-sign screen first, in order, before any other question;
# an urgent warning sign on the second screen (a foot wound) leads the result with its first step,
# naming the same person as the headline.
set -eu
. tests/cli/lib.sh
# Lines are checked whole: a terminal wide enough not to wrap them.
export COLUMNS=1000
printf '0\n6\nq\n' | nf assess --no-save > "$t/out" 2>&1
line() { grep -n -F -- "$1" "$t/out" | head -1 | cut -d: -f1; }
q1=$(line "question 1"); w1=$(line "Do any of these apply to you now or recently?")
q2=$(line "question 2"); w2=$(line "And do any of these apply to you now or recently?")
q3=$(line "question 3")
[ -n "$q1" ] && [ -n "$w1" ] && [ -n "$q2" ] && [ -n "$w2" ] && [ -n "$q3" ] || { cat "$t/out"; fail "a screen is missing"; }
[ "$q1" -lt "$w1" ] && [ "$w1" -lt "$q2" ] && [ "$q2" -lt "$w2" ] && [ "$w2" -lt "$q3" ] || { cat "$t/out"; fail "the warning screens are not the first two"; }
has "$t/out" "Urgent: be seen by a GP (family doctor) within 24 to 48 hours"
has "$t/out" "First: Be seen by a GP (family doctor) or your diabetes foot team within 48 hours"
lacks "$t/out" "(try for"
