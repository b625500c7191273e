# The web server (web/*.c, linked into the command by the main Makefile) and its page
# (web/static/*, built into the command by cli/blobs.S).
$(BUILD)/cli/blobs.o: $(wildcard web/static/*)

# The HTTP fuzz target includes the handler's sources (see fuzz/fuzz_http.c), so its replay
# build is rebuilt when they change.
$(BUILD)/fuzz/fuzz_http.o: $(wildcard web/*.c web/*.h)

# The handler's unit test links the web objects but server.o, which holds the sockets and needs
# libmicrohttpd's event loop; the handler itself needs only what PKG_LIBS already has (jansson).
WEB_HANDLER_OBJS := $(patsubst %.c,$(BUILD)/%.o,$(filter-out web/server.c,$(wildcard web/*.c)))

$(BUILD)/tests/unit/test_web: $(BUILD)/tests/unit/test_web.o $(WEB_HANDLER_OBJS) $(LIBA)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $< $(WEB_HANDLER_OBJS) $(LIBA) $(PKG_LIBS) $(TEST_LIBS)

# So does the benchmark of the handler alone (bench/web_handler.c).
$(BUILD)/bench/web_handler: bench/web_handler.c $(WEB_HANDLER_OBJS) $(LIBA)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(WEB_HANDLER_OBJS) $(LIBA) $(PKG_LIBS)

# The header-phase guard's test links the guard alone (web/guard.c needs no HTTP).
$(BUILD)/tests/unit/test_web_guard: $(BUILD)/tests/unit/test_web_guard.o $(BUILD)/web/guard.o
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(TEST_LIBS) -lpthread
