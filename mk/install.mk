# make install and make uninstall: the command, its manual, bash and zsh completion, and a desktop
# entry with its icon, where Debian puts them. PREFIX is /usr/local unless given; DESTDIR stages
# the tree elsewhere (the Debian package installs with PREFIX=/usr into debian/numbfoot):
#
#   make install                       into /usr/local (root or sudo)
#   make install DESTDIR=/tmp/x PREFIX=/usr
#   make uninstall                     removes exactly what install put there
#
# The completion files are generated from the command table by the command itself, so they
# cannot drift from the commands; the man page is docs/numbfoot.1 (generated too, and tested),
# gzipped as Debian ships man pages.

PREFIX      ?= /usr/local
DESTDIR     ?=
BINDIR      ?= $(PREFIX)/bin
DATADIR     ?= $(PREFIX)/share
MANDIR      ?= $(DATADIR)/man
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
# Debian's zsh reads packaged completion from vendor-completions and local from site-functions.
ZSHCOMPDIR  ?= $(DATADIR)/zsh/$(if $(filter /usr,$(PREFIX)),vendor-completions,site-functions)
APPDIR      ?= $(DATADIR)/applications
ICONDIR     ?= $(DATADIR)/icons/hicolor/scalable/apps
INSTALL     ?= install

INSTALL_GEN := $(BUILD)/install
INSTALL_FILES := \
	$(BINDIR)/numbfoot \
	$(MANDIR)/man1/numbfoot.1.gz \
	$(BASHCOMPDIR)/numbfoot \
	$(ZSHCOMPDIR)/_numbfoot \
	$(APPDIR)/numbfoot.desktop \
	$(ICONDIR)/numbfoot.svg

.PHONY: install uninstall install-test

$(INSTALL_GEN)/numbfoot.bash: $(NUMBFOOT)
	@mkdir -p $(dir $@)
	$(Q)./$(NUMBFOOT) help --completions bash > $@.tmp && mv $@.tmp $@

$(INSTALL_GEN)/_numbfoot: $(NUMBFOOT)
	@mkdir -p $(dir $@)
	$(Q)./$(NUMBFOOT) help --completions zsh > $@.tmp && mv $@.tmp $@

# -n: no name or time stamp inside, so that the package builds reproducibly.
$(INSTALL_GEN)/numbfoot.1.gz: docs/numbfoot.1
	@mkdir -p $(dir $@)
	$(Q)gzip -9n < $< > $@.tmp && mv $@.tmp $@

install: $(NUMBFOOT) $(INSTALL_GEN)/numbfoot.bash $(INSTALL_GEN)/_numbfoot $(INSTALL_GEN)/numbfoot.1.gz
	$(INSTALL) -d -m 0755 $(addprefix $(DESTDIR),$(BINDIR) $(MANDIR)/man1 $(BASHCOMPDIR) $(ZSHCOMPDIR) $(APPDIR) $(ICONDIR))
	$(INSTALL) -m 0755 $(NUMBFOOT) $(DESTDIR)$(BINDIR)/numbfoot
	$(INSTALL) -m 0644 $(INSTALL_GEN)/numbfoot.1.gz $(DESTDIR)$(MANDIR)/man1/numbfoot.1.gz
	$(INSTALL) -m 0644 $(INSTALL_GEN)/numbfoot.bash $(DESTDIR)$(BASHCOMPDIR)/numbfoot
	$(INSTALL) -m 0644 $(INSTALL_GEN)/_numbfoot $(DESTDIR)$(ZSHCOMPDIR)/_numbfoot
	$(INSTALL) -m 0644 desktop/numbfoot.desktop $(DESTDIR)$(APPDIR)/numbfoot.desktop
	$(INSTALL) -m 0644 desktop/numbfoot.svg $(DESTDIR)$(ICONDIR)/numbfoot.svg
	@# An icon theme with a cache is looked up through the cache only: refresh it when there is
	@# one (installing onto this machine; a package's trigger does it for Debian's).
	@if [ -z "$(DESTDIR)" ] && [ -f $(DATADIR)/icons/hicolor/icon-theme.cache ] && \
		command -v gtk-update-icon-cache >/dev/null 2>&1; then \
		gtk-update-icon-cache -q -t $(DATADIR)/icons/hicolor || true; fi

uninstall:
	rm -f $(addprefix $(DESTDIR),$(INSTALL_FILES))

# Installs into a scratch folder with PREFIX=/usr, checks every file and its mode, runs the
# installed command from outside the source tree, and uninstalls (tests/install/run.sh).
install-test: $(NUMBFOOT)
	@sh tests/install/run.sh $(NUMBFOOT)
