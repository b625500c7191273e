# Text stored through the page or a file (notes; a nickname from a journal kept before nicknames
# were held to what can be typed back) reaches the terminal with its control characters escaped:
# gear list, run list and run show never print a raw ESC. A new nickname with one is refused.
. tests/cli/lib.sh
need sqlite3
esc=$(printf '\033')
if nf gear add "red${esc}[31mX" --db "$t/j.db" >"$t/out" 2>"$t/err"; then fail "a nickname with ESC was stored"; fi
has "$t/err" "nickname: a control character (U+001B, at byte 4)"
nf gear add red --db "$t/j.db" >"$t/out"
sqlite3 "$t/j.db" "UPDATE gear SET nickname = 'red' || char(27) || '[31mX'"
nf run add 5 --notes "n${esc}]0;title$(printf '\007')" --db "$t/j.db" >>"$t/out"
nf gear list --db "$t/j.db" >>"$t/out"
nf run list --db "$t/j.db" >>"$t/out"
nf run show 1 --db "$t/j.db" >>"$t/out"
if grep -q "$esc" "$t/out"; then cat -v "$t/out"; fail "a raw ESC reached the output"; fi
has "$t/out" 'red\x1b[31mX'
has "$t/out" 'n\x1b]0;title\x07'
