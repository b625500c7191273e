/* The engine's fast paths (lib/engine/engine.c: the column table, the level-at-a-time outcome
 * tree, the vector arithmetic) against plain reference computations written here from the model
 * (docs/model.md), on the shipped knowledge base and random answer sets: the posterior of every
 * cause, and the information gain of the screen chosen, which must be the largest of all screens'. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "kb/kb_impl.h"
#include "kb_fixture.h"
#include "numbfoot/engine.h"

/* As the engine: causes under this posterior are left out of the look-ahead. */
#define FLOOR 1e-4

static nf_kb *kb;

static int setup(void **state)
{
	kb = shipped_kb();
	return kb ? 0 : -1;
}

static int teardown(void **state)
{
	nf_kb_free(kb);
	return 0;
}

static uint64_t rng = 0x2545f4914f6cdd1du;
static unsigned next_random(void)
{
	return fixture_random(&rng);
}

static int outcome(const struct kb_finding *f, const nf_value *v)
{
	if (f->type == NF_BOOL)
		return v->b;
	if (f->type == NF_ENUM)
		return v->index;
	int i = 0;
	while (i < f->nbins - 1 && v->x >= f->edge[i])
		i++;
	return i;
}

/* The posterior from the priors and the answers given, by Bayes' rule in plain loops. */
static void reference_posterior(const nf_engine *e, double *post)
{
	double lp[NF_MAX_CONDITIONS], total = 0, max = -INFINITY, sum = 0;
	for (int c = 0; c < kb->ncond; c++)
		total += kb->cond[c].prior;
	for (int c = 0; c < kb->ncond; c++) {
		lp[c] = log(kb->cond[c].prior / total);
		for (int fi = 0; fi < kb->nfind; fi++) {
			const struct kb_finding *f = &kb->find[fi];
			nf_value v;
			if (nf_engine_state(e, (size_t)fi, &v) != NF_ANSWERED)
				continue;
			if (f->type == NF_SET)
				for (int k = 0; k < f->nvalues; k++)
					lp[c] += log((v.set >> k & 1) ? f->p[c][k] : 1 - f->p[c][k]);
			else
				lp[c] += log(f->p[c][outcome(f, &v)]);
		}
		if (lp[c] > max)
			max = lp[c];
	}
	for (int c = 0; c < kb->ncond; c++)
		sum += post[c] = exp(lp[c] - max);
	for (int c = 0; c < kb->ncond; c++)
		post[c] /= sum;
}

/* H(O) - H(O|C) over the causes at or above FLOOR, with the weights they have (not renormalised,
 * as in the engine), every outcome enumerated: for a checklist all 2^n yes/no answers of its items
 * still to ask, for a set the sum over its values each as yes/no. */
static double reference_gain(const double *post, const size_t *fs, size_t n)
{
	const struct kb_finding *f0 = &kb->find[fs[0]];
	double g = 0;
	if (n == 1 && f0->type == NF_SET) {
		for (int v = 0; v < f0->nvalues; v++) {
			double yes = 0, hc = 0;
			for (int c = 0; c < kb->ncond; c++) {
				if (post[c] < FLOOR)
					continue;
				double p = f0->p[c][v];
				yes += post[c] * p;
				hc -= post[c] * (p * log(p) + (1 - p) * log(1 - p));
			}
			g += -yes * log(yes) - (1 - yes) * log(1 - yes) - hc;
		}
		return g;
	}
	int nout = n == 1 ? f0->nout : 2;
	size_t leaves = n == 1 ? (size_t)nout : (size_t)1 << n;
	double hO = 0, hc = 0;
	for (size_t o = 0; o < leaves; o++) {
		double po = 0;
		for (int c = 0; c < kb->ncond; c++) {
			if (post[c] < FLOOR)
				continue;
			double l = 1;
			for (size_t k = 0; k < n; k++)
				l *= kb->find[fs[k]].p[c][n == 1 ? o : (o >> k & 1)];
			po += post[c] * l;
		}
		if (po > 0)
			hO -= po * log(po);
	}
	for (size_t k = 0; k < n; k++) {
		for (int c = 0; c < kb->ncond; c++) {
			if (post[c] < FLOOR)
				continue;
			for (int o = 0; o < kb->find[fs[k]].nout; o++) {
				double p = kb->find[fs[k]].p[c][o];
				if (p > 0)
					hc -= post[c] * p * log(p);
			}
		}
	}
	return hO - hc;
}

static bool askable(const nf_engine *e, int f)
{
	return nf_engine_state(e, (size_t)f, NULL) == NF_UNASKED &&
	       (!kb->find[f].clinician || nf_engine_mode(e) == NF_MODE_CLINICIAN);
}

/* The largest reference gain over every screen the engine could ask now. */
static double best_reference_gain(const nf_engine *e, const double *post)
{
	double best = -INFINITY;
	for (int f = 0; f < kb->nfind; f++) {
		if (kb->find[f].checklist >= 0 || !askable(e, f))
			continue;
		size_t fs[1] = {(size_t)f};
		double g = reference_gain(post, fs, 1);
		best = g > best ? g : best;
	}
	for (int k = 0; k < kb->nlist; k++) {
		size_t fs[NF_MAX_CHECKLIST], n = 0;
		for (int i = 0; i < kb->list[k].n; i++)
			if (askable(e, kb->list[k].finding[i]))
				fs[n++] = (size_t)kb->list[k].finding[i];
		if (n) {
			double g = reference_gain(post, fs, n);
			best = g > best ? g : best;
		}
	}
	return best;
}

static void random_value(const struct kb_finding *f, nf_value *v)
{
	memset(v, 0, sizeof *v);
	v->b = next_random() % 3 == 0;
	v->index = f->nvalues ? (int)(next_random() % (unsigned)f->nvalues) : 0;
	v->x = (next_random() % 2000) / 10.0;
	v->set = next_random() & ((1u << (f->nvalues < 31 ? f->nvalues : 31)) - 1);
}

/* On random answer sets, with the warning signs answered (mostly no) so that the look-ahead
 * chooses: every posterior within 1e-12 of Bayes' rule, and the screen chosen one whose gain is the
 * reference's (within what the tree's cut-off of branches under 1e-6 and the fast logarithm
 * allow) and the largest of all screens'. */
static void test_against_reference(void **state)
{
	int compared = 0;
	for (int t = 0; t < 450; t++) {
		nf_engine *e;
		nf_mode mode = t % 4 == 3 ? NF_MODE_CLINICIAN : NF_MODE_RUNNER;
		assert_int_equal(nf_engine_new(kb, mode, &e, NULL), NF_OK);
		for (int k = 0; k < kb->nlist; k++) {
			for (int i = 0; kb->list[k].red_flags && i < kb->list[k].n; i++) {
				nf_value v = {.b = next_random() % 12 == 0};
				assert_int_equal(
				    nf_engine_answer(e, (size_t)kb->list[k].finding[i], &v, NULL), NF_OK);
			}
		}
		int n = (int)(next_random() % 25);
		for (int i = 0; i < n; i++) {
			int f = (int)(next_random() % (unsigned)kb->nfind);
			nf_value v;
			random_value(&kb->find[f], &v);
			if (next_random() % 8 == 0)
				nf_engine_unknown(e, (size_t)f);
			else if (next_random() % 8 == 0)
				nf_engine_withdraw(e, (size_t)f);
			else /* a clinician finding in runner mode is refused */
				nf_engine_answer(e, (size_t)f, &v, NULL);
		}
		double post[NF_MAX_CONDITIONS], sum[NF_MAX_CONDITIONS] = {0};
		reference_posterior(e, post);
		/* One row per form; a condition's probability is its rows' sum. */
		for (int r = 0; r < kb->ncond; r++)
			sum[kb->cond[r].parent] += post[r];
		for (int c = 0; c < kb->npublic; c++)
			assert_true(fabs(nf_engine_probability(e, (size_t)c) - sum[c]) < 1e-12);
		nf_question q;
		nf_engine_next(e, &q);
		if (q.n && !q.completes && (q.checklist < 0 || !kb->list[q.checklist].red_flags)) {
			double ref = reference_gain(post, q.finding, q.n),
			       best = best_reference_gain(e, post);
			assert_true(fabs(q.gain - ref) < 1e-5);
			assert_true(ref >= best - 1e-5);
			compared++;
		}
		nf_engine_free(e);
	}
	assert_true(compared > 200);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_against_reference),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
