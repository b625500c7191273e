/* The interview's rules (lib/engine/interview.c) with the shipped knowledge base: going back one
 * screen restores the posterior and the next screen, a warning sign at emergency level stops the
 * interview where the engine alone would go on, the count of screens, complete against cut short,
 * the warning signs left unasked, and a refused answer that changes nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "kb_shipped.h"
#include "numbfoot/interview.h"

static nf_interview *new_interview(void)
{
	nf_interview *iv;
	nf_error err;
	assert_int_equal(nf_interview_new(kb, NF_MODE_RUNNER, &iv, &err), NF_OK);
	return iv;
}

/* Answers the screen on show: "don't know" to all, or a value to each that moves the posterior. */
static void answer_all(nf_interview *iv, const nf_question *q, bool unknown)
{
	nf_answer_state st[NF_MAX_CHECKLIST];
	nf_value v[NF_MAX_CHECKLIST];
	for (size_t i = 0; i < q->n; i++) {
		st[i] = unknown ? NF_UNKNOWN : NF_ANSWERED;
		v[i] = (nf_value){.b = true, .index = 0, .x = 10, .set = 1};
	}
	nf_error err;
	assert_int_equal(nf_interview_answer(iv, st, v, &err), NF_OK);
}

/* Answers a warning-sign screen: no to each, or yes to its first sign at emergency level. */
static void answer_signs(nf_interview *iv, const nf_question *q, bool emergency)
{
	nf_answer_state st[NF_MAX_CHECKLIST];
	nf_value v[NF_MAX_CHECKLIST];
	bool said = false;
	for (size_t i = 0; i < q->n; i++) {
		st[i] = NF_ANSWERED;
		v[i] = (nf_value){.b = false};
		if (emergency && !said && nf_kb_finding_red_flag(kb, q->finding[i], NULL) == NF_EMERGENCY)
			v[i].b = said = true;
	}
	assert_true(said == emergency);
	assert_int_equal(nf_interview_answer(iv, st, v, NULL), NF_OK);
}

static void posterior(nf_interview *iv, double *p)
{
	for (size_t c = 0; c < nf_kb_conditions(kb); c++)
		p[c] = nf_engine_probability(nf_interview_engine(iv), c);
}

static void assert_same_screen(const nf_question *a, const nf_question *b)
{
	assert_int_equal(a->checklist, b->checklist);
	assert_int_equal(a->n, b->n);
	assert_memory_equal(a->finding, b->finding, a->n * sizeof *a->finding);
}

static void test_back_restores_posterior_and_next(void **state)
{
	nf_interview *iv = new_interview();
	nf_question q1, q2, q3, again;
	double before[NF_MAX_CONDITIONS], after[NF_MAX_CONDITIONS], moved = 0;
	assert_false(nf_interview_back(iv)); /* nothing to go back to */
	assert_true(nf_interview_next(iv, &q1));
	answer_signs(iv, &q1, false);
	assert_true(nf_interview_next(iv, &q2));
	answer_signs(iv, &q2, false);
	assert_true(nf_interview_next(iv, &q3));
	posterior(iv, before);
	answer_all(iv, &q3, false);
	posterior(iv, after);
	for (size_t c = 0; c < nf_kb_conditions(kb); c++)
		moved += fabs(after[c] - before[c]);
	assert_true(moved > 1e-3); /* the answers counted, so that going back has work to do */
	assert_int_equal(nf_interview_screens(iv), 3);

	assert_true(nf_interview_back(iv));
	assert_int_equal(nf_interview_screens(iv), 2);
	posterior(iv, after);
	for (size_t c = 0; c < nf_kb_conditions(kb); c++)
		assert_true(fabs(after[c] - before[c]) < 1e-12);
	for (size_t i = 0; i < q3.n; i++)
		assert_int_equal(nf_engine_state(nf_interview_engine(iv), q3.finding[i], NULL), NF_UNASKED);
	assert_true(nf_interview_next(iv, &again));
	assert_same_screen(&again, &q3);

	/* Back again, to the first screen, then no further. */
	assert_true(nf_interview_back(iv));
	assert_true(nf_interview_back(iv));
	assert_int_equal(nf_interview_screens(iv), 0);
	assert_false(nf_interview_back(iv));
	assert_true(nf_interview_next(iv, &again));
	assert_same_screen(&again, &q1);
	nf_interview_free(iv);
}

/* An answer known before the screen (the journal's) comes back when the screen is taken back. */
static void test_back_restores_an_earlier_answer(void **state)
{
	nf_interview *iv = new_interview();
	nf_engine *e = nf_interview_engine(iv);
	nf_question q;
	assert_true(nf_interview_next(iv, &q));
	nf_value no = {.b = false}, got;
	size_t f = q.finding[q.n - 1];
	assert_int_equal(nf_engine_answer(e, f, &no, NULL), NF_OK);
	answer_all(iv, &q, true);
	assert_int_equal(nf_engine_state(e, f, NULL), NF_UNKNOWN);
	assert_true(nf_interview_back(iv));
	assert_int_equal(nf_engine_state(e, f, &got), NF_ANSWERED);
	assert_false(got.b);
	assert_int_equal(nf_engine_state(e, q.finding[0], NULL), NF_UNASKED);
	nf_interview_free(iv);
}

static void test_emergency_stops(void **state)
{
	nf_interview *iv = new_interview();
	nf_question q, q2;
	nf_progress p;
	assert_true(nf_interview_next(iv, &q));
	assert_false(nf_interview_stopped(iv));
	answer_signs(iv, &q, true);
	assert_true(nf_interview_stopped(iv));
	assert_false(nf_interview_next(iv, &q));
	assert_true(nf_interview_complete(iv));
	/* The stop is the interview's: the engine alone would ask on. */
	assert_true(nf_engine_next(nf_interview_engine(iv), &q2));
	nf_interview_progress(iv, &p);
	assert_int_equal(p.screens, 1);
	assert_int_equal(p.left, 0);
	assert_true(p.fraction == 1.0);
	/* Nothing on show after the stop: an answer is refused. */
	nf_answer_state st[NF_MAX_CHECKLIST] = {NF_UNKNOWN};
	nf_error err;
	assert_int_equal(nf_interview_answer(iv, st, NULL, &err), NF_EINVAL);
	/* Taking the sign back lifts the stop. */
	assert_true(nf_interview_back(iv));
	assert_false(nf_interview_stopped(iv));
	assert_true(nf_interview_next(iv, &q2));
	assert_same_screen(&q2, &q);
	nf_interview_free(iv);
}

static void test_count(void **state)
{
	nf_interview *iv = new_interview();
	nf_question q;
	nf_answer_state st[NF_MAX_CHECKLIST] = {0};
	nf_error err;
	assert_int_equal(nf_interview_screens(iv), 0);
	assert_int_equal(nf_interview_answer(iv, st, NULL, &err), NF_EINVAL); /* no screen shown */
	assert_true(nf_interview_next(iv, &q));
	assert_true(q.n > 1); /* a checklist counts one screen, whatever its findings */
	answer_signs(iv, &q, false);
	assert_int_equal(nf_interview_screens(iv), 1);
	assert_int_equal(nf_interview_answer(iv, st, NULL, &err), NF_EINVAL); /* answered already */
	assert_int_equal(nf_interview_screens(iv), 1);
	assert_true(nf_interview_next(iv, &q));
	answer_all(iv, &q, true);
	assert_int_equal(nf_interview_screens(iv), 2);
	assert_int_equal(nf_engine_screens(nf_interview_engine(iv)), 2);

	/* The stateless page: its count, and no going back past it. */
	assert_int_equal(nf_interview_resume(iv, NF_MAX_SCREENS + 1, &err), NF_EINVAL);
	assert_int_equal(nf_interview_screens(iv), 2);
	assert_int_equal(nf_interview_resume(iv, 7, &err), NF_OK);
	assert_int_equal(nf_interview_screens(iv), 7);
	assert_false(nf_interview_back(iv));
	assert_true(nf_interview_next(iv, &q));
	answer_all(iv, &q, true);
	assert_int_equal(nf_interview_screens(iv), 8);
	assert_true(nf_interview_back(iv));
	assert_int_equal(nf_interview_screens(iv), 7);

	nf_interview_reset(iv);
	assert_int_equal(nf_interview_screens(iv), 0);
	for (size_t f = 0; f < nf_kb_findings(kb); f++)
		assert_int_equal(nf_engine_state(nf_interview_engine(iv), f, NULL), NF_UNASKED);
	nf_interview_free(iv);
}

static void test_complete_and_cut_short(void **state)
{
	nf_interview *iv = new_interview();
	nf_question q;
	nf_progress p;
	size_t screens = 0;
	assert_false(nf_interview_complete(iv));
	while (nf_interview_next(iv, &q)) {
		nf_interview_progress(iv, &p);
		assert_int_equal(p.screens, screens);
		assert_true(p.left >= 1);
		assert_true(p.fraction < 1.0);
		assert_true(fabs(p.fraction - ((double)screens / (double)(screens + p.left))) < 1e-12);
		if (screens == 3)
			assert_false(nf_interview_complete(iv)); /* cut short here, it is not complete */
		if (q.checklist >= 0 && nf_kb_checklist_red_flags(kb, (size_t)q.checklist))
			answer_signs(iv, &q, false);
		else
			answer_all(iv, &q, true);
		assert_true(++screens <= NF_MAX_SCREENS);
	}
	assert_true(screens > 3);
	assert_false(nf_interview_stopped(iv));
	assert_true(nf_interview_complete(iv));
	nf_interview_progress(iv, &p);
	assert_int_equal(p.screens, screens);
	assert_int_equal(p.left, 0);
	assert_true(p.fraction == 1.0);
	nf_interview_free(iv);
}

static void test_open_signs(void **state)
{
	nf_interview *iv = new_interview();
	nf_question q;
	size_t all[NF_MAX_FINDINGS], left[NF_MAX_FINDINGS], signs = 0, on_first = 0;
	for (size_t f = 0; f < nf_kb_findings(kb); f++)
		signs += nf_kb_finding_red_flag(kb, f, NULL) == NF_EMERGENCY;
	assert_true(signs > 0);
	assert_int_equal(nf_engine_open_signs(nf_interview_engine(iv), NF_EMERGENCY, all, NF_MAX_FINDINGS), signs);
	/* The urgent ones apart, and only those the mode asks: a runner is not asked examinations. */
	size_t urgent = 0;
	for (size_t f = 0; f < nf_kb_findings(kb); f++)
		urgent += nf_kb_finding_red_flag(kb, f, NULL) == NF_URGENT && !nf_kb_finding_clinician(kb, f);
	assert_true(urgent > 0);
	assert_int_equal(nf_engine_open_signs(nf_interview_engine(iv), NF_URGENT, all, NF_MAX_FINDINGS), urgent);
	for (size_t i = 0; i < urgent; i++)
		assert_false(nf_kb_finding_clinician(kb, all[i]));
	assert_int_equal(nf_engine_open_signs(nf_interview_engine(iv), NF_EMERGENCY, all, 1), signs); /* the count past the cap */

	/* Stopped on the first warning-sign screen: the signs of the second are not asked. */
	assert_true(nf_interview_next(iv, &q));
	for (size_t i = 0; i < q.n; i++)
		on_first += nf_kb_finding_red_flag(kb, q.finding[i], NULL) == NF_EMERGENCY;
	assert_true(on_first > 0 && on_first < signs);
	answer_signs(iv, &q, true);
	assert_true(nf_interview_stopped(iv));
	size_t n = nf_engine_open_signs(nf_interview_engine(iv), NF_EMERGENCY, left, NF_MAX_FINDINGS);
	assert_int_equal(n, signs - on_first);
	for (size_t k = 0; k < n; k++) {
		assert_int_equal(nf_kb_finding_red_flag(kb, left[k], NULL), NF_EMERGENCY);
		assert_int_equal(nf_engine_state(nf_interview_engine(iv), left[k], NULL), NF_UNASKED);
		for (size_t i = 0; i < q.n; i++)
			assert_true(left[k] != q.finding[i]);
	}
	/* "Don't know" leaves a sign open as a sign never asked does; a no closes it. */
	nf_engine_unknown(nf_interview_engine(iv), left[0]);
	assert_int_equal(nf_engine_open_signs(nf_interview_engine(iv), NF_EMERGENCY, left, NF_MAX_FINDINGS), n);
	nf_value no = {.b = false};
	assert_int_equal(nf_engine_answer(nf_interview_engine(iv), left[0], &no, NULL), NF_OK);
	assert_int_equal(nf_engine_open_signs(nf_interview_engine(iv), NF_EMERGENCY, left, NF_MAX_FINDINGS), n - 1);
	nf_interview_free(iv);
}

static void test_refused_answer_changes_nothing(void **state)
{
	nf_interview *iv = new_interview();
	nf_engine *e = nf_interview_engine(iv);
	nf_question q;
	nf_error err;
	/* A screen whose last finding has values that can be out of range. */
	for (;;) {
		assert_true(nf_interview_next(iv, &q));
		nf_ftype t = nf_kb_finding_type(kb, q.finding[q.n - 1]);
		if (t == NF_ENUM || t == NF_NUMBER)
			break;
		answer_all(iv, &q, true);
	}
	size_t screens = nf_interview_screens(iv);
	nf_answer_state st[NF_MAX_CHECKLIST];
	nf_value v[NF_MAX_CHECKLIST];
	for (size_t i = 0; i < q.n; i++) {
		st[i] = NF_ANSWERED;
		v[i] = (nf_value){.b = true, .index = 0, .x = 10, .set = 1};
	}
	v[q.n - 1] = (nf_value){.index = 999, .x = -5};
	assert_int_equal(nf_interview_answer(iv, st, v, &err), NF_EINVAL);
	assert_int_equal(nf_interview_screens(iv), screens);
	for (size_t i = 0; i < q.n; i++)
		assert_int_equal(nf_engine_state(e, q.finding[i], NULL), NF_UNASKED);
	st[0] = NF_UNASKED; /* every finding of a screen gets an answer or "don't know" */
	v[q.n - 1] = (nf_value){.index = 0, .x = 10};
	assert_int_equal(nf_interview_answer(iv, st, v, &err), NF_EINVAL);
	assert_int_equal(nf_engine_state(e, q.finding[0], NULL), NF_UNASKED);
	/* Still on show: a good answer is taken. */
	st[0] = NF_ANSWERED;
	assert_int_equal(nf_interview_answer(iv, st, v, &err), NF_OK);
	assert_int_equal(nf_interview_screens(iv), screens + 1);
	nf_interview_free(iv);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_back_restores_posterior_and_next),
		cmocka_unit_test(test_back_restores_an_earlier_answer),
		cmocka_unit_test(test_emergency_stops),
		cmocka_unit_test(test_count),
		cmocka_unit_test(test_complete_and_cut_short),
		cmocka_unit_test(test_open_signs),
		cmocka_unit_test(test_refused_answer_changes_nothing),
	};
	return cmocka_run_group_tests(tests, kb_shipped_setup, kb_shipped_teardown);
}
