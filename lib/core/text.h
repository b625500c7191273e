/* Small helpers inside the library; nothing here is exported. */
#ifndef NUMBFOOT_CORE_TEXT_H
#define NUMBFOOT_CORE_TEXT_H

#include <stddef.h>

#include "numbfoot/error.h"

/* Reads a whole text file into a new NUL-terminated buffer the caller frees with free(). Fails
 * with NF_ELIMIT past cap bytes (a knowledge base or case file is small; anything larger is not
 * one) and with NF_EPARSE on a NUL byte, naming its offset. */
nf_err core_read_text_file(const char *path, size_t cap, char **out, nf_error *err);

#endif
