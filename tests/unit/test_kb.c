/* Knowledge-base loading: a valid file loads; each kind of fault is refused with its place. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "kb_fixture.h"

static char *vocab, *kbtext;

static int setup(void **state)
{
	vocab = fixture_text("tests/unit/data/vocab.json");
	kbtext = fixture_text("tests/unit/data/kb.json");
	return vocab && kbtext ? 0 : -1;
}

static int teardown(void **state)
{
	free(vocab);
	free(kbtext);
	return 0;
}

static void test_loads(void **state)
{
	nf_kb *kb;
	nf_error err;
	assert_int_equal(nf_kb_load(vocab, "v.json", kbtext, "k.json", &kb, &err), NF_OK);
	assert_int_equal(nf_kb_conditions(kb), 4); /* three of the vocabulary and `other` */
	assert_int_equal(nf_kb_findings(kb), 7);
	assert_string_equal(nf_kb_condition_id(kb, 3), "other");
	assert_false(nf_kb_condition_in_vocabulary(kb, 3));
	assert_int_equal(nf_kb_finding_type(kb, (size_t)nf_kb_finding_index(kb, "where")), NF_SET);
	assert_true(nf_kb_finding_clinician(kb, (size_t)nf_kb_finding_index(kb, "exam_sign")));
	assert_int_equal(nf_kb_finding_red_flag(kb, (size_t)nf_kb_finding_index(kb, "cold_foot"), NULL), NF_EMERGENCY);
	assert_int_equal(nf_kb_finding_checklist(kb, (size_t)nf_kb_finding_index(kb, "weak")), 0);
	assert_float_equal(nf_kb_triage_threshold(kb, NF_EMERGENCY), 0.03, 1e-12);
	const char *src;
	assert_float_equal(nf_kb_condition_prior(kb, 0, &src), 0.6, 1e-12);
	assert_string_equal(src, "Ref A");
	nf_kb_free(kb);
}

/* Loads kbtext with one edit and expects a fault whose message contains want. */
static void expect_fault(const char *from, const char *to, const char *want)
{
	char *bad = replace_once(kbtext, from, to);
	assert_non_null(bad);
	nf_kb *kb = (nf_kb *)1;
	nf_error err;
	assert_int_equal(nf_kb_load(vocab, "v.json", bad, "k.json", &kb, &err), NF_EPARSE);
	assert_null(kb);
	if (!strstr(err.msg, want))
		fail_msg("message \"%s\" lacks \"%s\"", err.msg, want);
	free(bad);
}

static void test_faults_are_placed(void **state)
{
	/* Each edit breaks one rule; the message names file, line and key. */
	expect_fault("\"p\": 0.8, \"source\": \"Ref A\"", "\"p\": 1.8, \"source\": \"Ref A\"",
		     "k.json:34: findings[0].likelihood.laces.p: probability 1.8");
	expect_fault("\"laces\": {\"p\": 0.8", "\"lace\": {\"p\": 0.8", "findings[0].likelihood.lace: unknown condition");
	expect_fault("[0.1, 0.3, 0.6]", "[0.1, 0.3, 0.5]", "findings[1].likelihood.clot.p: probabilities sum to 0.9");
	expect_fault("\"source\": \"Ref B\"}, \"triage\": \"routine\"", "\"source\": \"Ref C\"}, \"triage\": \"routine\"",
		     "conditions[1].prior.source: \"Ref C\" is not a reference key");
	expect_fault("estimate: a rare emergency given a small prior", "estimate: short",
		     "an estimate needs its reasoning");
	expect_fault("\"bins\": [40, 60]", "\"bins\": [60, 40]", "findings[1].bins[1]: bin edges must be numbers in ascending");
	expect_fault("\"findings\": [\"cold_foot\", \"weak\"]", "\"findings\": [\"cold_foot\", \"side\"]",
		     "side is not a bool finding");
	expect_fault("\"triage\": \"self_care\"", "\"triage\": \"whenever\"", "conditions[0].triage: \"whenever\" is not a triage level");
	expect_fault("{\"id\": \"weak\", \"question\"", "{\"id\": \"weak\", \"colour\": 1, \"question\"",
		     "findings[5].colour: unknown key");
	expect_fault("\"help\": \"Loosen and wait.\",", "\"help\": \"Loosen and wait.\", \"help\": \"x\",",
		     "k.json:32: (json): duplicate object key");
	expect_fault("{\"id\": \"exam_sign\"", "{\"id\": \"exam_sing\"", "\"exam_sing\" is not a finding of the vocabulary");
	expect_fault("\"question\": \"Is the leg weak?\",", "", "findings[5]: missing \"question\"");
	expect_fault("\"version\": 1,", "\"version\": 1,,", "k.json:2: (json)");
	/* The advice's keys: a rule's see and unless, a step's when, a safety net, rules for every cause,
	 * a red flag's step. */
	expect_fault("\"to\": \"routine\", \"source\": \"estimate: test rule",
		     "\"to\": \"routine\", \"see\": [\"barber\"], \"source\": \"estimate: test rule",
		     "conditions[0].escalate[0].see[0]: not one of the professionals");
	expect_fault("\"if\": {\"age\": {\">=\": 60}}", "\"if\": {\"age\": {\">=\": 60}}, \"unless\": {\"nope\": true}",
		     "conditions[0].escalate[0].unless.nope: unknown finding");
	expect_fault("{\"step\": \"Loosen the laces.\", \"weeks\": 2,",
		     "{\"step\": \"Loosen the laces.\", \"when\": {\"side\": \"three\"}, \"weeks\": 2,",
		     "conditions[0].plan[0].when.side: not a value of side");
	expect_fault("\"see\": [\"podiatrist\"],", "\"see\": [\"podiatrist\"], \"safety_net\": {\"step\": \"Watch.\"},",
		     "conditions[0].safety_net: missing \"source\"");
	expect_fault("\"red_flags\": [", "\"escalate\": {}, \"red_flags\": [", "triage.escalate: not an array of rules");
	expect_fault("\"says\": \"A cold white foot needs care now.\",",
		     "\"says\": \"A cold white foot needs care now.\", \"step\": 3,",
		     "triage.red_flags[0].step: not a non-empty string");
}

static void collect(void *ctx, const char *msg)
{
	(*(int *)ctx)++;
	(void)msg;
}

static void test_check_reports_every_fault(void **state)
{
	char *one = replace_once(kbtext, "\"p\": 0.8, \"source\": \"Ref A\"", "\"p\": 1.8, \"source\": \"Ref A\"");
	char *two = replace_once(one, "\"p\": 0.1, \"source\": \"Ref B\"", "\"p\": -1, \"source\": \"Ref Z\"");
	int n = 0;
	/* Three faults: two probabilities out of range and one unresolved source. */
	assert_int_equal(nf_kb_check(vocab, "v.json", two, "k.json", collect, &n), 3);
	assert_int_equal(n, 3);
	n = 0;
	assert_int_equal(nf_kb_check(vocab, "v.json", kbtext, "k.json", collect, &n), 0);
	free(one);
	free(two);
}

static void test_missing_condition_and_file(void **state)
{
	char *bad = replace_once(vocab, "{\"id\": \"clot\", \"name\": \"Clot\"}",
				 "{\"id\": \"clot\", \"name\": \"Clot\"}, {\"id\": \"cramp\", \"name\": \"Cramp\"}");
	nf_kb *kb;
	nf_error err;
	assert_int_equal(nf_kb_load(bad, "v.json", kbtext, "k.json", &kb, &err), NF_EPARSE);
	assert_non_null(strstr(err.msg, "condition \"cramp\" of the vocabulary is missing"));
	free(bad);
	assert_int_equal(nf_kb_load_files("tests/unit/data/vocab.json", "no/such/kb.json", &kb, &err), NF_EIO);
	assert_non_null(strstr(err.msg, "no/such/kb.json"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_loads),
		cmocka_unit_test(test_faults_are_placed),
		cmocka_unit_test(test_check_reports_every_fault),
		cmocka_unit_test(test_missing_condition_and_file),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
