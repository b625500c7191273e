# Extra rules for lib/import: the dump tool, the oracle test against Garmin's FIT SDK and the
# benchmark helper. Included by the top-level Makefile.

IMPORT_DUMP := $(BUILD)/tests/import/dump

$(BUILD)/tests/import/%.o: tests/import/%.c $(FLAGS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(IMPORT_DUMP): $(BUILD)/tests/import/dump.o $(LIBA)
	$(CC) $(LDFLAGS) -o $@ $< $(LIBA) $(PKG_LIBS)

.PHONY: import-dump import-oracle-test
import-dump: $(IMPORT_DUMP)
compile-all: $(IMPORT_DUMP)

# Compares the FIT reader with @garmin/fitsdk's decoder on every FIT fixture and on synthetic
# runs; needs node and `npm ci` in tests/import (run.sh does it when node_modules is missing).
import-oracle-test: $(IMPORT_DUMP)
	@sh tests/import/run.sh $(IMPORT_DUMP)
