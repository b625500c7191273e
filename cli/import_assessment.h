/* A saved assessment exported by the static site, for `numbfoot import` (cli/import_assessment.c). */
#ifndef NUMBFOOT_CLI_IMPORT_ASSESSMENT_H
#define NUMBFOOT_CLI_IMPORT_ASSESSMENT_H

#include <stdint.h>

#include "numbfoot/error.h"
#include "numbfoot/journal.h"

/* The kind field that marks a saved assessment (site/store.js writes it). */
#define SAVED_ASSESSMENT_KIND "numbfoot.assessment"

/* Reads path as a saved assessment: a .json file whose object has kind "numbfoot.assessment".
 * NF_ESKIP when it is not one (another name, not JSON, another kind): nothing is read into the
 * journal and the run readers may try it. Else its answers are assessed by this machine's engine
 * and stored with the file's time and completeness: NF_OK with *id; NF_EEXIST (and *id) when the
 * journal has an assessment of the same time and answers; or an error naming the file, the line
 * and the key, with nothing stored. */
nf_err cli_import_assessment(nf_journal *j, const char *path, int64_t *id, nf_error *err);

#endif
