/* How far the interview has come: an estimate of the screens still to come, for a progress bar
 * that moves honestly instead of creeping towards a fixed guess.
 *
 * The stopping rule (nf_engine_next) decides when the interview ends, and it depends on answers not
 * yet given, so the number of screens left is not known in advance. It is estimated by simulation:
 * a runner is drawn from the posterior of the answers so far (a cause c with its probability), the
 * interview is played on for them on a scratch engine, each screen answered as a runner with c
 * answers (the knowledge base's P(answer | c)), until the stopping rule ends it. The estimate is
 * the mean length over PATHS such runners: the expected number of screens left under the model.
 * The draws come from a fixed seed, so the same answers always give the same estimate. Only the
 * public engine API and the knowledge base's tables are used: the scratch engine is one more
 * client of the engine.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "engine/engine_priv.h"
#include "kb/kb_impl.h"
#include "numbfoot/engine.h"

/* Simulated runners per estimate: with 24 the estimate moves by about one screen from one screen
 * to the next over the case suite, and takes a few milliseconds. */
#define PATHS 24

/* xorshift64: small, fast and the same everywhere, which is all a simulation needs here. */
static double uniform(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return (double)(*s >> 11) / 9007199254740992.0; /* 2^53 */
}

/* An answer to finding f drawn as a runner with condition c gives it. A warning sign is taken as
 * absent: a runner who has one is sent to care at once, and the bar is about the interview. */
static nf_value draw(const struct kb_finding *f, int c, uint64_t *rs)
{
	nf_value v = {0};
	if (f->type == NF_SET) {
		for (int k = 0; k < f->nvalues && k < 32; k++)
			if (uniform(rs) < f->p[c][k])
				v.set |= 1u << k;
		return v;
	}
	double u = uniform(rs), acc = 0;
	int o = 0;
	for (; o < f->nout - 1; o++) {
		acc += f->p[c][o];
		if (u < acc)
			break;
	}
	if (f->red_flag >= 0 && o == f->red_flag_value)
		o = f->type == NF_BOOL ? !o : (o + 1) % f->nout;
	switch (f->type) {
	case NF_BOOL:
		v.b = o == 1;
		break;
	case NF_ENUM:
		v.index = o;
		break;
	case NF_NUMBER:
		/* A number inside the bin: bin o > 0 starts at edge[o - 1]; bin 0 lies between the
		 * range's lowest answer and edge[0] (the loader keeps every edge inside the range). */
		v.x = o > 0 ? f->edge[o - 1] : (f->lo + f->edge[0]) / 2;
		break;
	case NF_SET:
		break;
	}
	return v;
}

/* Sets s to e's answers and count of screens, every other finding unasked. */
static void copy_answers(nf_engine *s, const nf_engine *e)
{
	const nf_kb *kb = nf_engine_kb(e);
	for (int f = 0; f < kb->nfind; f++) {
		nf_value v;
		nf_answer_state st = nf_engine_state(e, (size_t)f, &v);
		if (st == NF_ANSWERED)
			nf_engine_answer(s, (size_t)f, &v, NULL);
		else if (st == NF_UNKNOWN)
			nf_engine_unknown(s, (size_t)f);
		else
			nf_engine_withdraw(s, (size_t)f);
	}
	nf_engine_set_screens(s, nf_engine_screens(e));
}

size_t nf_engine_screens_left(const nf_engine *e)
{
	const nf_kb *kb = nf_engine_kb(e);
	size_t asked = nf_engine_screens(e);
	nf_engine *s;
	nf_question q;
	if (nf_engine_new(kb, nf_engine_mode(e), &s, NULL) != NF_OK)
		return asked < NF_MAX_SCREENS ? NF_MAX_SCREENS - asked : 1;
	copy_answers(s, e);
	if (!nf_engine_next(s, &q)) {
		nf_engine_free(s);
		return 0;
	}
	double post[NF_MAX_CONDITIONS], total = 0;
	for (int c = 0; c < kb->ncond; c++)
		post[c] = engine_row_probability(s, (size_t)c); /* forms drawn as their own runners */
	uint64_t rs = 0x9E3779B97F4A7C15ull;
	for (int path = 0; path < PATHS; path++) {
		if (path)
			copy_answers(s, e);
		double u = uniform(&rs), acc = 0;
		int c = 0;
		for (; c < kb->ncond - 1; c++) {
			acc += post[c];
			if (u < acc)
				break;
		}
		/* Each screen answers at least one finding, so a path ends; the cap is a second guard. */
		size_t left = 0;
		while (left <= NF_MAX_SCREENS + NF_MAX_CHECKLIST && nf_engine_next(s, &q)) {
			for (size_t i = 0; i < q.n; i++) {
				nf_value v = draw(&kb->find[q.finding[i]], c, &rs);
				if (nf_engine_answer(s, q.finding[i], &v, NULL) != NF_OK)
					nf_engine_unknown(s, q.finding[i]);
			}
			nf_engine_count_screen(s);
			left++;
		}
		total += (double)left;
	}
	nf_engine_free(s);
	/* At least the screen on show now. */
	size_t left = (size_t)lround(total / PATHS);
	return left ? left : 1;
}
