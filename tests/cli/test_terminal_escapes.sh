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
# Bytes that are not UTF-8, and the invisible format characters (U+202E turns the rest of a line
# around on the terminal; U+200B is not seen at all), are escaped the same way: as \xHH and \uXXXX,
# in messages that echo what was typed and in the text shown from the journal.
rlo=$(printf '\342\200\256') zwsp=$(printf '\342\200\213') lri=$(printf '\342\201\246')
bad=$(printf '\377\376')
nf run add 5 --force --notes "rtl ${rlo} gnp.exe, ${zwsp}hidden, ${lri}iso ok" --surface "s${rlo}z" \
	--db "$t/j.db" > /dev/null
nf run show 2 --db "$t/j.db" > "$t/show"
nf run list --db "$t/j.db" > "$t/list"
for f in "$t/show" "$t/list"; do
	if grep -q -e "$rlo" -e "$zwsp" -e "$lri" "$f"; then cat -v "$f"; fail "a raw format character reached $f"; fi
done
has "$t/show" 'rtl \u202e gnp.exe, \u200bhidden, \u2066iso ok'
has "$t/show" 's\u202ez'
for args in "run show $bad" "assessment show $bad" "gear retire $bad" "run show ${rlo}1" "analyze --now $bad"; do
	# shellcheck disable=SC2086
	if nf $args --db "$t/j.db" > "$t/out" 2> "$t/err"; then fail "$args succeeded"; fi
	if grep -q -e "$bad" -e "$rlo" "$t/err"; then cat -v "$t/err"; fail "raw bytes in the message of: $args"; fi
done
nf run show "$bad" --db "$t/j.db" 2> "$t/err" || true
has "$t/err" "'\xff\xfe' is not an id"
nf gear retire "a${rlo}b" --db "$t/j.db" 2> "$t/err" || true
has "$t/err" "no gear named 'a\u202eb'"
# Text that is valid and visible stays as it is.
nf run add 6 --force --notes "café, 5 km" --db "$t/j.db" > /dev/null
nf run show 3 --db "$t/j.db" > "$t/show"
has "$t/show" "café, 5 km"
echo ok
