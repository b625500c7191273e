/* The shipped knowledge base (kb/numbfoot.json) with the engine: every red flag sets its level
 * alone and against strong contrary evidence, and a plain tight-laces story stays at self-care
 * with emergencies far below the threshold. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "kb_fixture.h"
#include "numbfoot/engine.h"

static nf_kb *kb;

static int setup(void **state)
{
	nf_error err;
	if (nf_kb_load_files("kb/vocabulary.json", "kb/numbfoot.json", &kb, &err) != NF_OK) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	nf_kb_free(kb);
	return 0;
}

static void set(nf_engine *e, const char *id, const char *value)
{
	int f = nf_kb_finding_index(kb, id);
	assert_true(f >= 0);
	nf_value v = {0};
	switch (nf_kb_finding_type(kb, (size_t)f)) {
	case NF_BOOL:
		v.b = !strcmp(value, "true");
		break;
	case NF_NUMBER:
		v.x = atof(value);
		break;
	case NF_ENUM:
		v.index = nf_kb_finding_value_index(kb, (size_t)f, value);
		break;
	case NF_SET:
		v.set = 1u << nf_kb_finding_value_index(kb, (size_t)f, value);
		break;
	}
	assert_int_equal(nf_engine_answer(e, (size_t)f, &v, NULL), NF_OK);
}

/* A young runner whose dorsal numbness comes with tight laces and goes within minutes of
 * loosening them: the commonest benign story. */
static void laces_story(nf_engine *e)
{
	set(e, "age", "27");
	set(e, "location", "dorsum");
	set(e, "side", "one");
	set(e, "laces_tight", "true");
	set(e, "relief_loosening", "true");
	set(e, "resolves_on_stopping", "true");
	set(e, "resolve_minutes", "2");
	set(e, "at_rest", "false");
}

static void test_laces_stay_self_care(void **state)
{
	nf_engine *e;
	nf_triage_info ti;
	assert_int_equal(nf_engine_new(kb, NF_MODE_RUNNER, &e, NULL), NF_OK);
	laces_story(e);
	assert_int_equal(nf_engine_triage(e, &ti), NF_SELF_CARE);
	assert_true(ti.mass[NF_EMERGENCY] < 0.001);
	size_t top;
	nf_engine_ranking(e, &top, 1);
	assert_string_equal(nf_kb_condition_id(kb, top), "shoe_compression");
	nf_engine_free(e);
}

static void test_every_red_flag(void **state)
{
	size_t flags = 0;
	for (size_t f = 0; f < nf_kb_findings(kb); f++) {
		int level = nf_kb_finding_red_flag(kb, f, NULL);
		if (level < 0)
			continue;
		flags++;
		for (int contrary = 0; contrary < 2; contrary++) {
			nf_engine *e;
			nf_triage_info ti;
			assert_int_equal(nf_engine_new(kb, NF_MODE_RUNNER, &e, NULL), NF_OK);
			if (contrary)
				laces_story(e);
			nf_value v = {.b = true};
			assert_int_equal(nf_engine_answer(e, f, &v, NULL), NF_OK);
			nf_engine_triage(e, &ti);
			if ((int)ti.level < level)
				fail_msg("red flag %s gave %s, wanted at least %s", nf_kb_finding_id(kb, f),
					 nf_triage_id(ti.level), nf_triage_id((nf_triage)level));
			assert_int_equal(ti.red_flag, (int)f);
			nf_engine_free(e);
		}
	}
	/* The dossier's overrides: seven emergencies and the urgent ones. */
	assert_true(flags >= 8);
}

static void test_every_condition_has_advice(void **state)
{
	for (size_t c = 0; c < nf_kb_conditions(kb); c++) {
		const char *who[8];
		assert_true(nf_kb_condition_plan_steps(kb, c) >= 1);
		assert_true(nf_kb_condition_see(kb, c, who, 8) >= 1);
		if (nf_kb_condition_triage(kb, c) == NF_EMERGENCY) {
			bool ed = false;
			size_t n = nf_kb_condition_see(kb, c, who, 8);
			for (size_t i = 0; i < n && i < 8; i++)
				ed |= !strcmp(who[i], "emergency_department");
			if (!ed)
				fail_msg("emergency %s does not send to the emergency department", nf_kb_condition_id(kb, c));
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_laces_stay_self_care),
		cmocka_unit_test(test_every_red_flag),
		cmocka_unit_test(test_every_condition_has_advice),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
