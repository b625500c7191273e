# The web server (web/*.c) and its page (web/static/*, built in by web/blobs.S) make
# libnumbfoot-web.a, which the main Makefile links into the command, the unit tests, the
# benchmarks and the fuzz targets. The page is rebuilt into it when one of its files changes.
$(BUILD)/web/blobs.o: web/blobs.S $(wildcard web/static/*)
	@mkdir -p $(dir $@)
	$(Q)$(CC) -c $< -o $@
