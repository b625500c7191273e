#!/bin/sh
# Builds the Debian package from the tree as it is (committed or not) and checks it with lintian:
# build/deb/numbfoot_VERSION_ARCH.deb, with lintian's report in build/deb/lintian.txt.
# Usage: sh scripts/deb.sh VERSION   (make deb, after scripts/deps.sh --deb)
#
# The build is binary only (-b), unsigned, and with nocheck: make check has run the tests, and a
# plain dpkg-buildpackage in the tree runs `make test` (the quick tier). It runs in a copy,
# because dpkg-buildpackage writes into debian/ and puts the package beside the source folder.
set -eu
version=$1
changelog=$(dpkg-parsechangelog -S Version)
if [ "$changelog" != "$version" ]; then
	echo "deb: debian/changelog is at $changelog but the Makefile's NUMBFOOT_VERSION is $version:" \
		"add an entry (dch -v $version)" >&2
	exit 1
fi
arch=$(dpkg --print-architecture)
out=build/deb
src=$out/src/numbfoot-$version
rm -rf "$out"
mkdir -p "$src"
# What the build and npm write stays behind.
tar -cf - --exclude=./build --exclude=./.git --exclude=node_modules . | tar -xf - -C "$src"
echo "deb: dpkg-buildpackage -us -uc -b in $src (log: $out/build.log)"
# Variables of a calling make (WERROR=1 in make check) must not reach the package's build: a
# release build shows warnings and does not stop on them.
if ! (cd "$src" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL \
	DEB_BUILD_OPTIONS="nocheck parallel=$(nproc)" DEB_BUILD_PROFILES=nocheck \
	dpkg-buildpackage -us -uc -b) > "$out/build.log" 2>&1; then
	tail -40 "$out/build.log"
	echo "deb: dpkg-buildpackage failed; the whole log is $out/build.log" >&2
	exit 1
fi
deb=numbfoot_${version}_$arch.deb
cp "$out/src/$deb" "$out/$deb"
echo "deb: $out/$deb"
# Errors fail the build; warnings and the rest are shown.
echo "deb: lintian $out/src/numbfoot_${version}_$arch.changes"
lintian --fail-on error --display-info "$out/src/numbfoot_${version}_$arch.changes" > "$out/lintian.txt" 2>&1 &&
	rc=0 || rc=$?
cat "$out/lintian.txt"
[ "$rc" -eq 0 ] || { echo "deb: lintian found errors" >&2; exit 1; }
echo "deb: lintian found no errors"
