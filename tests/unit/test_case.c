/* Case files: what the reference checker accepts is read; what it rejects is refused with the
 * file, line and key; answers reach the engine unchanged. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "kb_fixture.h"
#include "numbfoot/case.h"

static nf_kb *kb;

static int setup(void **state)
{
	kb = fixture_kb();
	return kb ? 0 : -1;
}

static int teardown(void **state)
{
	nf_kb_free(kb);
	return 0;
}

static const char *good =
	"{\n"
	"  \"id\": \"one\",\n"
	"  \"source\": \"test\",\n"
	"  \"mode\": \"clinician\",\n"
	"  \"answers\": {\n"
	"    \"relief\": true,\n"
	"    \"age\": 44.5,\n"
	"    \"side\": \"both\",\n"
	"    \"where\": [\"sole\", \"toes\"],\n"
	"    \"weak\": null,\n"
	"    \"exam_sign\": false\n"
	"  },\n"
	"  \"expected\": {\"condition\": \"disc\", \"acceptable\": [\"laces\"], \"triage\": \"routine\"}\n"
	"}\n";

static void test_reads_every_type(void **state)
{
	nf_case *c;
	nf_error err;
	nf_value v;
	assert_int_equal(nf_case_load(kb, good, "one.json", &c, &err), NF_OK);
	assert_string_equal(nf_case_id(c), "one");
	assert_int_equal(nf_case_mode(c), NF_MODE_CLINICIAN);
	assert_int_equal(nf_case_expected(c), nf_kb_condition_index(kb, "disc"));
	assert_true(nf_case_acceptable(c, (size_t)nf_kb_condition_index(kb, "laces")));
	assert_false(nf_case_acceptable(c, (size_t)nf_kb_condition_index(kb, "clot")));
	assert_int_equal(nf_case_expected_triage(c), NF_ROUTINE);
	assert_int_equal(nf_case_answer(c, (size_t)nf_kb_finding_index(kb, "age"), &v), NF_ANSWERED);
	assert_float_equal(v.x, 44.5, 0);
	assert_int_equal(nf_case_answer(c, (size_t)nf_kb_finding_index(kb, "where"), &v), NF_ANSWERED);
	assert_int_equal(v.set, 1u << 1 | 1u << 2);
	assert_int_equal(nf_case_answer(c, (size_t)nf_kb_finding_index(kb, "weak"), &v), NF_UNKNOWN);
	assert_int_equal(nf_case_answer(c, (size_t)nf_kb_finding_index(kb, "cold_foot"), &v), NF_UNASKED);
	nf_engine *e;
	assert_int_equal(nf_engine_new(kb, nf_case_mode(c), &e, NULL), NF_OK);
	assert_int_equal(nf_case_apply(c, e, &err), NF_OK);
	assert_int_equal(nf_engine_state(e, (size_t)nf_kb_finding_index(kb, "side"), &v), NF_ANSWERED);
	assert_int_equal(v.index, 1);
	nf_engine_free(e);

	/* Each screen answered as the case's person would: its answer, "don't know" where it is
	 * silent or null, and the screen counted. */
	nf_interview *iv;
	nf_question q;
	size_t screens = 0, answered = 0, unknown = 0;
	assert_int_equal(nf_interview_new(kb, nf_case_mode(c), &iv, NULL), NF_OK);
	while (nf_interview_next(iv, &q)) {
		assert_int_equal(nf_case_answer_screen(c, iv, &q, &err), NF_OK);
		assert_int_equal(nf_interview_screens(iv), ++screens);
		for (size_t i = 0; i < q.n; i++) {
			nf_value want, got;
			nf_answer_state st = nf_engine_state(nf_interview_engine(iv), q.finding[i], &got);
			if (nf_case_answer(c, q.finding[i], &want) != NF_ANSWERED) {
				assert_int_equal(st, NF_UNKNOWN);
				unknown++;
				continue;
			}
			assert_int_equal(st, NF_ANSWERED);
			assert_memory_equal(&got, &want, sizeof got);
			answered++;
		}
	}
	assert_true(answered > 0 && unknown > 0);
	/* No screen on show: nothing to answer. */
	assert_int_equal(nf_case_answer_screen(c, iv, &q, &err), NF_EINVAL);
	nf_interview_free(iv);
	nf_case_free(c);
}

static void expect(const char *from, const char *to, const char *want)
{
	char *bad = replace_once(good, from, to);
	assert_non_null(bad);
	nf_case *c = (nf_case *)1;
	nf_error err;
	assert_int_equal(nf_case_load(kb, bad, "one.json", &c, &err), NF_EPARSE);
	assert_null(c);
	if (!strstr(err.msg, want))
		fail_msg("message \"%s\" lacks \"%s\"", err.msg, want);
	free(bad);
}

static void test_rejects_with_place(void **state)
{
	expect("\"age\": 44.5", "\"age\": -1", "one.json:7: answers.age: number -1 is negative");
	/* Past the knowledge base's range (here 0 to 120): a slip refused, not an answer used. */
	expect("\"age\": 44.5", "\"age\": 1e308", "one.json:7: answers.age: number 1e+308 is outside 0 to 120 years");
	expect("\"age\": 44.5", "\"age\": 120.5", "one.json:7: answers.age: number 120.5 is outside 0 to 120 years");
	expect("\"age\": 44.5", "\"age\": \"44\"", "one.json:7: answers.age: type number");
	expect("\"relief\": true", "\"relief\": 1", "one.json:6: answers.relief: type bool");
	expect("\"side\": \"both\"", "\"side\": \"left\"", "one.json:8: answers.side: not one of the values");
	expect("[\"sole\", \"toes\"]", "[\"sole\", \"sole\"]", "one.json:9: answers.where: set repeats a value");
	expect("[\"sole\", \"toes\"]", "[\"heel\"]", "answers.where: heel is not one of the values");
	expect("\"weak\": null", "\"weakness\": null", "one.json:10: answers.weakness: unknown finding ID");
	expect("\"mode\": \"clinician\"", "\"mode\": \"runner\"", "one.json:11: answers.exam_sign: clinician finding in a runner-mode case");
	expect("\"mode\": \"clinician\"", "\"mode\": \"doctor\"", "one.json:4: mode: must be");
	expect("\"condition\": \"disc\"", "\"condition\": \"other\"", "one.json:13: expected.condition: unknown condition ID");
	expect("\"acceptable\": [\"laces\"]", "\"acceptable\": [\"disc\"]", "expected.acceptable: repeats expected.condition");
	expect("\"triage\": \"routine\"", "\"triage\": \"soon\"", "expected.triage: unknown triage level");
	expect(", \"triage\": \"routine\"", "", "expected.triage: missing");
	expect("\"source\": \"test\",", "\"source\": \"test\", \"notes\": 1,", "one.json:3: notes: unknown key");
	expect("\"id\": \"one\",", "\"id\": \"\",", "one.json:2: id: missing or not a non-empty string");
	expect("\"id\": \"one\",", "\"id\": \"one\", \"id\": \"two\",", "one.json:2: (json): duplicate object key");
	expect("\"age\": 44.5", "\"age\": NaN", "one.json:7: (json)");
	expect("{\n  \"id\"", "[{\n  \"id\"", "(json)");
}

static void collect(void *ctx, const char *msg)
{
	(void)msg;
	(*(int *)ctx)++;
}

static void test_check_finds_all(void **state)
{
	char *one = replace_once(good, "\"age\": 44.5", "\"age\": -1");
	char *two = replace_once(one, "\"side\": \"both\"", "\"side\": \"left\"");
	int n = 0;
	assert_int_equal(nf_case_check(kb, two, "x.json", collect, &n), 2);
	assert_int_equal(n, 2);
	free(one);
	free(two);
}

/* collect_text: every message, one a line, for a check that counts one fault once. */
static void collect_text(void *ctx, const char *msg)
{
	char *all = ctx;
	size_t n = strlen(all);
	snprintf(all + n, 4096 - n, "%s\n", msg);
}

static int count(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* The expected condition twice in acceptable: "repeats expected.condition" once, and the repeat
 * once, not the first said again for the second copy. */
static void test_each_fault_once(void **state)
{
	char *bad = replace_once(good, "\"acceptable\": [\"laces\"]", "\"acceptable\": [\"disc\", \"disc\"]");
	char all[4096] = "";
	assert_int_equal(nf_case_check(kb, bad, "x.json", collect_text, all), 2);
	assert_int_equal(count(all, "repeats expected.condition"), 1);
	assert_int_equal(count(all, "an ID repeats"), 1);
	free(bad);
}

/* A byte-order mark before the JSON is read past (as the saved-assessment import does), and the
 * lines of later faults are still right; a \u0000 escape is named in words, not by jansson's
 * flag. */
static void test_bom_and_nul(void **state)
{
	char *bom = malloc(strlen(good) + 4);
	assert_non_null(bom);
	memcpy(bom, "\xEF\xBB\xBF", 3);
	memcpy(bom + 3, good, strlen(good) + 1);
	nf_case *c = NULL;
	nf_error err;
	assert_int_equal(nf_case_load(kb, bom, "bom.json", &c, &err), NF_OK);
	assert_string_equal(nf_case_id(c), "one");
	nf_case_free(c);
	char *late = replace_once(bom, "\"age\": 44.5", "\"age\": -1");
	assert_int_equal(nf_case_load(kb, late, "bom.json", &c, &err), NF_EPARSE);
	if (!strstr(err.msg, "bom.json:7: answers.age: number -1 is negative"))
		fail_msg("message \"%s\"", err.msg);
	expect("\"source\": \"test\"", "\"source\": \"te\\u0000st\"",
	       "one.json:3: (json): a NUL character (\\u0000) is not allowed");
	char *nul = replace_once(good, "\"source\": \"test\"", "\"source\": \"te\\u0000st\"");
	assert_int_equal(nf_case_load(kb, nul, "one.json", &c, &err), NF_EPARSE);
	if (strstr(err.msg, "JSON_ALLOW_NUL"))
		fail_msg("message \"%s\" names a library flag", err.msg);
	free(nul);
	free(late);
	free(bom);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reads_every_type),
		cmocka_unit_test(test_rejects_with_place),
		cmocka_unit_test(test_check_finds_all),
		cmocka_unit_test(test_each_fault_once),
		cmocka_unit_test(test_bom_and_nul),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
