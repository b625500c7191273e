/* The advice that goes with the triage (lib/engine/advice.c) and the rule features it rests on:
 * `unless` terms, rules for every cause, a rule's own step and whom to see, steps shown `when`
 * their answers hold and left out `unless` others do, and safety nets. The test knowledge base of
 * tests/unit/data is edited in memory to carry them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>

#include "kb_fixture.h"
#include "numbfoot/engine.h"

static nf_kb *kb;
static size_t RELIEF, AGE, SIDE, COLD, WEAK;
enum { LACES, DISC, CLOT, OTHER };

static const char *const edits[][2] = {
    {"\"escalate\": [{\"if\": {\"weak\": true, \"side\": \"both\"}, \"to\": \"urgent\", \"source\": "
     "{\"kind\": \"estimate\", \"refs\": [\"Ref B\"], \"how\": \"weakness in both feet points to a root, "
     "test dossier §3\"}}]",
     "\"escalate\": [{\"if\": {\"weak\": true, \"side\": \"both\"}, \"unless\": [{\"age\": {\">=\": 60}}, "
     "{\"relief\": true, \"cold_foot\": false}], "
     "\"to\": \"urgent\", \"step\": \"Stop running and be seen by a spinal surgeon within 48 hours.\", "
     "\"see\": "
     "[\"spinal_surgeon\"], \"source\": {\"kind\": \"estimate\", \"refs\": [\"Ref B\"], \"how\": \"weakness "
     "in both feet points to a root, test dossier §3\"}}]"},
    {"\"red_flags\": [",
     "\"escalate\": [{\"if\": {\"relief\": false, \"age\": {\"<\": 40}}, \"to\": \"urgent\", \"step\": \"See "
     "a GP within 48 hours: it does not settle.\", \"see\": [\"gp\"], \"source\": {\"kind\": \"estimate\", "
     "\"refs\": [\"Ref A\"], \"how\": \"a test rule for the advice, test dossier §5\"}}], \"red_flags\": ["},
    {"\"plan\": [{\"step\": \"Loosen the laces.\", \"weeks\": 2, \"source\": {\"kind\": \"measured\", "
     "\"refs\": [\"Ref B\"], \"figure\": \"loosening was tried for 2 weeks in a test series (n = 12)\"}}]",
     "\"plan\": [{\"step\": \"Loosen the laces.\", \"weeks\": 2, \"source\": {\"kind\": \"measured\", "
     "\"refs\": [\"Ref B\"], \"figure\": \"loosening was tried for 2 weeks in a test series (n = 12)\"}}, "
     "{\"step\": \"Stop "
     "smoking.\", \"weeks\": 0, \"when\": {\"relief\": true}, \"unless\": [{\"age\": {\">=\": 70}}, "
     "{\"cold_foot\": true, \"weak\": true}], \"source\": {\"kind\": \"estimate\", \"refs\": "
     "[\"Ref A\"], \"how\": \"a test rule for the advice, test dossier §5\"}}, {\"step\": \"If it is not "
     "better, see a podiatrist.\", \"weeks\": 4, \"refer\": true, \"source\": {\"kind\": \"estimate\", "
     "\"refs\": [\"Ref A\"], \"how\": \"a test referral after the trial, test dossier §5\"}}], \"safety_net\": "
     "[{\"step\": \"Get care now if the foot goes cold.\", \"level\": \"emergency\", \"source\": {\"kind\": "
     "\"estimate\", \"refs\": [\"Ref A\"], \"how\": \"a test rule for the advice, test dossier §5\"}}, "
     "{\"step\": \"See a podiatrist if it spreads.\", \"level\": \"routine\", \"source\": {\"kind\": "
     "\"estimate\", \"refs\": [\"Ref A\"], \"how\": \"a test rule for the advice, test dossier §5\"}}]"},
    {"\"says\": \"New weakness needs a doctor soon.\",",
     "\"says\": \"New weakness needs a doctor soon.\", \"step\": \"Stop running and be seen by a neurologist "
     "within 48 hours.\", \"see\": [\"neurologist\"],"},
};

static int setup(void **state)
{
	kb = fixture_edited(edits, sizeof edits / sizeof *edits);
	if (!kb)
		return -1;
	RELIEF = (size_t)nf_kb_finding_index(kb, "relief");
	AGE = (size_t)nf_kb_finding_index(kb, "age");
	SIDE = (size_t)nf_kb_finding_index(kb, "side");
	COLD = (size_t)nf_kb_finding_index(kb, "cold_foot");
	WEAK = (size_t)nf_kb_finding_index(kb, "weak");
	return 0;
}

static int teardown(void **state)
{
	nf_kb_free(kb);
	return 0;
}

static nf_engine *engine(void)
{
	nf_engine *e;
	assert_int_equal(nf_engine_new(kb, NF_MODE_RUNNER, &e, NULL), NF_OK);
	return e;
}

static void set_bool(nf_engine *e, size_t f, bool b)
{
	nf_value v = {.b = b};
	assert_int_equal(nf_engine_answer(e, f, &v, NULL), NF_OK);
}

static void set_number(nf_engine *e, size_t f, double x)
{
	nf_value v = {.x = x};
	assert_int_equal(nf_engine_answer(e, f, &v, NULL), NF_OK);
}

static const nf_step *find_step(const nf_advice_plan *p, const char *text)
{
	for (size_t s = 0; s < p->nsteps; s++)
		if (!strcmp(p->step[s].text, text))
			return &p->step[s];
	return NULL;
}

static bool has_step(const nf_advice_plan *p, const char *text)
{
	return find_step(p, text) != NULL;
}

static void test_unless_blocks_only_when_answered(void **state)
{
	nf_engine *e = engine();
	nf_value both = {.index = 1};
	set_bool(e, WEAK, true);
	assert_int_equal(nf_engine_answer(e, SIDE, &both, NULL), NF_OK);
	/* Age unknown: the danger is not ruled out. */
	assert_int_equal(nf_engine_condition_level(e, DISC), NF_URGENT);
	set_number(e, AGE, 30);
	assert_int_equal(nf_engine_condition_level(e, DISC), NF_URGENT);
	set_number(e, AGE, 70);
	assert_int_equal(nf_engine_condition_level(e, DISC), NF_ROUTINE);
	nf_engine_free(e);
}

/* An array of unless alternatives: any one held in full rules the danger out, a part of one does not. */
static void test_unless_alternatives(void **state)
{
	nf_engine *e = engine();
	nf_value both = {.index = 1};
	set_bool(e, WEAK, true);
	assert_int_equal(nf_engine_answer(e, SIDE, &both, NULL), NF_OK);
	set_bool(e, RELIEF, true);
	assert_int_equal(nf_engine_condition_level(e, DISC), NF_URGENT);
	set_bool(e, COLD, true);
	assert_int_equal(nf_engine_condition_level(e, DISC), NF_URGENT);
	set_bool(e, COLD, false);
	assert_int_equal(nf_engine_condition_level(e, DISC), NF_ROUTINE);
	set_number(e, AGE, 30);
	assert_int_equal(nf_engine_condition_level(e, DISC), NF_ROUTINE);
	set_bool(e, RELIEF, false);
	assert_int_equal(nf_engine_condition_level(e, DISC), NF_URGENT);
	set_number(e, AGE, 70);
	assert_int_equal(nf_engine_condition_level(e, DISC), NF_ROUTINE);
	nf_engine_free(e);
}

static void test_rule_for_every_cause_leads_the_advice(void **state)
{
	nf_engine *e = engine();
	nf_advice a;
	set_bool(e, COLD, false);
	set_bool(e, RELIEF, false);
	set_number(e, AGE, 30);
	for (size_t c = 0; c < nf_kb_conditions(kb); c++)
		assert_true(nf_engine_condition_level(e, c) >= NF_URGENT);
	assert_int_equal(nf_engine_triage(e, NULL), NF_URGENT);
	nf_engine_advice(e, &a);
	assert_int_equal(a.level, NF_URGENT);
	assert_string_equal(a.first.text, "See a GP within 48 hours: it does not settle.");
	assert_int_equal(a.first.kind, NF_STEP_ACTION);
	assert_string_equal(a.see[0], "gp");
	assert_non_null(strstr(a.headline, "a GP (family doctor)"));
	/* Under urgent, no plan keeps a trial of self-care, and the first step is not repeated. */
	for (size_t i = 0; i < a.nplans; i++)
		for (size_t s = 0; s < a.plan[i].nsteps; s++) {
			assert_true(a.plan[i].step[s].weeks == 0);
			assert_string_not_equal(a.plan[i].step[s].text, a.first.text);
		}
	nf_engine_free(e);
}

static void test_when_and_safety_net(void **state)
{
	nf_engine *e = engine();
	nf_advice a;
	set_bool(e, COLD, false);
	set_bool(e, WEAK, false);
	set_bool(e, RELIEF, true);
	set_number(e, AGE, 45);
	assert_int_equal(nf_engine_triage(e, NULL), NF_SELF_CARE);
	nf_engine_advice(e, &a);
	assert_int_equal(a.plan[0].condition, LACES);
	/* A self-care first step stays the first of its plan. */
	assert_string_equal(a.first.text, "Loosen the laces.");
	assert_string_equal(a.plan[0].step[0].text, "Loosen the laces.");
	assert_true(has_step(&a.plan[0], "Stop smoking."));
	/* A step that sends to a clinician after the trial is a referral, its weeks after how long. */
	const nf_step *refer = find_step(&a.plan[0], "If it is not better, see a podiatrist.");
	assert_non_null(refer);
	assert_int_equal(refer->kind, NF_STEP_REFERRAL);
	assert_true(refer->weeks == 4);
	assert_int_equal(find_step(&a.plan[0], "Loosen the laces.")->kind, NF_STEP_SELF_CARE);
	/* The safety net's parts end the plan, in their order. */
	const nf_step *last = &a.plan[0].step[a.plan[0].nsteps - 1];
	assert_int_equal(last[-1].kind, NF_STEP_SAFETY_NET);
	assert_string_equal(last[-1].text, "Get care now if the foot goes cold.");
	assert_int_equal(last->kind, NF_STEP_SAFETY_NET);
	assert_string_equal(last->text, "See a podiatrist if it spreads.");
	/* It is left out while one of its "unless" alternatives holds in full, and only then. */
	set_number(e, AGE, 75);
	nf_engine_advice(e, &a);
	assert_int_equal(a.plan[0].condition, LACES);
	assert_false(has_step(&a.plan[0], "Stop smoking."));
	set_number(e, AGE, 45);
	set_bool(e, COLD, true);
	nf_engine_advice(e, &a);
	for (size_t i = 0; i < a.nplans; i++)
		if (a.plan[i].condition == LACES)
			assert_true(has_step(&a.plan[i], "Stop smoking."));
	set_bool(e, COLD, false);
	/* The step shown "when" relief holds is gone once it does not, and when it is unknown. */
	set_bool(e, RELIEF, false);
	set_number(e, AGE, 45);
	nf_engine_advice(e, &a);
	for (size_t i = 0; i < a.nplans; i++)
		assert_false(has_step(&a.plan[i], "Stop smoking."));
	nf_engine_withdraw(e, RELIEF);
	nf_engine_advice(e, &a);
	for (size_t i = 0; i < a.nplans; i++)
		assert_false(has_step(&a.plan[i], "Stop smoking."));
	nf_engine_free(e);
}

/* Under an urgent result the net's routine part goes ("see a podiatrist" beside "within 48 hours"),
 * and its emergency part stays. */
static void test_safety_net_below_the_level(void **state)
{
	nf_engine *e = engine();
	nf_advice a;
	set_bool(e, COLD, false);
	set_bool(e, WEAK, false);
	set_bool(e, RELIEF, false);
	set_number(e, AGE, 30);
	assert_int_equal(nf_engine_triage(e, NULL), NF_URGENT);
	nf_engine_advice(e, &a);
	bool laces = false;
	for (size_t i = 0; i < a.nplans; i++) {
		if (a.plan[i].condition != LACES)
			continue;
		laces = true;
		assert_true(has_step(&a.plan[i], "Get care now if the foot goes cold."));
		assert_false(has_step(&a.plan[i], "See a podiatrist if it spreads."));
	}
	assert_true(laces);
	nf_engine_free(e);
}

static void test_emergency_goes_first(void **state)
{
	nf_engine *e = engine();
	nf_advice a;
	set_bool(e, RELIEF, true);
	set_bool(e, COLD, true);
	nf_engine_advice(e, &a);
	assert_int_equal(a.level, NF_EMERGENCY);
	assert_string_equal(a.see[0], "emergency_department");
	assert_true(a.first.weeks == 0);
	assert_non_null(strstr(a.headline, "Emergency"));
	/* Only causes at the emergency level keep a plan. */
	for (size_t i = 0; i < a.nplans; i++)
		assert_int_equal(nf_engine_condition_level(e, a.plan[i].condition), NF_EMERGENCY);
	nf_engine_free(e);
}

/* The level's words during the interview (nf_engine_triage_words) are the result's triage.words,
 * the headline in the engine's units, in either unit; cut short, still a string. */
static void test_triage_words_are_the_results(void **state)
{
	nf_engine *e = engine();
	nf_advice a;
	char words[NF_TRIAGE_WORDS_MAX], small[10];
	set_bool(e, RELIEF, true);
	set_bool(e, COLD, true);
	nf_engine_advice(e, &a);
	assert_ptr_equal(nf_engine_triage_words(e, words, sizeof words), words);
	assert_string_equal(words, a.headline);
	assert_non_null(strstr(words, "Do not drive yourself."));
	for (int u = 0; u < 2; u++) {
		nf_engine_set_units(e, u ? NF_UNITS_MI : NF_UNITS_KM);
		char *text = nf_engine_result_json(e);
		assert_non_null(text);
		json_t *r = json_loads(text, 0, NULL);
		free(text);
		assert_non_null(r);
		nf_engine_triage_words(e, words, sizeof words);
		assert_string_equal(words, json_string_value(json_object_get(json_object_get(r, "triage"), "words")));
		json_decref(r);
	}
	nf_engine_triage_words(e, small, sizeof small);
	assert_int_equal(strlen(small), sizeof small - 1);
	assert_memory_equal(small, a.headline, sizeof small - 1);
	nf_engine_free(e);
}

static void test_warning_sign_speaks_for_itself(void **state)
{
	nf_engine *e = engine();
	nf_advice a;
	/* Tight laces lead, no cause is at the urgent level: the red flag's own step and person. */
	set_bool(e, RELIEF, true);
	set_number(e, AGE, 45);
	set_bool(e, COLD, false);
	set_bool(e, WEAK, true);
	nf_engine_advice(e, &a);
	assert_int_equal(a.level, NF_URGENT);
	assert_int_equal(a.first_red_flag, (int)WEAK);
	assert_int_equal(a.first_condition, -1);
	assert_string_equal(a.first.text, "Stop running and be seen by a neurologist within 48 hours.");
	assert_string_equal(a.see[0], "neurologist");
	assert_non_null(strstr(a.headline, "a neurologist"));
	nf_engine_free(e);
}

static void test_rule_step_and_see(void **state)
{
	nf_engine *e = engine();
	nf_advice a;
	nf_value both = {.index = 1};
	/* The disc's rule holds and the disc leads: its step first, its surgeon first. */
	set_bool(e, COLD, false);
	set_bool(e, RELIEF, false);
	set_number(e, AGE, 50);
	assert_int_equal(nf_engine_answer(e, SIDE, &both, NULL), NF_OK);
	set_bool(e, WEAK, true);
	nf_engine_advice(e, &a);
	assert_int_equal(a.level, NF_URGENT);
	assert_int_equal(a.first_condition, DISC);
	assert_string_equal(a.first.text, "Stop running and be seen by a spinal surgeon within 48 hours.");
	assert_string_equal(a.see[0], "spinal_surgeon");
	nf_engine_free(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_unless_blocks_only_when_answered),
	    cmocka_unit_test(test_unless_alternatives),
	    cmocka_unit_test(test_rule_for_every_cause_leads_the_advice),
	    cmocka_unit_test(test_when_and_safety_net),
	    cmocka_unit_test(test_safety_net_below_the_level),
	    cmocka_unit_test(test_emergency_goes_first),
	    cmocka_unit_test(test_triage_words_are_the_results),
	    cmocka_unit_test(test_warning_sign_speaks_for_itself),
	    cmocka_unit_test(test_rule_step_and_see),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
