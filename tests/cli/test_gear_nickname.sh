#!/bin/sh
# A nickname that could not be typed back afterwards is refused, with the reason, on gear add and
# gear edit --name (exit 2, nothing stored): 'none' in any case (--shoes none means no shoes),
# blanks, spaces at either end, a leading '-', control and zero-width characters.
. tests/cli/lib.sh
nf gear add peg > /dev/null
snapshot
refused "nickname 'none' is the word for no gear" gear add none
refused "nickname 'None' is the word for no gear" gear edit peg --name None
refused "nickname: only spaces" gear add " "
refused "nickname ' peg2 ' begins or ends with a space" gear edit peg --name " peg2 "
refused "nickname '--force' begins with '-'" gear edit peg --name=--force
refused "nickname: an invisible character (U+200B, at byte 2)" gear edit peg --name "$(printf 'a\342\200\213b')"
refused "nickname: a control character (U+001B, at byte 1)" gear add "$(printf '\033[1m')"
# Two names that differ only in case would be mixed up by the runner typing one of them: refused,
# and a name in another case finds the pair; the pair itself may change its name's case.
refused "there is already gear named 'peg', which 'PEG' differs from only in case" gear add PEG
nf gear add clif > /dev/null
snapshot
refused "there is already gear named 'peg', which 'Peg' differs from only in case" gear edit clif --name Peg
nf gear edit peg --name Peg > "$t/out"
has "$t/out" "'Peg'"
nf run add 5 --date 2026-11-30 --shoes peg > "$t/out"
has "$t/out" "in 'Peg'"
# Names of other scripts are names; 'none' still means no shoes.
nf gear add "Pégase" > /dev/null
nf run add 5 --date 2026-12-01 --shoes none > "$t/out"
lacks "$t/out" " in '"
nf run add 5 --date 2026-12-02 --shoes "Pégase" > "$t/out"
has "$t/out" "in 'Pégase'"
echo ok
