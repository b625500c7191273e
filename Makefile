# numbfoot: one Makefile, no other build system.
#
#   make            build the numbfoot command (build/numbfoot); warnings are shown, not errors
#   make run        install missing Debian packages, build, start the assessment
#   make test       the quick tier for everyday work: unit and command-line tests (under a minute)
#   make check      the whole suite, what CI runs: builds with warnings as errors (GCC, and clang
#                   into build/clang), then unit, command line, the import oracle, fuzz replay and
#                   short fuzz runs, the suite again under AddressSanitizer + UBSan, browser tests
#                   of the served page and of the static site, make install into a scratch folder,
#                   and (as root) the Debian package installed
#   make SAN=1      a sanitizer build (into build/san)
#   make WERROR=1   warnings as errors (make check's setting)
#   make bench      the benchmarks in bench/ (figures, never pass/fail)
#   make deps       install missing Debian packages only
#   make man        regenerate docs/numbfoot.1 from the command table
#   make install    the command, man page, completion and desktop entry (PREFIX, DESTDIR; mk/install.mk)
#   make deb        the Debian package, into build/deb/ (mk/deb.mk)
#   make site       the static site with numbfoot.wasm, into build/site/ (mk/site.mk)
#
# Modules are found by their folders: every lib/*/*.c goes into libnumbfoot, every web/*.c into
# libnumbfoot-web (the server and its page, which needs nothing from cli/), every cli/*.c into the
# command, every tests/unit/test_*.c is a cmocka program, every fuzz/fuzz_*.c a libFuzzer target;
# the command, the tests, the benchmarks and the fuzz targets link both libraries. A module that needs more rules adds mk/NAME.mk, which is included here.
#
# Warnings are errors in make check and CI only: a newer compiler's new warning must never stop
# someone's build of a release.

NUMBFOOT_VERSION := 0.1.0

PKGS      := jansson sqlite3 expat libmicrohttpd cairo pangocairo libedit libcrypto zlib libarchive
TEST_PKGS := cmocka

CC      ?= cc
SAN     ?= 0
WERROR  ?= 0
ifeq ($(SAN),1)
BUILD   ?= build/san
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
OPT     ?= -O1 -g
else
BUILD   ?= build
SANFLAGS :=
OPT     ?= -O2 -g
endif

WARN     := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
# Messages are cut at their buffer on purpose; GCC warns of that, clang 14 knows no such warning.
ifeq ($(findstring clang,$(shell $(CC) --version 2>/dev/null)),)
WARN     += -Wno-format-truncation
endif
ifeq ($(WERROR),1)
WARN     += -Werror
endif
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm
TEST_CFLAGS := $(shell pkg-config --cflags $(TEST_PKGS) 2>/dev/null)
TEST_LIBS   := $(shell pkg-config --libs $(TEST_PKGS) 2>/dev/null)

CPPFLAGS += -Iinclude -Ilib -D_GNU_SOURCE -DNUMBFOOT_VERSION=\"$(NUMBFOOT_VERSION)\" -include lib/core/banned.h
CFLAGS   += -std=c11 $(OPT) $(WARN) $(SANFLAGS) -fvisibility=hidden -fPIC $(PKG_CFLAGS) -MMD -MP
LDFLAGS  += $(SANFLAGS)

LIB_SRCS  := $(sort $(wildcard lib/*/*.c))
CLI_SRCS  := $(sort $(wildcard cli/*.c))
WEB_SRCS  := $(sort $(wildcard web/*.c))
UNIT_SRCS := $(sort $(wildcard tests/unit/test_*.c))
FUZZ_SRCS := $(sort $(wildcard fuzz/fuzz_*.c))

LIB_OBJS  := $(LIB_SRCS:%.c=$(BUILD)/%.o)
WEB_OBJS  := $(WEB_SRCS:%.c=$(BUILD)/%.o) $(BUILD)/web/blobs.o
CLI_OBJS  := $(CLI_SRCS:%.c=$(BUILD)/%.o) $(BUILD)/cli/blobs.o
UNIT_BINS := $(UNIT_SRCS:%.c=$(BUILD)/%)
REPLAY_BINS := $(FUZZ_SRCS:fuzz/%.c=$(BUILD)/fuzz/replay_%)

LIBA   := $(BUILD)/libnumbfoot.a
LIBSO  := $(BUILD)/libnumbfoot.so
WEBA   := $(BUILD)/libnumbfoot-web.a
CLIA   := $(BUILD)/libnumbfoot-cli.a
NUMBFOOT := $(BUILD)/numbfoot

.PHONY: all run test check deps test-deps unit cli-test fuzz-replay fuzz-run san-check web-test bench clean man \
	compile-all clang-build FORCE
.DEFAULT_GOAL := all

all: $(NUMBFOOT) $(LIBSO)

# Everything that compiles, linked but not run (clang-build's target; mk/*.mk add their programs).
compile-all: all $(UNIT_BINS) $(REPLAY_BINS)

# Quiet by default; `make V=1` shows each command.
ifeq ($(V),1)
Q :=
else
Q := @
endif

# The compiler and its flags, rewritten only when they change (WERROR=1, another CC, a new version),
# so that every object is rebuilt then and only then.
FLAGS := $(BUILD)/flags
$(FLAGS): FORCE
	@mkdir -p $(dir $@)
	@printf '%s\n' '$(CC) $(CPPFLAGS) $(CFLAGS)' | cmp -s - $@ || printf '%s\n' '$(CC) $(CPPFLAGS) $(CFLAGS)' > $@

$(BUILD)/%.o: %.c $(FLAGS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

# Data built into the command (cli/blobs.S): rebuilt when the knowledge base changes.
$(BUILD)/cli/blobs.o: cli/blobs.S kb/numbfoot.json kb/vocabulary.json
	@mkdir -p $(dir $@)
	$(Q)$(CC) -c $< -o $@

$(LIBA): $(LIB_OBJS)
$(WEBA): $(WEB_OBJS)
$(LIBA) $(WEBA):
	@mkdir -p $(dir $@)
	@rm -f $@
	@$(if $(Q),echo "  AR      $@")
	$(Q)ar rcs $@ $^

# The shared library exists so that a test can check that only nf_ symbols are exported.
$(LIBSO): $(LIB_OBJS)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) -shared $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(NUMBFOOT): $(CLI_OBJS) $(WEBA) $(LIBA)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $(CLI_OBJS) $(WEBA) $(LIBA) $(PKG_LIBS)

$(BUILD)/tests/unit/%.o: tests/unit/%.c $(FLAGS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) $(TEST_CFLAGS) -c $< -o $@

$(BUILD)/tests/unit/%: $(BUILD)/tests/unit/%.o $(WEBA) $(LIBA)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $< $(WEBA) $(LIBA) $(PKG_LIBS) $(TEST_LIBS)

# Each fuzz target is also linked with a plain main() that replays its committed corpus, so the
# ordinary test run exercises every seed without libFuzzer.
$(BUILD)/fuzz/replay_%: $(BUILD)/fuzz/%.o $(BUILD)/fuzz/replay_main.o $(CLIA) $(WEBA) $(LIBA)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

# Keep intermediate objects of pattern rules (unit tests, fuzz replays) between runs.
.SECONDARY:

deps:
	@sh scripts/deps.sh

test-deps:
	@sh scripts/deps.sh --test

run: deps
	@$(MAKE) --no-print-directory all
	./$(NUMBFOOT) assess

# The quick tier: what a change most often breaks, in well under a minute.
test: all
	@$(MAKE) --no-print-directory unit cli-test

unit: $(UNIT_BINS)
	@sh tests/run-unit.sh $(BUILD) $(UNIT_BINS)

cli-test: $(NUMBFOOT)
	@sh tests/cli/run.sh $(NUMBFOOT)

fuzz-replay: $(REPLAY_BINS)
	@sh fuzz/replay.sh $(BUILD) $(REPLAY_BINS)

# Short libFuzzer runs, with clang, a few seconds per target.
FUZZ_SECONDS ?= 4
fuzz-run:
	@sh fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_SRCS)

san-check:
	@$(MAKE) --no-print-directory SAN=1 unit cli-test fuzz-replay web-test

web-test: $(NUMBFOOT)
	@if [ -x tests/web/run.sh ]; then sh tests/web/run.sh $(NUMBFOOT); else echo "web-test: no browser tests yet"; fi

# The code compiles without a warning under clang too (CI's compilers are GCC 12 and clang 14);
# only compiled, into its own folder: the tests run on the GCC build.
clang-build:
	@$(MAKE) --no-print-directory CC=clang BUILD=build/clang WERROR=1 compile-all

# check installs what the tests need first (a no-op when all is there), so that it works on a
# fresh Debian 12 machine as the README promises. Every build in it treats warnings as errors.
CHECK_MAKE = $(MAKE) --no-print-directory WERROR=1
check: test-deps
	@rm -rf build/results
	@$(CHECK_MAKE) all
	@$(CHECK_MAKE) clang-build
	@$(CHECK_MAKE) unit cli-test fuzz-replay import-oracle-test
	@$(CHECK_MAKE) fuzz-run
	@$(CHECK_MAKE) san-check
	@$(CHECK_MAKE) web-test
	@$(CHECK_MAKE) site-test
	@$(CHECK_MAKE) install-test deb-test
	@sh tests/summary.sh

bench: all
	@sh scripts/deps.sh --bench
	@for b in bench/*.sh; do sh $$b $(NUMBFOOT) || exit 1; done

man: $(NUMBFOOT)
	./$(NUMBFOOT) help --man > docs/numbfoot.1

clean:
	rm -rf build

-include $(wildcard mk/*.mk)

# The command less its main(), for the fuzz target of the arguments (fuzz/fuzz_args.c); after the
# mk/ files, since mk/kbimage.mk adds the knowledge base's image to CLI_OBJS.
$(CLIA): $(filter-out $(BUILD)/cli/main.o,$(CLI_OBJS))
	@rm -f $@
	@$(if $(Q),echo "  AR      $@")
	$(Q)ar rcs $@ $^
-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
