#!/bin/sh
# Installs the Debian 12 packages numbfoot needs that are not installed yet, and says which.
# Usage: sh scripts/deps.sh [--test|--bench|--deb]   (--test adds what `make check` and .ci/run
# need, --bench what `make bench` runs its peers with, --deb what `make deb` builds and checks the
# Debian package with)
set -eu
need="build-essential pkg-config libjansson-dev libsqlite3-dev libexpat1-dev libmicrohttpd-dev \
libcairo2-dev libpango1.0-dev libedit-dev libssl-dev zlib1g-dev libarchive-dev"
if [ "${1:-}" = "--test" ]; then
	need="$need libcmocka-dev clang libclang-rt-14-dev python3 bsdutils nodejs npm poppler-utils chromium git \
zsh desktop-file-utils"
fi
if [ "${1:-}" = "--deb" ]; then
	need="$need debhelper dpkg-dev fakeroot lintian desktop-file-utils"
fi
if [ "${1:-}" = "--bench" ]; then
	need="$need nodejs npm gpsbabel time wrk nginx"
fi
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
	exit 0
fi
echo "deps: installing:$missing"
if [ "$(id -u)" -eq 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1; then
	sudo="sudo"
else
	echo "deps: not root and no sudo; install these packages, then run make again:$missing" >&2
	exit 1
fi
$sudo apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
