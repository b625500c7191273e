/* Shared by the fuzz targets: the readers take NUL-terminated text, libFuzzer gives bytes. */
#ifndef NUMBFOOT_FUZZ_UTIL_H
#define NUMBFOOT_FUZZ_UTIL_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A NUL-terminated copy of data the caller frees, or NULL when out of memory. An embedded NUL
 * ends the text early, as it would for any C reader of text. */
static inline char *fuzz_text(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (text) {
		memcpy(text, data, size);
		text[size] = '\0';
	}
	return text;
}

#endif
