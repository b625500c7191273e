# Benchmarks: C programs in bench/ linked with the libraries; run by `make bench` through bench/*.sh.
$(BUILD)/bench/%: bench/%.c $(WEBA) $(LIBA)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(WEBA) $(LIBA) $(PKG_LIBS)
