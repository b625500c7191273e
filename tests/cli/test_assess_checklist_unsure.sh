#!/bin/sh
# A checklist answered "1 ?" takes item 1 as yes and leaves the others not known, where typed
# numbers alone count the others as no: a runner unsure of the laces and the insoles typed the one
# item she knew, and "lowered by the shoes feel tight: no" was evidence she had not given. On the
# warning signs, "7 ?" asks each of the others on its own. The screen says how items left out count.
. tests/cli/lib.sh
export COLUMNS=1000 NO_COLOR=1
# Warning signs none, none; goes away yes; 2 minutes; the ball of the foot; shoes: new shoes only.
printf '0\n0\ny\n2\n5\n1\nq\n' | nf assess --no-save > "$t/plain" 2>&1
has "$t/plain" "Items you leave out count as no"
has "$t/plain" "the shoes feel tight or narrow, especially later in a run: no ("
printf '0\n0\ny\n2\n5\n1 ?\nq\n' | nf assess --no-save > "$t/unsure" 2>&1
has "$t/unsure" "changed to new shoes or a new model shortly before the numbness began: yes ("
lacks "$t/unsure" "the shoes feel tight or narrow, especially later in a run: no ("
lacks "$t/unsure" "the inserts or insoles are old, flattened or no longer cushion: no ("
# A ? that is not last, or with no number before it in a list of places, is not an answer.
printf '0\n0\ny\n2\n5\n? 1\n' | nf assess --no-save > "$t/bad" 2>&1 && fail "'? 1' was taken"
has "$t/bad" "is not an answer to 'Which of these are true of your shoes and insoles?'"
printf '0\n0\ny\n2\n5 ?\n' | nf assess --no-save > "$t/bad" 2>&1 && fail "'5 ?' was taken for places"
has "$t/bad" "is not an answer to 'Where do you feel the numbness or tingling?"
# On the second warning screen, 7 ? asks each other sign in turn (seven of them).
printf '0\n7 ?\nn\nn\nn\nn\nn\nn\nn\nq\n' | nf assess --no-save > "$t/signs" 2>&1
[ "$(grep -c '^\[y/n/?\]' "$t/signs")" -ge 7 ] || { cat "$t/signs"; fail "the other signs were not asked one by one"; }
has "$t/signs" "numbness that began on a run has not come back to normal hours later"
echo ok
