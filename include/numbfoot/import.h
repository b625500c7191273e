/* numbfoot: reading runs from watch files (GPX 1.1, TCX, FIT).
 *
 * Each reader streams its input in constant memory and fills one nf_run_record. On malformed
 * input it returns NF_EPARSE with a message naming the file and the line (GPX, TCX) or byte
 * offset (FIT); a file that is valid but not a run (a bike ride, a settings file) gives NF_ESKIP.
 * Nothing is written anywhere: storing the record is the journal's job.
 */
#ifndef NUMBFOOT_IMPORT_H
#define NUMBFOOT_IMPORT_H

#include <stddef.h>

#include "numbfoot/error.h"
#include "numbfoot/run.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum nf_import_format {
	NF_FORMAT_UNKNOWN = 0,
	NF_FORMAT_GPX,
	NF_FORMAT_TCX,
	NF_FORMAT_FIT,
} nf_import_format;

/* Guesses the format from the first bytes of a file (head, len) and, failing that, its name. */
NF_API nf_import_format nf_import_detect(const void *head, size_t len, const char *name);

/* Reads the file at path into *run (initialised by the call), including source_file and
 * source_sha256. Returns NF_OK, NF_ESKIP, NF_EPARSE, NF_ELIMIT or NF_EIO. */
NF_API nf_err nf_import_file(const char *path, nf_run_record *run, nf_error *err);

/* nf_import_file, and the run's route too: *track gets a new array (the caller frees it with
 * free(); NULL when the file has no positions) of at most NF_TRACK_MAX points evenly spread
 * over the run, in order, *ntrack their number. Memory stays bounded whatever the file's size. */
NF_API nf_err nf_import_file_route(const char *path, nf_run_record *run, nf_track_point **track, size_t *ntrack,
				   nf_error *err);

/* The same for bytes in memory; name is used in messages and as source_file. */
NF_API nf_err nf_import_buffer(const void *data, size_t len, const char *name, nf_run_record *run,
			       nf_error *err);

#ifdef __cplusplus
}
#endif
#endif
