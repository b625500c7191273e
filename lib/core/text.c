/* Reading small text files whole (knowledge bases, case files). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/text.h"
#include "core/alloc.h"

nf_err core_read_text_file(const char *path, size_t cap, char **out, nf_error *err)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	*out = NULL;
	if (!f)
		return nf_error_set(err, NF_EIO, "%s: cannot open: %m", path);
	/* fopen opens a folder for reading and only fread fails ("read error", as if the disk had):
	 * a folder where a file is wanted is the caller's input, and said so. */
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		return nf_error_set(err, NF_EINVAL, "%s: is a folder, not a file", path);
	}
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
