#!/bin/sh
# The interview's reader on a terminal (line editing on), as a person types: a line of bytes that
# are not UTF-8 is said to be no readable text (editline dropped them, and the empty line left was
# taken for Enter alone, "Nothing typed"); a number past a screen's items says the numbers go from
# 1 to N; a number typed twice ("1 1 1", once taken as 1) is refused naming it; the distance
# question takes metres as run add does ("5000m"); signs answered one by one before Ctrl-D are kept
# in the result, not listed as not asked, and a yes among them still calls for emergency care.
# A line with a character past ASCII, which the line editor drops, is asked again too.
. tests/cli/lib.sh
need python3
export NO_COLOR=1 COLUMNS=1000 TERM=dumb
drive() { python3 tests/cli/pty_interview.py "$NUMBFOOT" assess --no-save -- "$@" > "$t/out" 2>&1; }

drive '\xff\xfe' '1\xc3\xa9' '9' '1 1 1' 0 0 '?' '?' '13' '2 2' q
has "$t/out" "That line is not readable text: it holds bytes that are not UTF-8"
# "1é": the line editor left the é out and the 1 alone was taken, a warning sign said yes.
has "$t/out" "That line holds letters or signs past plain ASCII (such as an accent)"
lacks "$t/out" "Nothing typed"
has "$t/out" "Please type the numbers of the items that apply (1 to 8)"
has "$t/out" "1 is typed more than once: type each number once"
lacks "$t/out" "STOP RUNNING"
has "$t/out" "Please type the numbers of all that apply, from 1 to 12"
has "$t/out" "2 is typed more than once"

drive 0 0 'UNTIL:In km:?' '5000m' q
has "$t/out" "distance into a run at which it usually starts: 5 km"
drive 0 0 'UNTIL:In km:?' '1,5km' q
has "$t/out" "distance into a run at which it usually starts: 1.5 km"
drive 0 0 'UNTIL:In km:?' '600000m' q
has "$t/out" "Please type a number from 0 to 500 km."
# 500 km is 310.7 miles: the range said in miles is one whose every number is taken (not "0 to 311").
drive 0 0 'UNTIL:In km:?' '311 mi' '310 mi' q
has "$t/out" "Please type a number from 0 to 310 miles."
has "$t/out" "distance into a run at which it usually starts: 498.89"

# "Not sure" on the second warning screen: each sign in turn; two answered no, then Ctrl-D.
drive 0 '?' n n '^D'
has "$t/out" "The input ended before the last question"
lacks "$t/out" "  - cola-coloured urine with severe muscle pain"
lacks "$t/out" "  - severe muscle pain and swelling, or muscles too weak"
has "$t/out" "new breathlessness, chest pain or coughing blood"
# A yes, then Ctrl-D: the sign said yes is acted on.
drive 0 '?' y '^D'
has "$t/out" "STOP RUNNING AND GET EMERGENCY CARE NOW"
