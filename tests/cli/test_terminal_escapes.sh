# Text stored through the page or a file (a nickname, notes) reaches the terminal with its control
# characters escaped: gear list, run list and run show never print a raw ESC.
. tests/cli/lib.sh
esc=$(printf '\033')
nf gear add "red${esc}[31mX" >"$t/out"
nf run add 5 --notes "n${esc}]0;title$(printf '\007')" >>"$t/out"
nf gear list >>"$t/out"
nf run list >>"$t/out"
nf run show 1 >>"$t/out"
if grep -q "$esc" "$t/out"; then cat -v "$t/out"; fail "a raw ESC reached the output"; fi
has "$t/out" 'red\x1b[31mX'
has "$t/out" 'n\x1b]0;title\x07'
