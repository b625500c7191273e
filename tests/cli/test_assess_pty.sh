# The interview on a real pseudo-terminal (line editing on): answers typed at the prompts reach a
# result, and colour appears only because this is a terminal.
set -eu
command -v script >/dev/null || { echo "script (util-linux) missing"; exit 1; }
out=$(mktemp); home=$(mktemp -d); trap 'rm -f "$out"; rm -rf "$home"' EXIT
# The interview keeps its result in the journal: give it an empty home, never the real one.
export HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config"
{ sleep 0.3; printf '0\r'; sleep 0.2; for i in $(seq 1 30); do printf '?\r'; sleep 0.05; done; } |
	TERM=xterm script -qec "$NUMBFOOT assess" /dev/null > "$out" 2>&1 || true
grep -q "question 2" "$out" || { echo "no second question"; cat "$out"; exit 1; }
grep -q "Most likely causes" "$out" || { echo "no result"; tail -30 "$out"; exit 1; }
grep -q "$(printf '\033')\[" "$out" || { echo "no colour on a terminal"; exit 1; }
