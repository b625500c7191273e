/* Shared by the fuzz targets: the readers take NUL-terminated text, libFuzzer gives bytes. */
#ifndef NUMBFOOT_FUZZ_UTIL_H
#define NUMBFOOT_FUZZ_UTIL_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "numbfoot/import.h"

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

/* Reads data as one watch file named name, every activity in it with its route: the paths that
 * 'numbfoot import' takes. */
static inline void fuzz_import(const uint8_t *data, size_t size, const char *name)
{
	nf_error err;
	nf_import *im = NULL;
	nf_import_opts o;
	nf_import_opts_init(&o);
	o.route = true;
	if (nf_import_read_buffer(data, size, name, &o, &im, &err) == NF_OK) {
		for (size_t i = 0; i < nf_import_count(im); i++) {
			size_t n;
			(void)nf_import_get(im, i);
			(void)nf_import_route(im, i, &n);
		}
		nf_import_free(im);
	}
}

#endif
