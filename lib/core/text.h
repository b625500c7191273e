/* Small helpers inside the library; nothing here is exported. */
#ifndef NUMBFOOT_CORE_TEXT_H
#define NUMBFOOT_CORE_TEXT_H

#include <stddef.h>

#include "numbfoot/error.h"

/* Reads a whole text file into a new NUL-terminated buffer the caller frees with free(). Fails
 * with NF_ELIMIT past cap bytes (a knowledge base or case file is small; anything larger is not
 * one), with NF_EPARSE on a NUL byte, naming its offset, and with NF_EINVAL on a folder ("is a
 * folder, not a file": fopen opens one, and only the read would fail). */
nf_err core_read_text_file(const char *path, size_t cap, char **out, nf_error *err);

/* The character at p (before end) in *code; returns its length in bytes, 1 for ASCII, 0 when the
 * bytes there are not valid UTF-8 (nf_utf8_len is this for the characters past ASCII). */
size_t core_utf8_decode(const unsigned char *p, const unsigned char *end, unsigned *code);

/* NF_OK when s (NUL-terminated, or NULL) is valid UTF-8; else NF_EINVAL with the message
 * "FIELD: not valid UTF-8 at byte N" (N counted from 1). Every text the journal stores passes
 * here, since its JSON writers, and so export and the web API, can only write UTF-8. */
nf_err core_utf8_check(const char *field, const char *s, nf_error *err);


/* Copies the UTF-8 text src into dst (size bytes, size > 0), cut at a character's start when it
 * does not fit, so that a long name is shortened without becoming invalid. */
void core_utf8_copy(char *dst, size_t size, const char *src);

#endif
