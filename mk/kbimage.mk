# The knowledge base's compiled image (lib/kb/image.c): made from kb/*.json by scripts/kb_image.c
# with this build's library, and carried by the command (cli/kbimage.S), which loads it in place of
# the built-in JSON. Included by the top-level Makefile.

KB_IMAGE      := $(BUILD)/kb/numbfoot.kbi
KB_IMAGE_TOOL := $(BUILD)/scripts/kb_image

$(BUILD)/scripts/%.o: scripts/%.c $(FLAGS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(KB_IMAGE_TOOL): $(BUILD)/scripts/kb_image.o $(LIBA)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $< $(LIBA) $(PKG_LIBS)

$(KB_IMAGE): $(KB_IMAGE_TOOL) kb/numbfoot.json kb/vocabulary.json
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  GEN     $@")
	$(Q)$(KB_IMAGE_TOOL) kb/vocabulary.json kb/numbfoot.json $@

# The assembler finds the image in this build's folder (build/, build/san/, build/clang/).
$(BUILD)/cli/kbimage.o: cli/kbimage.S $(KB_IMAGE)
	@mkdir -p $(dir $@)
	$(Q)$(CC) -c -Wa,-I,$(BUILD)/kb $< -o $@

CLI_OBJS += $(BUILD)/cli/kbimage.o
$(NUMBFOOT): $(BUILD)/cli/kbimage.o
compile-all: $(KB_IMAGE)
