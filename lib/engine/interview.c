/* The interview's rules (include/numbfoot/interview.h), on the public engine API alone: the engine
 * weighs answers and chooses screens; this file decides what a screen is worth keeping, when the
 * interview ends and how it goes back. */
#include <stdlib.h>

#include "core/alloc.h"
#include "numbfoot/interview.h"

/* A screen answered: its findings and what each was before, so that going back restores the
 * engine exactly, an answer given before the screen (from the journal) included. */
struct screen {
	nf_question q;
	size_t screens_before;
	nf_answer_state state[NF_MAX_CHECKLIST];
	nf_value value[NF_MAX_CHECKLIST];
};

struct nf_interview {
	nf_engine *e;
	bool on_show; /* shown holds the screen nf_interview_next last gave, not yet answered */
	nf_question shown;
	size_t nhistory;
	/* The engine never shows more than NF_MAX_SCREENS screens, so no more can be answered. */
	struct screen history[NF_MAX_SCREENS];
};

nf_err nf_interview_new(const nf_kb *kb, nf_mode mode, nf_interview **out, nf_error *err)
{
	*out = NULL;
	nf_interview *iv = core_calloc(1, sizeof *iv);
	if (!iv)
		return nf_error_set(err, NF_ENOMEM, "out of memory");
	nf_err rc = nf_engine_new(kb, mode, &iv->e, err);
	if (rc != NF_OK) {
		free(iv);
		return rc;
	}
	*out = iv;
	return NF_OK;
}

void nf_interview_free(nf_interview *iv)
{
	if (!iv)
		return;
	nf_engine_free(iv->e);
	free(iv);
}

nf_engine *nf_interview_engine(nf_interview *iv) { return iv->e; }

void nf_interview_reset(nf_interview *iv)
{
	for (size_t f = 0; f < nf_kb_findings(nf_engine_kb(iv->e)); f++)
		nf_engine_withdraw(iv->e, f);
	nf_engine_set_screens(iv->e, 0);
	iv->on_show = false;
	iv->nhistory = 0;
}

nf_err nf_interview_resume(nf_interview *iv, size_t screens, nf_error *err)
{
	if (screens > NF_MAX_SCREENS)
		return nf_error_set(err, NF_EINVAL, "screens: must be an integer from 0 to %d", NF_MAX_SCREENS);
	nf_engine_set_screens(iv->e, screens);
	iv->on_show = false;
	iv->nhistory = 0;
	return NF_OK;
}

bool nf_interview_stopped(nf_interview *iv)
{
	nf_triage_info ti;
	nf_engine_triage(iv->e, &ti);
	return ti.red_flag_level == NF_EMERGENCY;
}

/* The stopping rule of the interview: the engine's, and the warning sign's before it. */
static bool more(nf_interview *iv, nf_question *q)
{
	return !nf_interview_stopped(iv) && nf_engine_next(iv->e, q);
}

bool nf_interview_next(nf_interview *iv, nf_question *q)
{
	iv->on_show = more(iv, &iv->shown);
	if (iv->on_show)
		*q = iv->shown;
	return iv->on_show;
}

/* Puts finding f back as it was: unasked, unknown or answered v. */
static void restore(nf_engine *e, size_t f, nf_answer_state state, const nf_value *v)
{
	if (state == NF_ANSWERED)
		nf_engine_answer(e, f, v, NULL); /* accepted once, so accepted again */
	else if (state == NF_UNKNOWN)
		nf_engine_unknown(e, f);
	else
		nf_engine_withdraw(e, f);
}

nf_err nf_interview_answer(nf_interview *iv, const nf_answer_state *state, const nf_value *value, nf_error *err)
{
	const nf_kb *kb = nf_engine_kb(iv->e);
	if (!iv->on_show)
		return nf_error_set(err, NF_EINVAL, "no screen on show to answer");
	if (iv->nhistory == NF_MAX_SCREENS)
		return nf_error_set(err, NF_EINVAL, "more than %d screens", NF_MAX_SCREENS);
	struct screen *s = &iv->history[iv->nhistory];
	s->q = iv->shown;
	s->screens_before = nf_engine_screens(iv->e);
	for (size_t i = 0; i < s->q.n; i++) {
		if (state[i] != NF_ANSWERED && state[i] != NF_UNKNOWN)
			return nf_error_set(err, NF_EINVAL, "%s: neither answered nor unknown",
					    nf_kb_finding_id(kb, s->q.finding[i]));
		s->state[i] = nf_engine_state(iv->e, s->q.finding[i], &s->value[i]);
	}
	for (size_t i = 0; i < s->q.n; i++) {
		size_t f = s->q.finding[i];
		if (state[i] == NF_UNKNOWN) {
			nf_engine_unknown(iv->e, f);
			continue;
		}
		nf_err rc = nf_engine_answer(iv->e, f, &value[i], err);
		if (rc != NF_OK) {
			while (i--)
				restore(iv->e, s->q.finding[i], s->state[i], &s->value[i]);
			return rc;
		}
	}
	nf_engine_count_screen(iv->e);
	iv->nhistory++;
	iv->on_show = false;
	return NF_OK;
}

bool nf_interview_back(nf_interview *iv)
{
	if (!iv->nhistory)
		return false;
	const struct screen *s = &iv->history[--iv->nhistory];
	for (size_t i = 0; i < s->q.n; i++)
		restore(iv->e, s->q.finding[i], s->state[i], &s->value[i]);
	nf_engine_set_screens(iv->e, s->screens_before);
	iv->on_show = false;
	return true;
}

size_t nf_interview_screens(const nf_interview *iv) { return nf_engine_screens(iv->e); }

bool nf_interview_complete(nf_interview *iv)
{
	nf_question q;
	return !more(iv, &q);
}

void nf_interview_progress(nf_interview *iv, nf_progress *out)
{
	/* nf_engine_screens_left is 0 when the engine would stop; only the warning sign's stop is
	 * this file's to add. */
	out->screens = nf_engine_screens(iv->e);
	out->left = nf_interview_stopped(iv) ? 0 : nf_engine_screens_left(iv->e);
	out->fraction = out->left ? (double)out->screens / (double)(out->screens + out->left) : 1.0;
}
