/* The engine's arithmetic against posteriors computed by hand from tests/unit/data/kb.json,
 * triage rules, the next question and the stopping rule, and changed answers. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>

#include "kb_fixture.h"
#include "numbfoot/engine.h"

#define LEAK 0.05
/* A likelihood after the leak: 95% its own value, 5% the default's. */
#define MIX(p, d) ((1 - LEAK) * (p) + LEAK * (d))

static nf_kb *kb;
static size_t RELIEF, AGE, SIDE, WHERE, COLD, WEAK, EXAM;
enum { LACES, DISC, CLOT, OTHER };

static int setup(void **state)
{
	kb = fixture_kb();
	if (!kb)
		return -1;
	RELIEF = (size_t)nf_kb_finding_index(kb, "relief");
	AGE = (size_t)nf_kb_finding_index(kb, "age");
	SIDE = (size_t)nf_kb_finding_index(kb, "side");
	WHERE = (size_t)nf_kb_finding_index(kb, "where");
	COLD = (size_t)nf_kb_finding_index(kb, "cold_foot");
	WEAK = (size_t)nf_kb_finding_index(kb, "weak");
	EXAM = (size_t)nf_kb_finding_index(kb, "exam_sign");
	return 0;
}

static int teardown(void **state)
{
	nf_kb_free(kb);
	return 0;
}

static nf_engine *engine(nf_mode mode)
{
	nf_engine *e;
	assert_int_equal(nf_engine_new(kb, mode, &e, NULL), NF_OK);
	return e;
}

static void answer_bool(nf_engine *e, size_t f, bool b)
{
	nf_value v = {.b = b};
	assert_int_equal(nf_engine_answer(e, f, &v, NULL), NF_OK);
}

static void test_prior_only(void **state)
{
	nf_engine *e = engine(NF_MODE_RUNNER);
	/* Priors 0.6, 0.3, 0.05, 0.05 already sum to 1. */
	assert_float_equal(nf_engine_probability(e, LACES), 0.6, 1e-12);
	assert_float_equal(nf_engine_probability(e, CLOT), 0.05, 1e-12);
	nf_engine_free(e);
}

static void test_bool_posterior_by_hand(void **state)
{
	nf_engine *e = engine(NF_MODE_RUNNER);
	answer_bool(e, RELIEF, true);
	double l = 0.6 * MIX(0.8, 0.3), d = 0.3 * MIX(0.1, 0.3), c = 0.05 * MIX(0.05, 0.3), o = 0.05 * 0.3;
	double z = l + d + c + o;
	assert_float_equal(nf_engine_probability(e, LACES), l / z, 1e-12);
	assert_float_equal(nf_engine_probability(e, DISC), d / z, 1e-12);
	assert_float_equal(nf_engine_probability(e, OTHER), o / z, 1e-12);
	/* Changing the answer recomputes from scratch. */
	answer_bool(e, RELIEF, false);
	l = 0.6 * (1 - MIX(0.8, 0.3)), d = 0.3 * (1 - MIX(0.1, 0.3)), c = 0.05 * (1 - MIX(0.05, 0.3)), o = 0.05 * 0.7;
	z = l + d + c + o;
	assert_float_equal(nf_engine_probability(e, DISC), d / z, 1e-12);
	/* Withdrawing it goes back to the prior, with nothing given; "don't know" adds no evidence
	 * either, but it is an answer (the faces assess it, where nothing given is no assessment). */
	assert_int_equal(nf_engine_given(e), 1);
	nf_engine_withdraw(e, RELIEF);
	assert_float_equal(nf_engine_probability(e, LACES), 0.6, 1e-12);
	assert_int_equal(nf_engine_given(e), 0);
	nf_engine_unknown(e, RELIEF);
	assert_float_equal(nf_engine_probability(e, LACES), 0.6, 1e-12);
	assert_int_equal(nf_engine_state(e, RELIEF, NULL), NF_UNKNOWN);
	assert_int_equal(nf_engine_given(e), 1);
	nf_engine_free(e);
}

static void test_number_enum_set_by_hand(void **state)
{
	nf_engine *e = engine(NF_MODE_RUNNER);
	nf_value age = {.x = 65}, both = {.index = 1}, where = {.set = 1u << 0 | 1u << 2}; /* top and toes */
	assert_int_equal(nf_engine_answer(e, AGE, &age, NULL), NF_OK);
	assert_int_equal(nf_engine_answer(e, SIDE, &both, NULL), NF_OK);
	assert_int_equal(nf_engine_answer(e, WHERE, &where, NULL), NF_OK);
	/* age 65 is in the last bin (>= 60); side "both"; where: top yes, sole no, toes yes. */
	double la = 0.2, da = 0.2, ca = MIX(0.6, 0.2), oa = 0.2;
	double ls = 0.3, ds = MIX(0.1, 0.3), cs = 0.3, os = 0.3;
	double lw = MIX(0.9, 0.4) * (1 - 0.3) * 0.3;
	double dw = MIX(0.2, 0.4) * (1 - MIX(0.6, 0.3)) * 0.3;
	double cw = 0.4 * (1 - 0.3) * 0.3, ow = cw;
	double l = 0.6 * la * ls * lw, d = 0.3 * da * ds * dw, c = 0.05 * ca * cs * cw, o = 0.05 * oa * os * ow;
	double z = l + d + c + o;
	assert_float_equal(nf_engine_probability(e, LACES), l / z, 1e-12);
	assert_float_equal(nf_engine_probability(e, DISC), d / z, 1e-12);
	assert_float_equal(nf_engine_probability(e, CLOT), c / z, 1e-12);
	/* An age exactly on an edge falls in the upper bin. */
	nf_value sixty = {.x = 60};
	assert_int_equal(nf_engine_answer(e, AGE, &sixty, NULL), NF_OK);
	assert_float_equal(nf_engine_probability(e, CLOT), c / z, 1e-12);
	nf_engine_free(e);
}

static void test_bad_answers_change_nothing(void **state)
{
	nf_engine *e = engine(NF_MODE_RUNNER);
	nf_error err;
	nf_value v = {.index = 7, .x = -1, .set = 1u << 5, .b = true};
	assert_int_equal(nf_engine_answer(e, SIDE, &v, &err), NF_EINVAL);
	assert_int_equal(nf_engine_answer(e, AGE, &v, &err), NF_EINVAL);
	assert_int_equal(nf_engine_answer(e, WHERE, &v, &err), NF_EINVAL);
	/* An examination finding needs clinician mode. */
	assert_int_equal(nf_engine_answer(e, EXAM, &v, &err), NF_EINVAL);
	assert_non_null(strstr(err.msg, "clinician"));
	assert_float_equal(nf_engine_probability(e, LACES), 0.6, 1e-12);
	nf_engine_free(e);
	e = engine(NF_MODE_CLINICIAN);
	assert_int_equal(nf_engine_answer(e, EXAM, &v, &err), NF_OK);
	nf_engine_free(e);
}

static void test_red_flag_cannot_be_outweighed(void **state)
{
	nf_engine *e = engine(NF_MODE_RUNNER);
	nf_triage_info ti;
	/* Strong evidence for tight laces... */
	answer_bool(e, RELIEF, true);
	nf_value top = {.set = 1u << 0}, young = {.x = 25};
	nf_engine_answer(e, WHERE, &top, NULL);
	nf_engine_answer(e, AGE, &young, NULL);
	assert_int_equal(nf_engine_triage(e, &ti), NF_SELF_CARE);
	assert_true(ti.mass[NF_EMERGENCY] < 0.03);
	/* ...and one red flag still sets the emergency level. */
	answer_bool(e, COLD, true);
	assert_int_equal(nf_engine_triage(e, &ti), NF_EMERGENCY);
	assert_int_equal(ti.red_flag, (int)COLD);
	/* The urgent red flag alone gives urgent, whatever the probabilities. */
	answer_bool(e, COLD, false);
	answer_bool(e, WEAK, true);
	assert_int_equal(nf_engine_triage(e, &ti), NF_URGENT);
	assert_int_equal(ti.red_flag_level, NF_URGENT);
	nf_engine_free(e);
}

static void test_triage_on_probability(void **state)
{
	nf_engine *e = engine(NF_MODE_RUNNER);
	nf_triage_info ti;
	/* With the priors alone the clot holds 5%: over the 3% emergency threshold. */
	assert_int_equal(nf_engine_triage(e, &ti), NF_EMERGENCY);
	assert_int_equal(ti.red_flag, -1);
	assert_float_equal(ti.mass[NF_EMERGENCY], 0.05, 1e-12);
	/* Routine mass = disc + clot + other. */
	assert_float_equal(ti.mass[NF_ROUTINE], 0.4, 1e-12);
	nf_engine_free(e);
}

static void test_escalation_rule(void **state)
{
	nf_engine *e = engine(NF_MODE_RUNNER);
	assert_int_equal(nf_engine_condition_level(e, DISC), NF_ROUTINE);
	answer_bool(e, WEAK, true);
	assert_int_equal(nf_engine_condition_level(e, DISC), NF_ROUTINE); /* needs both terms */
	nf_value both = {.index = 1};
	nf_engine_answer(e, SIDE, &both, NULL);
	assert_int_equal(nf_engine_condition_level(e, DISC), NF_URGENT);
	nf_value old = {.x = 70};
	nf_engine_answer(e, AGE, &old, NULL);
	assert_int_equal(nf_engine_condition_level(e, LACES), NF_ROUTINE);
	nf_engine_free(e);
}

/* A level that a rule sets is told by the rule's answers; a level a cause needs in itself, or a
 * warning sign's, by none. */
static void test_level_rule(void **state)
{
	nf_engine *e = engine(NF_MODE_RUNNER);
	size_t f[4];
	assert_int_equal(nf_engine_triage(e, NULL), NF_EMERGENCY);
	assert_int_equal(nf_engine_level_rule(e, f, 4, NULL), 0); /* the clot's own level */
	/* An emergency by the clot's chance while a cause that needs less leads: the list keeps its
	 * order without figures, which read as certainty that it is that cause. */
	size_t top;
	assert_true(nf_engine_ranking(e, &top, 1) >= 1 && nf_engine_condition_level(e, top) < NF_EMERGENCY);
	assert_false(nf_engine_percentages(e));
	answer_bool(e, COLD, false); /* the clot falls below the emergency threshold */
	assert_int_equal(nf_engine_triage(e, NULL), NF_SELF_CARE);
	assert_int_equal(nf_engine_level_rule(e, f, 4, NULL), 0);
	nf_value old = {.x = 70};
	nf_engine_answer(e, AGE, &old, NULL);
	assert_int_equal(nf_engine_triage(e, NULL), NF_ROUTINE);
	assert_true(nf_engine_probability(e, LACES) > nf_engine_probability(e, DISC));
	bool every = true;
	assert_int_equal(nf_engine_level_rule(e, f, 4, &every), 1); /* laces need it only by the age rule */
	assert_int_equal(f[0], AGE);
	assert_false(every); /* the laces' own rule, not one for every cause */
	assert_true(nf_engine_percentages(e));
	assert_int_equal(nf_engine_level_rule(e, f, 0, NULL), 0);
	answer_bool(e, WEAK, true); /* an urgent warning sign sets the level */
	assert_int_equal(nf_engine_triage(e, NULL), NF_URGENT);
	assert_int_equal(nf_engine_level_rule(e, f, 4, NULL), 0);
	assert_false(nf_engine_percentages(e)); /* the ranking need not explain the sign */
	nf_engine_free(e);
}

/* The factor is written one way: the multiplication sign, the times the odds moved (up or
 * down), one decimal below 10 and whole from 10. */
static void test_factor_text(void **state)
{
	(void)state;
	char b[NF_FACTOR_MAX];
	assert_string_equal(nf_factor_text(log(2.5), b, sizeof b), "\u00d72.5");
	assert_string_equal(nf_factor_text(log(0.4), b, sizeof b), "\u00d72.5");
	assert_string_equal(nf_factor_text(log(4.44), b, sizeof b), "\u00d74.4");
	assert_string_equal(nf_factor_text(log(9.96), b, sizeof b), "\u00d710");
	assert_string_equal(nf_factor_text(log(12.4), b, sizeof b), "\u00d712");
	assert_string_equal(nf_factor_text(0, b, sizeof b), "\u00d71.0");
	assert_string_equal(nf_factor_text(1e6, b, sizeof b), "\u00d7999999");
	assert_string_equal(nf_factor_text(NAN, b, sizeof b), "\u00d71.0");
}

static void test_reasons(void **state)
{
	nf_engine *e = engine(NF_MODE_RUNNER);
	nf_reason r[4];
	answer_bool(e, RELIEF, true);
	assert_int_equal(nf_engine_reasons(e, LACES, r, 4), 1);
	assert_int_equal(r[0].finding, RELIEF);
	/* Against the other causes mixed by their priors (0.3, 0.05, 0.05 of 0.4). */
	double not_laces = (0.3 * MIX(0.1, 0.3) + 0.05 * MIX(0.05, 0.3) + 0.05 * 0.3) / 0.4;
	assert_float_equal(r[0].weight, log(MIX(0.8, 0.3) / not_laces), 1e-12);
	assert_int_equal(nf_engine_reasons(e, DISC, r, 4), 1);
	assert_true(r[0].weight < 0);
	nf_engine_free(e);
}

/* The reason for cause id on finding fid in a result, or NULL. */
static json_t *reason_of(json_t *res, const char *id, const char *fid)
{
	size_t i, k;
	json_t *c, *r;
	json_array_foreach(json_object_get(res, "ranking"), i, c)
	{
		if (strcmp(json_string_value(json_object_get(c, "id")), id))
			continue;
		json_array_foreach(json_object_get(c, "reasons"), k, r)
		if (!strcmp(json_string_value(json_object_get(r, "finding")), fid))
			return r;
	}
	return NULL;
}

static const char *evidence_of(json_t *res, const char *id, const char *fid)
{
	json_t *r = reason_of(res, id, fid);
	assert_non_null(r);
	return json_string_value(json_object_get(r, "evidence"));
}

static void test_result_evidence(void **state)
{
	nf_engine *e = engine(NF_MODE_RUNNER);
	nf_value top = {.set = 1u << 0}, age = {.x = 65};
	answer_bool(e, RELIEF, true);
	assert_int_equal(nf_engine_answer(e, WHERE, &top, NULL), NF_OK);
	assert_int_equal(nf_engine_answer(e, AGE, &age, NULL), NF_OK);
	char *text = nf_engine_result_json(e);
	json_t *res = json_loads(text, 0, NULL);
	assert_non_null(res);
	/* From tests/unit/data/kb.json: relief is measured under laces, derived under clot, and the
	 * estimated default elsewhere; laces' "where" entry names only "top", so sole and toes come
	 * from the estimated default and the reason is an estimate; age has no entry under laces and
	 * its default is measured. */
	assert_string_equal(evidence_of(res, "laces", "relief"), "measured");
	assert_string_equal(evidence_of(res, "clot", "relief"), "derived");
	assert_string_equal(evidence_of(res, "disc", "relief"), "estimate");
	assert_string_equal(evidence_of(res, "laces", "where"), "estimate");
	assert_string_equal(evidence_of(res, "clot", "age"), "estimate");
	/* The catch-all gives no reasons: it takes every finding's default, so an answer moves it only
	 * by moving the listed causes the other way. */
	size_t i;
	json_t *c;
	bool other = false;
	json_array_foreach(json_object_get(res, "ranking"), i, c)
	{
		if (strcmp(json_string_value(json_object_get(c, "id")), "other"))
			continue;
		other = true;
		assert_int_equal(json_array_size(json_object_get(c, "reasons")), 0);
	}
	assert_true(other);
	/* Plan steps carry the kind of their source. */
	json_t *step = json_array_get(json_object_get(json_array_get(json_object_get(res, "plan"), 0), "steps"), 0);
	assert_string_equal(json_string_value(json_object_get(step, "evidence")), "measured");
	assert_non_null(strstr(json_string_value(json_object_get(step, "source")), "measured: loosening"));
	json_decref(res);
	free(text);
	nf_engine_free(e);
}

static void test_next_question_and_stop(void **state)
{
	nf_engine *e = engine(NF_MODE_RUNNER);
	nf_question q;
	/* The red-flag screen comes first, with both of its findings. */
	assert_true(nf_engine_next(e, &q));
	assert_int_equal(q.checklist, 0);
	assert_int_equal(q.n, 2);
	answer_bool(e, COLD, false);
	answer_bool(e, WEAK, false);
	nf_engine_count_screen(e);
	/* Then single findings by information gain, never the clinician one in runner mode. */
	size_t asked = 0;
	while (nf_engine_next(e, &q)) {
		assert_int_equal(q.checklist, -1);
		assert_int_equal(q.n, 1);
		assert_true(q.finding[0] != EXAM);
		assert_true(q.gain >= 0);
		nf_engine_unknown(e, q.finding[0]);
		nf_engine_count_screen(e);
		asked++;
		assert_true(asked <= 4);
	}
	/* With "don't know" every time the posterior stays at the prior, where the rule stops once no
	 * remaining question has a 5% chance of changing the leading cause or the triage. */
	assert_true(asked >= 1);
	for (size_t f = 0; f < nf_kb_findings(kb); f++)
		if (f != EXAM && nf_engine_state(e, f, NULL) == NF_UNASKED) {
			nf_engine_unknown(e, f);
			asked++;
		}
	assert_int_equal(asked, 4);
	/* Nothing left to ask: it stops. */
	assert_false(nf_engine_next(e, &q));
	nf_engine_free(e);
}

static void test_stops_when_nothing_can_change(void **state)
{
	nf_engine *e = engine(NF_MODE_RUNNER);
	nf_question q;
	/* A decided case: the clot red flag and a cold old foot. Nothing left can change emergency. */
	answer_bool(e, COLD, true);
	answer_bool(e, WEAK, false);
	nf_value old = {.x = 80};
	nf_engine_answer(e, AGE, &old, NULL);
	answer_bool(e, RELIEF, false);
	bool more = nf_engine_next(e, &q);
	if (more)
		assert_true(q.change >= NF_STOP_CHANGE);
	/* The first question picked in a fresh interview after red flags is the most informative. */
	nf_engine_free(e);
	e = engine(NF_MODE_RUNNER);
	answer_bool(e, COLD, false);
	answer_bool(e, WEAK, false);
	assert_true(nf_engine_next(e, &q));
	double best = q.gain;
	size_t f = q.finding[0];
	nf_engine_unknown(e, f);
	nf_question q2;
	assert_true(nf_engine_next(e, &q2));
	assert_true(q2.gain <= best + 1e-12);
	nf_engine_free(e);
}

/* Mutual information of a bool finding with the cause, by hand: H(O) - H(O|C), in nats. */
static double mi_bool(const double *post, const double *p_true, int n)
{
	double po = 0, hoc = 0;
	for (int i = 0; i < n; i++) {
		po += post[i] * p_true[i];
		hoc -= post[i] * (p_true[i] * log(p_true[i]) + (1 - p_true[i]) * log(1 - p_true[i]));
	}
	return -(po * log(po) + (1 - po) * log(1 - po)) - hoc;
}

static void test_gain_by_hand(void **state)
{
	nf_engine *e = engine(NF_MODE_RUNNER);
	nf_question q;
	/* Leave only "relief" askable: the other screens answered "don't know". */
	nf_engine_unknown(e, COLD);
	nf_engine_unknown(e, WEAK);
	nf_engine_unknown(e, AGE);
	nf_engine_unknown(e, SIDE);
	nf_engine_unknown(e, WHERE);
	double post[4] = {0.6, 0.3, 0.05, 0.05};
	double pt[4] = {MIX(0.8, 0.3), MIX(0.1, 0.3), MIX(0.05, 0.3), 0.3};
	assert_true(nf_engine_next(e, &q));
	assert_int_equal(q.finding[0], RELIEF);
	assert_float_equal(q.gain, mi_bool(post, pt, 4), 1e-7);
	nf_engine_free(e);
}

#define SIGN_FROM "\"likelihood\": {\"disc\": {\"p\": 0.9, \"source\": {\"kind\": \"measured\", \"refs\": [\"Ref B\"], " \
		  "\"figure\": \"sign positive in 90% of test disc cases (n = 30)\"}}}}"
#define SIGN_DEFAULT "{\"p\": 0.2, \"source\": {\"kind\": \"estimate\", \"refs\": [\"Ref A\"], \"how\": \"the sign"
/* The examination sign as the only screen left: red flags answered no, the rest "don't know". */
static nf_engine *sign_left(const nf_kb *k)
{
	nf_engine *e;
	assert_int_equal(nf_engine_new(k, NF_MODE_CLINICIAN, &e, NULL), NF_OK);
	answer_bool(e, COLD, false);
	answer_bool(e, WEAK, false);
	nf_engine_unknown(e, RELIEF);
	nf_engine_unknown(e, AGE);
	nf_engine_unknown(e, SIDE);
	nf_engine_unknown(e, WHERE);
	return e;
}

/* A sign seen in 1.7% of people now, whose "yes" would make a blocked artery an emergency: under
 * the 5% chance of change alone the interview would stop; counted NF_EMERGENCY_WEIGHT times it is
 * asked, and its chance of change is exactly that weight times the chance of "yes". */
static void test_stop_weighs_a_rise_to_emergency(void **state)
{
	const char *const edits[][2] = {
	    {SIGN_DEFAULT, "{\"p\": 0.01, \"source\": {\"kind\": \"estimate\", \"refs\": [\"Ref A\"], \"how\": \"the sign"},
	    {SIGN_FROM, "\"likelihood\": {\"clot\": {\"p\": 0.9, \"source\": {\"kind\": \"estimate\", \"refs\": [\"Ref B\"], "
			"\"how\": \"a sign of blocked arteries, test dossier §12\"}}}}"},
	};
	nf_kb *k = fixture_edited(edits, 2);
	assert_non_null(k);
	nf_engine *e = sign_left(k);
	double pt[4] = {0.01, 0.01, MIX(0.9, 0.01), 0.01}, yes = 0;
	for (size_t c = 0; c < 4; c++)
		yes += nf_engine_probability(e, c) * pt[c];
	assert_true(yes < NF_STOP_CHANGE && NF_EMERGENCY_WEIGHT * yes >= NF_STOP_CHANGE);
	nf_question q;
	assert_true(nf_engine_next(e, &q));
	assert_int_equal(q.finding[0], EXAM);
	/* "no" changes nothing; "yes" raises the triage to emergency. */
	assert_float_equal(q.change, NF_EMERGENCY_WEIGHT * yes, 1e-9);
	answer_bool(e, EXAM, true);
	assert_int_equal(nf_engine_triage(e, NULL), NF_EMERGENCY);
	nf_engine_free(e);
	nf_kb_free(k);
}

/* A sign that no single answer makes decisive (yes raises a blocked artery from 0.8% to 1.4%,
 * under the 3% emergency threshold): while the emergency cause holds a tenth of its threshold the
 * interview still asks it; with the cause ten times rarer it stops. */
static void test_stop_waits_near_an_emergency(void **state)
{
	const char *const edits[][2] = {
	    {SIGN_DEFAULT, "{\"p\": 0.3, \"source\": {\"kind\": \"estimate\", \"refs\": [\"Ref A\"], \"how\": \"the sign"},
	    {SIGN_FROM, "\"likelihood\": {\"clot\": {\"p\": 0.5, \"source\": {\"kind\": \"estimate\", \"refs\": [\"Ref B\"], "
			"\"how\": \"a weak sign of blocked arteries, test dossier §12\"}}}}"},
	    {"\"p\": 0.05, \"source\": {\"kind\": \"estimate\", \"refs\": [\"Ref A\"], \"how\": \"a rare",
	     "\"p\": 0.005, \"source\": {\"kind\": \"estimate\", \"refs\": [\"Ref A\"], \"how\": \"a rare"},
	};
	for (int rare = 0; rare < 2; rare++) {
		nf_kb *k = fixture_edited(edits, rare ? 3 : 2); /* the third edit makes the artery rarer */
		assert_non_null(k);
		nf_engine *e = sign_left(k);
		nf_triage_info t;
		nf_engine_triage(e, &t);
		double near = NF_NEAR_EMERGENCY * 0.03;
		assert_int_equal(t.level, NF_SELF_CARE);
		assert_true(rare ? t.mass[NF_EMERGENCY] < near : t.mass[NF_EMERGENCY] >= near);
		nf_question q;
		assert_int_equal(nf_engine_next(e, &q), !rare);
		if (!rare) {
			assert_int_equal(q.finding[0], EXAM);
			assert_true(q.change < NF_STOP_CHANGE);
		}
		nf_engine_free(e);
		nf_kb_free(k);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prior_only),
		cmocka_unit_test(test_bool_posterior_by_hand),
		cmocka_unit_test(test_number_enum_set_by_hand),
		cmocka_unit_test(test_bad_answers_change_nothing),
		cmocka_unit_test(test_red_flag_cannot_be_outweighed),
		cmocka_unit_test(test_triage_on_probability),
		cmocka_unit_test(test_escalation_rule),
		cmocka_unit_test(test_level_rule),
		cmocka_unit_test(test_factor_text),
		cmocka_unit_test(test_reasons),
		cmocka_unit_test(test_result_evidence),
		cmocka_unit_test(test_next_question_and_stop),
		cmocka_unit_test(test_stops_when_nothing_can_change),
		cmocka_unit_test(test_gain_by_hand),
		cmocka_unit_test(test_stop_weighs_a_rise_to_emergency),
		cmocka_unit_test(test_stop_waits_near_an_emergency),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
