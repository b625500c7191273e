# make deb: the Debian package (debian/), built with dpkg-buildpackage from a copy of the tree in
# build/deb/src so that the build leaves nothing in the tree or beside it; the package lands in
# build/deb/numbfoot_VERSION_ARCH.deb and lintian checks it (scripts/deb.sh).
# make deb-test: builds it, installs it with apt, runs it from outside the tree, and removes it;
# as root only (make check runs it: CI is root on a clean Debian 12), else it says it skipped.

.PHONY: deb deb-test

deb:
	@sh scripts/deps.sh --deb
	@sh scripts/deb.sh $(NUMBFOOT_VERSION)

deb-test: $(NUMBFOOT)
	@sh tests/install/deb.sh $(NUMBFOOT_VERSION)
