# The web server (web/*.c, linked into the command by the main Makefile) and its page
# (web/static/*, built into the command by cli/blobs.S).
$(BUILD)/cli/blobs.o: $(wildcard web/static/*)

# The HTTP fuzz target includes the handler's sources (see fuzz/fuzz_http.c), so its replay
# build is rebuilt when they change.
$(BUILD)/fuzz/fuzz_http.o: $(wildcard web/*.c web/*.h)
