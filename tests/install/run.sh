#!/bin/sh
# make install and make uninstall (mk/install.mk), into scratch folders: with PREFIX=/usr every
# file lands where Debian puts it, with its mode, and nothing else; the installed command runs
# from outside the source tree on the knowledge base built into it; the desktop entry passes
# desktop-file-validate and starts the installed command; the default PREFIX is /usr/local;
# uninstall leaves no file behind. Records "install passed failed" for tests/summary.sh.
# Usage: sh tests/install/run.sh path/to/numbfoot   (from the repository root; make install-test
# does; the path is the build that make install installs)
set -u
built=$1
passed=0; failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok() { passed=$((passed + 1)); }
bad() { echo "FAIL install: $*"; failed=$((failed + 1)); }
check() { # check WHAT COMMAND...: one named check
	what=$1; shift
	if "$@" >"$tmp/check.out" 2>&1; then ok; else bad "$what"; sed 's/^/     /' "$tmp/check.out" | head -20; fi
}

dest=$tmp/dest
# The calling make's variables (WERROR=1 in make check) reach these through MAKEFLAGS, so the
# command is not rebuilt with other flags.
if ! make --no-print-directory install DESTDIR="$dest" PREFIX=/usr >"$tmp/log" 2>&1; then
	cat "$tmp/log"; bad "make install DESTDIR=... PREFIX=/usr failed"
	echo "install 0 1" > build/results/install; exit 1
fi

# Every file, with its mode, and no other.
cat > "$tmp/want" <<'EOF'
755 usr/bin/numbfoot
644 usr/share/applications/numbfoot.desktop
644 usr/share/bash-completion/completions/numbfoot
644 usr/share/icons/hicolor/scalable/apps/numbfoot.svg
644 usr/share/man/man1/numbfoot.1.gz
644 usr/share/zsh/vendor-completions/_numbfoot
EOF
(cd "$dest" && find . ! -type d -printf '%m %P\n' | LC_ALL=C sort) > "$tmp/got"
check "installed files and modes" sh -c 'LC_ALL=C sort "$1" | diff -u - "$2"' sh "$tmp/want" "$tmp/got"
# Folders are 0755 (not the umask of whoever ran make).
(cd "$dest" && find . -mindepth 1 -type d ! -perm 755 -printf '%m %P\n') > "$tmp/dirs"
check "folders are 0755" test ! -s "$tmp/dirs"

# The manual is docs/numbfoot.1, gzipped with no name or time stamp in it (reproducible).
check "the man page is docs/numbfoot.1" sh -c 'gzip -dc "$1" | cmp - docs/numbfoot.1' sh "$dest/usr/share/man/man1/numbfoot.1.gz"
check "the man page is gzipped with -n" sh -c '[ "$(od -An -tu1 -j4 -N4 "$1" | tr -s " ")" = " 0 0 0 0" ]' sh "$dest/usr/share/man/man1/numbfoot.1.gz"
if command -v man >/dev/null 2>&1; then
	check "man renders the page without a warning" sh -c \
		'out=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$1" 2>&1 >/dev/null); [ -z "$out" ] || { echo "$out"; exit 1; }' \
		sh "$dest/usr/share/man/man1/numbfoot.1.gz"
fi

# The completion files are what the installed command generates.
bin="$dest/usr/bin/numbfoot"
check "bash completion is the command's" sh -c '"$1" help --completions bash | cmp - "$2"' sh "$bin" "$dest/usr/share/bash-completion/completions/numbfoot"
check "zsh completion is the command's" sh -c '"$1" help --completions zsh | cmp - "$2"' sh "$bin" "$dest/usr/share/zsh/vendor-completions/_numbfoot"

# The desktop entry: valid, no terminal, starts the installed command's server, names the icon.
desktop="$dest/usr/share/applications/numbfoot.desktop"
if command -v desktop-file-validate >/dev/null 2>&1; then
	check "desktop-file-validate" desktop-file-validate "$desktop"
else
	bad "desktop-file-validate is missing (sh scripts/deps.sh --test)"
fi
check "the entry needs no terminal" grep -qx 'Terminal=false' "$desktop"
check "the entry starts numbfoot serve" grep -qx 'Exec=numbfoot serve' "$desktop"
check "the entry's icon is installed" sh -c 'icon=$(sed -n "s/^Icon=//p" "$1"); [ -f "$2/$icon.svg" ]' sh "$desktop" "$dest/usr/share/icons/hicolor/scalable/apps"
check "the icon is well-formed SVG" python3 -c '
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "{http://www.w3.org/2000/svg}svg", root.tag
assert root.get("viewBox"), "no viewBox: it would not scale"
' "$dest/usr/share/icons/hicolor/scalable/apps/numbfoot.svg"

# The installed command, run from a folder outside the source tree with an empty home: the
# knowledge base and vocabulary are inside it.
out="$tmp/outside"
mkdir -p "$out/home"
cp cases/shoe-race-day-laces-man.json "$out/case.json"
src=$(pwd)
run_outside() { (cd "$out" && env -i PATH=/usr/bin:/bin HOME="$out/home" LC_ALL=C.UTF-8 "$bin" "$@"); }
check "installed --version" sh -c '[ "$1" = "numbfoot $2" ]' sh "$(run_outside --version)" \
	"$(sed -n 's/^NUMBFOOT_VERSION *:= *//p' Makefile)"
check "installed kb check, from $out" run_outside kb check
run_outside assess --answers case.json --json --no-save > "$tmp/installed.json" 2>&1
(cd "$src" && LC_ALL=C.UTF-8 HOME="$out/home" "$built" assess --answers cases/shoe-race-day-laces-man.json --json --no-save) > "$tmp/built.json" 2>&1
check "installed assess --answers gives the built command's result" sh -c \
	'grep -q "\"triage\"" "$1" && cmp "$1" "$2"' sh "$tmp/installed.json" "$tmp/built.json"
check "nothing was written beside the case" sh -c '[ "$(ls "$1")" = "case.json
home" ]' sh "$out"

# make uninstall removes every file install put there.
make --no-print-directory uninstall DESTDIR="$dest" PREFIX=/usr >"$tmp/log" 2>&1 ||
	{ cat "$tmp/log"; bad "make uninstall failed"; }
(cd "$dest" && find . ! -type d) > "$tmp/left"
check "uninstall leaves no file" test ! -s "$tmp/left"

# The default PREFIX is /usr/local, where zsh reads site-functions.
make --no-print-directory install DESTDIR="$tmp/local" >"$tmp/log" 2>&1 ||
	{ cat "$tmp/log"; bad "make install DESTDIR=... failed"; }
check "default PREFIX /usr/local" test -x "$tmp/local/usr/local/bin/numbfoot" -a \
	-f "$tmp/local/usr/local/share/zsh/site-functions/_numbfoot" -a \
	-f "$tmp/local/usr/local/share/applications/numbfoot.desktop"
make --no-print-directory uninstall DESTDIR="$tmp/local" >"$tmp/log" 2>&1
check "uninstall from /usr/local leaves no file" sh -c '[ -z "$(find "$1" ! -type d)" ]' sh "$tmp/local"

mkdir -p build/results
echo "install $passed $failed" > build/results/install
echo "install tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
