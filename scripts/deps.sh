#!/bin/sh
# Installs the Debian 12 packages numbfoot needs that are not installed yet, and says which.
# Usage: sh scripts/deps.sh [--test|--bench|--deb|--wasm]   (--test adds what `make check` and
# .ci/run need, --bench what `make bench` runs its peers with, --deb what `make deb` builds and
# checks the Debian package with, --wasm what `make site` compiles numbfoot.wasm with: Debian's
# WebAssembly toolchain, and jansson's Debian source fetched into build/wasm/jansson)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
need="build-essential pkg-config libjansson-dev libsqlite3-dev libexpat1-dev libmicrohttpd-dev \
libcairo2-dev libpango1.0-dev libedit-dev libssl-dev zlib1g-dev libarchive-dev"
if [ "${1:-}" = "--test" ]; then
	need="$need libcmocka-dev clang libclang-rt-14-dev python3 bsdutils nodejs npm poppler-utils chromium git \
zsh desktop-file-utils"
fi
if [ "${1:-}" = "--deb" ]; then
	need="$need debhelper dpkg-dev fakeroot lintian desktop-file-utils"
fi
if [ "${1:-}" = "--wasm" ]; then
	need="$need clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32 binaryen zopfli dpkg-dev python3"
fi
if [ "${1:-}" = "--bench" ]; then
	need="$need nodejs npm gpsbabel time wrk nginx"
fi
if [ "$(id -u)" -eq 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1; then
	sudo="sudo"
else
	sudo="none"
fi

install_missing() {
	missing=""
	for p in $need; do
		if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed'; then
			missing="$missing $p"
		fi
	done
	# nodejs from another source may ship npm itself; do not ask apt for a second npm then.
	case " $missing " in *" npm "*) command -v npm >/dev/null 2>&1 && missing=$(echo "$missing" | sed 's/ npm//') ;; esac
	if [ -z "$(echo "$missing" | tr -d ' ')" ]; then
		echo "deps: every package is installed"
		return 0
	fi
	echo "deps: installing:$missing"
	if [ "$sudo" = none ]; then
		echo "deps: not root and no sudo; install these packages, then run make again:$missing" >&2
		exit 1
	fi
	$sudo apt-get update -qq
	# shellcheck disable=SC2086
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
}

# jansson's source as Debian ships it (patches applied), for numbfoot.wasm: never committed, built
# from this copy into build/. apt-get source needs a deb-src entry; when there is none, one is
# added beside each of the machine's own deb entries, so that the source comes from the archive
# the binary packages come from.
fetch_jansson() {
	dest="$root/build/wasm/jansson"
	[ -f "$dest/src/dump.c" ] && { echo "deps: jansson source in build/wasm/jansson"; return 0; }
	if ! apt-cache showsrc jansson 2>/dev/null | grep -q '^Package: jansson'; then
		[ "$sudo" = none ] && { echo "deps: not root and no sudo: add a deb-src entry to apt's sources" >&2; exit 1; }
		echo "deps: adding deb-src entries beside the deb ones (/etc/apt/sources.list.d/numbfoot-src.*)"
		for f in /etc/apt/sources.list.d/*.sources; do
			[ -f "$f" ] && case "$f" in */numbfoot-src.sources) ;; *) sed 's/^Types:.*/Types: deb-src/' "$f"; echo ;; esac
		done | $sudo tee /etc/apt/sources.list.d/numbfoot-src.sources >/dev/null
		if [ -f /etc/apt/sources.list ]; then
			sed -n 's/^deb \(.*\)/deb-src \1/p' /etc/apt/sources.list | $sudo tee /etc/apt/sources.list.d/numbfoot-src.list >/dev/null
		fi
		$sudo apt-get update -qq
	fi
	tmp="$root/build/wasm/fetch.$$"
	rm -rf "$tmp"
	mkdir -p "$tmp"
	(cd "$tmp" && apt-get source -qq jansson >/dev/null 2>"$tmp.log") || {
		cat "$tmp.log" >&2; rm -rf "$tmp" "$tmp.log"; echo "deps: apt-get source jansson failed" >&2; exit 1; }
	rm -f "$tmp.log"
	src=$(find "$tmp" -mindepth 1 -maxdepth 1 -type d -name 'jansson-*' | head -1)
	[ -n "$src" ] && [ -f "$src/src/dump.c" ] || { rm -rf "$tmp"; echo "deps: no jansson source in what apt-get fetched" >&2; exit 1; }
	rm -rf "$dest"
	mv "$src" "$dest"
	rm -rf "$tmp"
	echo "deps: jansson source ($(sed -n '1s/^jansson (\([^)]*\)).*/\1/p' "$dest/debian/changelog")) in build/wasm/jansson"
}

install_missing
[ "${1:-}" = "--wasm" ] && fetch_jansson
exit 0
