/* numbfoot: the interview.
 *
 * An nf_interview asks an nf_engine's questions a screen at a time and holds every rule of the
 * interview in one place, for every face that runs one (the terminal, the served page, the offline
 * site, `eval --interview` and the benchmarks): which screen comes next and when to stop (a
 * warning sign at emergency level ends the interview at once), the answers of each screen so that
 * going back one screen restores the engine as it was before it, the count of screens, the
 * progress, whether the interview ran to its end, and the warning signs it never asked.
 *
 * An interview owns its engine and borrows its nf_kb, which must outlive it. One interview must
 * not be used from two threads at once.
 */
#ifndef NUMBFOOT_INTERVIEW_H
#define NUMBFOOT_INTERVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "numbfoot/engine.h"
#include "numbfoot/error.h"
#include "numbfoot/kb.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct nf_interview nf_interview;

/* A new interview, with an engine of its own in mode and no answers. On success *out is the
 * interview, freed with nf_interview_free (which accepts NULL); on failure *out is NULL. */
NF_API nf_err nf_interview_new(const nf_kb *kb, nf_mode mode, nf_interview **out, nf_error *err);
NF_API void nf_interview_free(nf_interview *iv);

/* The interview's engine, owned by iv and valid until nf_interview_free: for the result, and for
 * answers known before the first screen (a case file, the journal, the stateless page's request).
 * Answers given to the engine directly belong to no screen: going back never takes them back. */
NF_API nf_engine *nf_interview_engine(nf_interview *iv);

/* Takes every answer back and forgets every screen: the interview is then as a new one in the
 * same mode, without the cost of a new engine. */
NF_API void nf_interview_reset(nf_interview *iv);

/* For a caller that keeps the answers itself and gives them all at each step (the page): the
 * answers given to the engine so far were asked in screens screens. The screens before cannot be
 * gone back to. NF_EINVAL (iv unchanged) for more than NF_MAX_SCREENS. */
NF_API nf_err nf_interview_resume(nf_interview *iv, size_t screens, nf_error *err);

/* The next screen to show in *q; false when the interview is over: a warning sign answered at
 * emergency level stopped it (nf_interview_stopped), or the engine has no screen left worth
 * asking (nf_engine_next's stopping rule). The screen is the one nf_interview_answer answers. */
NF_API bool nf_interview_next(nf_interview *iv, nf_question *q);

/* Answers the screen the last nf_interview_next showed: for its i-th finding state[i] is
 * NF_ANSWERED with value[i], or NF_UNKNOWN for "don't know" (value may then be NULL). Counts the
 * screen and keeps it for nf_interview_back. All or nothing: NF_EINVAL when no screen is on show
 * (next not called, returned false, or already answered), for NF_UNASKED, or for a value the
 * engine refuses (the message names the finding); the interview is then unchanged. */
NF_API nf_err nf_interview_answer(nf_interview *iv, const nf_answer_state *state, const nf_value *value,
				  nf_error *err);

/* Goes back one screen: takes back the answers of the last screen answered, restoring each of its
 * findings to what it was before, and the count of screens with them. False, with nothing
 * changed, when no screen answered through iv is left to go back to. */
NF_API bool nf_interview_back(nf_interview *iv);

/* Screens asked so far (those of nf_interview_resume included). */
NF_API size_t nf_interview_screens(const nf_interview *iv);

/* True when a warning sign answered so far calls for emergency care: the interview stops there
 * and its result is shown at once. */
NF_API bool nf_interview_stopped(nf_interview *iv);

/* True when the interview asked all it wanted: it stopped on a warning sign, or no screen is left
 * worth asking. False for one cut short (the person quit, or the input ended). */
NF_API bool nf_interview_complete(nf_interview *iv);

/* The progress bar: screens asked, the engine's estimate of those left counting the one on show
 * (nf_engine_screens_left; 0 once the interview is over) and the share done, which reaches 1 only
 * when the interview is over. Takes a few milliseconds. */
typedef struct nf_progress {
	size_t screens;
	size_t left;
	double fraction;
} nf_progress;
NF_API void nf_interview_progress(nf_interview *iv, nf_progress *out);

#ifdef __cplusplus
}
#endif
#endif
