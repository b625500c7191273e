#!/bin/sh
# The Debian package on this machine: make deb builds it (lintian finds no error), apt installs
# it, the installed command checks its knowledge base and assesses a case from outside the source
# tree (/tmp) as the built one does, every file of `make install` is in it, and apt removes it
# leaving none. Root only, since it installs a package: make check runs it, and CI is root on a
# clean Debian 12; anyone else is told it was skipped. Records "deb passed failed".
# Usage: sh tests/install/deb.sh VERSION   (from the repository root; make deb-test does)
set -u
version=$1
mkdir -p build/results
record() { echo "deb $1 $2" > build/results/deb; echo "deb tests: $1 passed, $2 failed"; }
if [ "$(id -u)" -ne 0 ]; then
	echo "deb-test: skipped (it installs the package with apt, so it runs as root only, as in CI)"
	record 0 0; exit 0
fi
if dpkg-query -W -f='${Status}\n' numbfoot 2>/dev/null | grep -q 'ok installed'; then
	echo "deb-test: skipped (numbfoot is installed on this machine already, and this test would remove it)"
	record 0 0; exit 0
fi
passed=0; failed=0
ok() { passed=$((passed + 1)); }
bad() { echo "FAIL deb: $*"; failed=$((failed + 1)); }
tmp=$(mktemp -d /tmp/numbfoot-deb.XXXXXX)
installed=0
cleanup() {
	[ "$installed" -eq 1 ] && DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq numbfoot >/dev/null 2>&1
	rm -rf "$tmp"
}
trap cleanup EXIT

if ! make --no-print-directory deb; then
	bad "make deb"; record "$passed" "$failed"; exit 1
fi
ok
arch=$(dpkg --print-architecture)
deb=build/deb/numbfoot_${version}_$arch.deb
if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb" > "$tmp/apt.log" 2>&1; then
	cat "$tmp/apt.log"; bad "apt-get install ./$deb"; record "$passed" "$failed"; exit 1
fi
installed=1
ok

# Every file make install puts there, from the package's own list.
dpkg -L numbfoot > "$tmp/files"
for f in /usr/bin/numbfoot /usr/share/man/man1/numbfoot.1.gz /usr/share/bash-completion/completions/numbfoot \
	/usr/share/zsh/vendor-completions/_numbfoot /usr/share/applications/numbfoot.desktop \
	/usr/share/icons/hicolor/scalable/apps/numbfoot.svg /usr/share/doc/numbfoot/copyright; do
	if grep -qx "$f" "$tmp/files" && [ -f "$f" ]; then ok; else bad "the package lacks $f"; fi
done
if [ "$(command -v numbfoot)" = /usr/bin/numbfoot ]; then ok; else bad "numbfoot on PATH is '$(command -v numbfoot)'"; fi
if desktop-file-validate /usr/share/applications/numbfoot.desktop; then ok; else bad "desktop-file-validate"; fi

# From /tmp, with an empty home: the knowledge base is inside the command.
cp cases/shoe-race-day-laces-man.json "$tmp/case.json"
mkdir "$tmp/home"
outside() { (cd /tmp && env -i PATH=/usr/bin:/bin HOME="$tmp/home" LC_ALL=C.UTF-8 numbfoot "$@"); }
if [ "$(outside --version)" = "numbfoot $version" ]; then ok; else bad "--version: $(outside --version)"; fi
if outside kb check > "$tmp/kb" 2>&1; then ok; else cat "$tmp/kb"; bad "numbfoot kb check (in /tmp)"; fi
outside assess --answers "$tmp/case.json" --json --no-save > "$tmp/installed.json" 2>&1
built=$(pwd)/build/numbfoot
(cd /tmp && env -i PATH=/usr/bin:/bin HOME="$tmp/home" LC_ALL=C.UTF-8 "$built" \
	assess --answers "$tmp/case.json" --json --no-save) > "$tmp/built.json" 2>&1
if grep -q '"triage"' "$tmp/installed.json" && cmp -s "$tmp/installed.json" "$tmp/built.json"; then ok
else head -20 "$tmp/installed.json"; bad "numbfoot assess --answers (in /tmp) differs from build/numbfoot's"; fi
outside assess --answers "$tmp/case.json" --no-save > "$tmp/text" 2>&1
if grep -q 'Most likely causes' "$tmp/text"; then ok; else head -20 "$tmp/text"; bad "numbfoot assess --answers (text)"; fi

# Removing it leaves none of its files.
if DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq numbfoot > "$tmp/apt.log" 2>&1; then
	installed=0; ok
else
	cat "$tmp/apt.log"; bad "apt-get purge numbfoot"
fi
left=""
while read -r f; do [ -f "$f" ] && left="$left $f"; done < "$tmp/files"
if [ -z "$left" ]; then ok; else bad "left after removal:$left"; fi
record "$passed" "$failed"
[ "$failed" -eq 0 ]
