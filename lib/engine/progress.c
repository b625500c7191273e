/* How far the interview has come: an estimate of the screens still to come, for a progress bar
 * that moves honestly instead of creeping towards a fixed guess.
 *
 * The stopping rule (nf_engine_next) decides when the interview ends, and it depends on answers not
 * yet given, so the number of screens left is not known in advance. It is estimated by playing the
 * interview on, on a scratch engine, with each screen answered as the posterior of that moment
 * finds likeliest, until the stopping rule ends it: the length of the interview's most probable
 * course from here. Surprising answers make the real course longer; the estimate is taken again
 * at every screen, so the bar follows. Only the public engine API and the knowledge base's tables
 * are used: the scratch engine is one more client of the engine.
 */
#include <math.h>
#include <string.h>

#include "kb/kb_impl.h"
#include "numbfoot/engine.h"

/* P(outcome o of finding f) under the scratch engine's posterior. */
static double predictive(nf_engine *s, const struct nf_finding *f, int o)
{
	const nf_kb *kb = nf_engine_kb(s);
	double p = 0;
	for (int c = 0; c < kb->ncond; c++)
		p += nf_engine_probability(s, (size_t)c) * f->p[c][o];
	return p;
}

/* The likeliest answer to finding f under the scratch engine's posterior. */
static nf_value likeliest(nf_engine *s, const struct nf_finding *f)
{
	nf_value v = {0};
	if (f->type == NF_SET) {
		for (int k = 0; k < f->nvalues && k < 32; k++)
			if (predictive(s, f, k) > 0.5)
				v.set |= 1u << k;
		return v;
	}
	int best = 0;
	double pbest = -1;
	for (int o = 0; o < f->nout; o++) {
		double p = predictive(s, f, o);
		if (p > pbest)
			pbest = p, best = o;
	}
	switch (f->type) {
	case NF_BOOL:
		v.b = best == 1;
		break;
	case NF_ENUM:
		v.index = best;
		break;
	case NF_NUMBER:
		/* A number inside the bin: bin o > 0 starts at edge[o - 1]; bin 0 lies below edge[0]. */
		v.x = best > 0 ? f->edge[best - 1] : fmax(0, f->edge[0] / 2);
		break;
	case NF_SET:
		break;
	}
	return v;
}

size_t nf_engine_screens_left(const nf_engine *e)
{
	const nf_kb *kb = nf_engine_kb(e);
	size_t asked = nf_engine_screens(e);
	size_t fallback = asked < NF_MAX_SCREENS ? NF_MAX_SCREENS - asked : 1;
	nf_engine *s;
	if (nf_engine_new(kb, nf_engine_mode(e), &s, NULL) != NF_OK)
		return fallback;
	for (int f = 0; f < kb->nfind; f++) {
		nf_value v;
		nf_answer_state st = nf_engine_state(e, (size_t)f, &v);
		if (st == NF_ANSWERED)
			nf_engine_answer(s, (size_t)f, &v, NULL);
		else if (st == NF_UNKNOWN)
			nf_engine_unknown(s, (size_t)f);
	}
	nf_engine_set_screens(s, asked);
	size_t left = 0;
	nf_question q;
	/* Each pass answers at least one finding, so the loop ends; the cap is a second guard. */
	while (left <= NF_MAX_SCREENS && nf_engine_next(s, &q)) {
		nf_value v[NF_MAX_CHECKLIST];
		for (size_t i = 0; i < q.n; i++)
			v[i] = likeliest(s, &kb->find[q.finding[i]]);
		for (size_t i = 0; i < q.n; i++)
			if (nf_engine_answer(s, q.finding[i], &v[i], NULL) != NF_OK)
				nf_engine_unknown(s, q.finding[i]);
		nf_engine_count_screen(s);
		left++;
	}
	nf_engine_free(s);
	return left;
}
