/* numbfoot: errors shared by every part of the library.
 *
 * The library never prints, exits or aborts. A function that can fail returns an nf_err and, when
 * the caller passes a non-NULL nf_error, fills it with a message that names the place of the
 * fault (file and line, or file and byte offset). Only main() decides what to do with it.
 */
#ifndef NUMBFOOT_ERROR_H
#define NUMBFOOT_ERROR_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define NF_API __attribute__((visibility("default")))
#else
#define NF_API
#endif

typedef enum nf_err {
	NF_OK = 0,
	NF_ENOMEM,    /* an allocation failed */
	NF_EIO,       /* reading or writing a file failed */
	NF_EPARSE,    /* malformed input: bad syntax, unknown ID, wrong type, out of range */
	NF_EINVAL,    /* a caller passed an invalid argument */
	NF_ENOTFOUND, /* the thing asked for does not exist */
	NF_EEXIST,    /* the thing to create exists already */
	NF_ELIMIT,    /* input exceeds a fixed cap (size, count, depth) */
	NF_EDB,       /* the journal database refused an operation */
	NF_ESKIP,     /* input is valid but not for us (a bike ride, a settings file) */
	NF_ERR_COUNT
} nf_err;

#define NF_ERROR_MSG_MAX 512

/* A returned error: the code and a message naming where the fault is. */
typedef struct nf_error {
	nf_err code;
	char msg[NF_ERROR_MSG_MAX];
} nf_error;

/* A fixed English description of code; never NULL. */
NF_API const char *nf_errstr(nf_err code);

/* Fills err (if not NULL) with code and a printf-style message; returns code, so that a failing
 * path can end with `return nf_error_set(err, NF_EPARSE, "%s:%d: ...", file, line);`. */
NF_API nf_err nf_error_set(nf_error *err, nf_err code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Clears err (if not NULL) to NF_OK with an empty message. */
NF_API void nf_error_clear(nf_error *err);

#ifdef __cplusplus
}
#endif
#endif
