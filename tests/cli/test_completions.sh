# Shell completion (numbfoot help --completions bash|zsh, what make install writes) offers every
# command that help lists, every action of a group and every option that each command's --help
# lists, and the files where an option takes a FILE: asked of bash's and zsh's own completion.
. tests/cli/lib.sh
nf help --completions bash > "$t/numbfoot.bash"
nf help --completions zsh > "$t/_numbfoot"
bash -n "$t/numbfoot.bash" || fail "the bash completion does not parse"
command -v zsh >/dev/null || fail "zsh is missing (sh scripts/deps.sh --test)"
zsh -n "$t/_numbfoot" || fail "the zsh completion does not parse"
if nf help --completions fish > "$t/fish" 2> "$t/fish.err"; then fail "fish accepted"; fi
has "$t/fish.err" "bash or zsh"

nf help | sed -n 's/^  \([a-z][a-z-]*\( [a-z]*\)\?\)  .*/\1/p' | sed 's/ *$//' > "$t/commands"
[ "$(wc -l < "$t/commands")" -gt 10 ] || fail "help lists too few commands"

# What bash offers for a command line (the last word is the one being completed).
cat > "$t/comp.bash" <<'EOF'
. "$1"; shift
COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
_numbfoot
[ ${#COMPREPLY[@]} -eq 0 ] || printf '%s\n' "${COMPREPLY[@]}"
EOF
bashcomp() { bash "$t/comp.bash" "$t/numbfoot.bash" numbfoot "$@"; }

bashcomp "" > "$t/first"
while read -r c; do
	has "$t/first" "${c%% *}"
	case "$c" in *" "*)
		bashcomp "${c%% *}" "" > "$t/actions"
		grep -qx -- "${c#* }" "$t/actions" || fail "bash: '${c%% *}' does not offer '${c#* }'" ;;
	esac
	# shellcheck disable=SC2086
	nf $c --help | sed -n '/^options:/,$s/^  \(--[a-z][a-z-]*\).*/\1/p' > "$t/opts"
	has "$t/opts" "--help"
	# shellcheck disable=SC2086
	bashcomp $c -- > "$t/offered"
	while read -r o; do
		grep -qx -- "$o" "$t/offered" || fail "bash: '$c' does not offer $o"
		# and zsh's block for the command names it
		sed -n "/^	'$c')/,/;;\$/p" "$t/_numbfoot" | grep -qE -- "['\\)]$o\\[" ||
			fail "zsh: '$c' does not offer $o"
	done < "$t/opts"
done < "$t/commands"
# No hidden option shows.
bashcomp help -- > "$t/help-opts"
lacks "$t/help-opts" "--completions"
# An option that takes a FILE completes file names; a word after --now (a TIME) nothing.
mkdir "$t/w"; touch "$t/w/case-one.json" "$t/w/case-two.json"
(cd "$t/w" && bash "$t/comp.bash" "$t/numbfoot.bash" numbfoot assess --answers case-) > "$t/files"
has "$t/files" "case-one.json"
has "$t/files" "case-two.json"
bashcomp assess --now "" > "$t/now"
[ ! -s "$t/now" ] || fail "bash offers words after --now"

# zsh's completion system itself, in a terminal: its list for a few command lines.
cp "$t/_numbfoot" "$t/w/_numbfoot"
cat > "$t/list.zsh" <<'EOF'
# list.zsh FPATH LINE: the matches zsh lists (^D, list-choices) for LINE typed at a prompt.
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "PS1='> '; fpath=($1 \$fpath); autoload -U compinit; compinit -u -D; LISTMAX=10000"
zpty -w z "bindkey '^T' list-choices"
zpty -n -w z "$2"$'\x14'
# Read until zsh has drawn the line again below its list (or ten seconds have gone by).
out=""; waits=0
while (( waits < 200 )); do
	if zpty -rt z chunk 2>/dev/null; then out+=$chunk; else sleep 0.05; (( waits++ )); fi
	[[ $out == *"${2% }"*$'\n'*"${2% }"* ]] && break # a trailing space is redrawn as a move
done
zpty -d z
print -r -- "$out"
EOF
# zshcomp LINE FILE WORD...: zsh's list for LINE into FILE, which must hold every WORD. A loaded
# machine can let the reader stop at zsh's first redraw, before its list: up to three tries.
zshcomp() {
	line=$1 file=$2
	shift 2
	for _ in 1 2 3; do
		(cd "$t/w" && zsh -f "$t/list.zsh" "$t/w" "$line") | tr -d '\r' > "$file"
		all=1
		for w; do grep -qF -- "$w" "$file" || all=0; done
		[ "$all" = 1 ] && break
	done
	for w; do has "$file" "$w"; done
}
zshcomp "numbfoot " "$t/z-first" "the assessment: questions" $(cut -d' ' -f1 "$t/commands")
zshcomp "numbfoot gear " "$t/z-gear" add list retire default edit delete
zshcomp "numbfoot serve --" "$t/z-serve" --port --listen --db --no-open --kb --help
zshcomp "numbfoot assess --answers case-" "$t/z-files" case-one.json case-two.json
echo ok
