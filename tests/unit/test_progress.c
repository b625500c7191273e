/* The estimate of the screens left (lib/engine/progress.c) with the shipped knowledge base: it
 * leaves the engine as it was, is 0 exactly when the interview is over, never less than one while
 * a screen is on show, and follows a PAD-like interview to its end, where the old fixed guess of
 * 15 screens stood at 19 of 20 for six screens in a row. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "kb/kb_impl.h"
#include "kb_shipped.h"
#include "numbfoot/engine.h"

/* The answer a runner with condition c most often gives to finding f (no warning sign). */
static nf_value typical(size_t c, size_t f)
{
	const struct nf_finding *fd = &kb->find[f];
	nf_value v = {0};
	if (fd->type == NF_SET) {
		for (int k = 0; k < fd->nvalues; k++)
			if (fd->p[c][k] > 0.5)
				v.set |= 1u << k;
		return v;
	}
	int best = 0;
	for (int o = 1; o < fd->nout; o++)
		if (fd->p[c][o] > fd->p[c][best])
			best = o;
	if (fd->red_flag >= 0 && best == fd->red_flag_value)
		best = !best;
	if (fd->type == NF_BOOL)
		v.b = best == 1;
	else if (fd->type == NF_ENUM)
		v.index = best;
	else
		v.x = best > 0 ? fd->edge[best - 1] : fd->edge[0] / 2;
	return v;
}

/* The PAD-like runner of the report that the bar stalled on: 58, a smoker, numb calves and pale
 * feet; the rest as a runner with PAD most often answers. */
static void answer_pad_like(nf_engine *e, size_t f)
{
	const char *id = nf_kb_finding_id(kb, f);
	size_t pad = (size_t)nf_kb_condition_index(kb, "pad");
	nf_value v = typical(pad, f);
	if (!strcmp(id, "age"))
		v.x = 58;
	else if (!strcmp(id, "smoker") || !strcmp(id, "foot_cold_pale"))
		v.b = true;
	else if (!strcmp(id, "location"))
		v.set = 1u << nf_kb_finding_value_index(kb, f, "lower_leg");
	if (nf_engine_answer(e, f, &v, NULL) != NF_OK)
		nf_engine_unknown(e, f);
}

static void test_leaves_the_engine_alone(void **state)
{
	nf_engine *e;
	assert_int_equal(nf_engine_new(kb, NF_MODE_RUNNER, &e, NULL), NF_OK);
	nf_question q0, q1;
	for (int step = 0; step < 6 && nf_engine_next(e, &q0); step++) {
		double before[NF_MAX_CONDITIONS];
		for (int c = 0; c < kb->ncond; c++)
			before[c] = nf_engine_probability(e, (size_t)c);
		size_t screens = nf_engine_screens(e), left = nf_engine_screens_left(e);
		assert_true(left >= 1);
		assert_int_equal(nf_engine_screens(e), screens);
		for (int c = 0; c < kb->ncond; c++)
			assert_true(nf_engine_probability(e, (size_t)c) == before[c]);
		assert_true(nf_engine_next(e, &q1));
		assert_int_equal(q1.n, q0.n);
		assert_memory_equal(q1.finding, q0.finding, q0.n * sizeof *q0.finding);
		assert_int_equal(nf_engine_screens_left(e), left);
		for (size_t i = 0; i < q0.n; i++)
			answer_pad_like(e, q0.finding[i]);
		nf_engine_count_screen(e);
	}
	nf_engine_free(e);
}

static void test_pad_like_interview(void **state)
{
	nf_engine *e;
	nf_question q;
	size_t left[NF_MAX_SCREENS + 8], n = 0, stalled = 0;
	assert_int_equal(nf_engine_new(kb, NF_MODE_RUNNER, &e, NULL), NF_OK);
	while (nf_engine_next(e, &q)) {
		assert_true(n < sizeof left / sizeof *left);
		left[n] = nf_engine_screens_left(e);
		/* A screen is on show: at least this one is left, and the bar is not full. */
		assert_true(left[n] >= 1);
		assert_true(left[n] <= NF_MAX_SCREENS + 3);
		double fill = (double)n / (double)(n + left[n]);
		stalled += fill >= 0.95;
		for (size_t i = 0; i < q.n; i++)
			answer_pad_like(e, q.finding[i]);
		nf_engine_count_screen(e);
		n++;
	}
	assert_int_equal(nf_engine_screens_left(e), 0);
	assert_true(n >= 10);
	/* Never stuck one step from the end: at most the last screen shows the bar at 19 of 20. */
	assert_true(stalled <= 1);
	/* Near the end the estimate is the count left, to within one screen. */
	for (size_t k = n - 5; k < n; k++) {
		long off = (long)left[k] - (long)(n - k);
		if (labs(off) > 1)
			fail_msg("screen %zu of %zu: estimated %zu left, %zu were", k + 1, n, left[k], n - k);
	}
	nf_engine_free(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_leaves_the_engine_alone),
		cmocka_unit_test(test_pad_like_interview),
	};
	return cmocka_run_group_tests(tests, kb_shipped_setup, kb_shipped_teardown);
}
