# Benchmarks: C programs in bench/ linked with the library; run by `make bench` through bench/*.sh.
$(BUILD)/bench/%: bench/%.c $(LIBA)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(LIBA) $(PKG_LIBS)
