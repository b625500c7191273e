/* numbfoot: case files (the format of the project's contract, docs/cases.md).
 *
 * A case is a person's answers with the expected cause and triage. The reader checks every rule
 * of the format against the knowledge base's vocabulary and never half-reads: a fault means no
 * nf_case, and the message names the file, the line and the key.
 */
#ifndef NUMBFOOT_CASE_H
#define NUMBFOOT_CASE_H

#include <stdbool.h>
#include <stddef.h>

#include "numbfoot/engine.h"
#include "numbfoot/error.h"
#include "numbfoot/interview.h"
#include "numbfoot/kb.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct nf_case nf_case;

/* Reads a case from a NUL-terminated JSON text; name is used in messages. On success *out is a
 * new case the caller frees with nf_case_free. On failure NF_EPARSE and the first fault. */
NF_API nf_err nf_case_load(const nf_kb *kb, const char *text, const char *name, nf_case **out, nf_error *err);
NF_API nf_err nf_case_load_file(const nf_kb *kb, const char *path, nf_case **out, nf_error *err);
/* Reports every fault ("FILE:LINE: KEY: message") through report; returns how many. */
NF_API size_t nf_case_check(const nf_kb *kb, const char *text, const char *name,
			    void (*report)(void *ctx, const char *message), void *ctx);
/* The same for a file; a file that cannot be read is reported as one fault. */
NF_API size_t nf_case_check_file(const nf_kb *kb, const char *path, void (*report)(void *ctx, const char *message),
				 void *ctx);
NF_API void nf_case_free(nf_case *c);

NF_API const char *nf_case_id(const nf_case *c);
NF_API const char *nf_case_source(const nf_case *c);
NF_API nf_mode nf_case_mode(const nf_case *c);
/* The expected condition's index in the knowledge base, or -1 when the case says null. */
NF_API int nf_case_expected(const nf_case *c);
NF_API bool nf_case_acceptable(const nf_case *c, size_t condition); /* expected or acceptable */
NF_API nf_triage nf_case_expected_triage(const nf_case *c);

/* What the case says of finding f: NF_ANSWERED with *v, NF_UNKNOWN for an explicit null, or
 * NF_UNASKED when the file does not mention it. */
NF_API nf_answer_state nf_case_answer(const nf_case *c, size_t f, nf_value *v);
/* Answers the screen on show (q, from nf_interview_next) as the person of the case would: its
 * answer where it has one, "don't know" elsewhere (nf_interview_answer, which counts the screen).
 * The simulated person of `eval --interview` and the benchmarks. Fails as nf_interview_answer. */
NF_API nf_err nf_case_answer_screen(const nf_case *c, nf_interview *iv, const nf_question *q, nf_error *err);
/* Gives the engine every answer of the case at once. */
NF_API nf_err nf_case_apply(const nf_case *c, nf_engine *e, nf_error *err);

#ifdef __cplusplus
}
#endif
#endif
