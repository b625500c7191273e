/* Reading small text files whole (knowledge bases, case files). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/alloc.h"

nf_err nf_read_text_file(const char *path, size_t cap, char **out, nf_error *err)
{
	FILE *f = fopen(path, "rb");
	*out = NULL;
	if (!f)
		return nf_error_set(err, NF_EIO, "%s: cannot open: %m", path);
	char *buf = core_malloc(cap + 1);
	if (!buf) {
		fclose(f);
		return nf_error_set(err, NF_ENOMEM, "%s: out of memory", path);
	}
	size_t n = fread(buf, 1, cap + 1, f);
	bool bad = ferror(f);
	fclose(f);
	if (bad) {
		free(buf);
		return nf_error_set(err, NF_EIO, "%s: read error", path);
	}
	if (n > cap) {
		free(buf);
		return nf_error_set(err, NF_ELIMIT, "%s: larger than %zu bytes", path, cap);
	}
	if (memchr(buf, '\0', n)) {
		size_t at = (size_t)((char *)memchr(buf, '\0', n) - buf);
		free(buf);
		return nf_error_set(err, NF_EPARSE, "%s: byte %zu: NUL byte in a text file", path, at);
	}
	buf[n] = '\0';
	*out = buf;
	return NF_OK;
}
