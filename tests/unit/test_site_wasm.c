/* numbfoot.wasm's exports (site/wasm.c), built natively: each returns what site/wasm.h promises,
 * refuses a bad request with a message naming the key, and (under the sanitizers, make san-check)
 * leaks nothing over many calls. The module's gzipped blobs are the page's business; here the
 * knowledge base is read from kb/. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>

#include "kb_fixture.h"
#include "numbfoot/case.h"
#include "numbfoot/engine.h"
#include "site/wasm.h"

const unsigned char site_kb_gz[1], site_vocab_gz[1];
const size_t site_kb_gz_size = 0, site_vocab_gz_size = 0;

/* Parses and frees a text an export returned. */
static json_t *take(char *text)
{
	assert_non_null(text);
	json_t *o = json_loads(text, 0, NULL);
	site_free(text);
	assert_non_null(o);
	return o;
}

static void assert_error(char *text, const char *starts)
{
	json_t *o = take(text);
	const char *msg = json_string_value(json_object_get(o, "error"));
	assert_non_null(msg);
	if (strncmp(msg, starts, strlen(starts)))
		fail_msg("error '%s' does not start with '%s'", msg, starts);
	json_decref(o);
}

static void not_loaded_is_an_error(void **state)
{
	assert_error(site_questions(), "the knowledge base is not loaded");
	assert_error(site_next("{}"), "the knowledge base is not loaded");
}

static void loads_once(void **state)
{
	char *vocab = fixture_text("kb/vocabulary.json"), *kb = fixture_text("kb/numbfoot.json");
	assert_non_null(vocab);
	assert_non_null(kb);
	/* A broken text is refused with the loader's message, and leaves nothing loaded. */
	assert_error(site_init(vocab, "{"), "kb/numbfoot.json:");
	assert_error(site_questions(), "the knowledge base is not loaded");
	assert_null(site_init(vocab, kb));
	assert_null(site_init(vocab, "{")); /* loaded already: nothing changes */
	free(vocab);
	free(kb);
	assert_ptr_not_equal(site_kb_blob(), NULL);
	assert_int_equal(site_kb_blob_size(), 0);
}

static void questions_name_every_finding(void **state)
{
	json_t *q = take(site_questions());
	json_t *fs = json_object_get(q, "findings"), *ks = json_object_get(q, "checklists");
	assert_true(json_array_size(fs) > 50);
	assert_true(json_array_size(ks) >= 2);
	assert_true(json_is_true(json_object_get(json_array_get(ks, 0), "red_flags")));
	assert_string_equal(json_string_value(json_object_get(json_object_get(q, "see"), "gp")),
			    "a GP (family doctor)");
	assert_non_null(json_object_get(json_object_get(q, "triage"), "emergency"));
	/* A number carries its range, which the page checks; other types carry null. */
	size_t i;
	json_t *f;
	bool age = false;
	json_array_foreach(fs, i, f)
	{
		json_t *r = json_object_get(f, "range");
		bool number = !strcmp(json_string_value(json_object_get(f, "type")), "number");
		assert_true(number ? json_array_size(r) == 2 : json_is_null(r));
		if (!strcmp(json_string_value(json_object_get(f, "id")), "age")) {
			age = true;
			assert_true(json_real_value(json_array_get(r, 1)) == 120);
		}
	}
	assert_true(age);
	json_decref(q);
}

static void next_asks_warning_signs_first_and_stops_on_an_emergency(void **state)
{
	json_t *r = take(site_next("{\"mode\": \"runner\", \"answers\": {}, \"screens\": 0}"));
	assert_true(json_is_false(json_object_get(r, "done")));
	assert_true(json_is_false(json_object_get(r, "stop")));
	assert_true(json_is_true(json_object_get(json_object_get(r, "question"), "red_flags")));
	assert_int_equal(json_integer_value(json_object_get(json_object_get(r, "progress"), "screens")), 0);
	json_decref(r);
	const char *red = "{\"answers\": {\"saddle_numbness\": true}, \"screens\": 1}";
	r = take(site_next(red));
	assert_true(json_is_true(json_object_get(r, "done")));
	assert_true(json_is_true(json_object_get(r, "stop")));
	assert_true(json_is_null(json_object_get(r, "question")));
	json_decref(r);
	r = take(site_result(red));
	json_t *t = json_object_get(r, "triage");
	assert_string_equal(json_string_value(json_object_get(t, "level")), "emergency");
	assert_string_equal(json_string_value(json_object_get(json_object_get(t, "red_flag"), "finding")),
			    "saddle_numbness");
	json_decref(r);
}

/* next gives the triage at every step, as /api/assess/next does (web/next_reply.c), in the
 * result's words: the page's banner shows an emergency before the result, whether a warning sign
 * or a rule on the answers so far set it. */
static void next_gives_the_triage_in_the_results_words(void **state)
{
	/* A calf cramp whose numbness has not gone: a rule sets emergency with no warning sign, and
	 * the interview goes on. */
	const char *rule = "{\"answers\": {\"age\": 45, \"sex\": \"male\", \"calf_cramp\": true, "
			   "\"resolves_on_stopping\": false, \"at_rest\": true, \"location\": [\"whole_sole\"], "
			   "\"side\": \"one\"}, \"screens\": 3}";
	const char *sign = "{\"answers\": {\"saddle_numbness\": true}, \"screens\": 1}";
	const char *none = "{\"answers\": {\"saddle_numbness\": false, \"age\": 40}, \"screens\": 2}";
	const char *requests[] = {rule, sign, none};
	for (size_t i = 0; i < 3; i++) {
		json_t *n = take(site_next(requests[i])), *r = take(site_result(requests[i]));
		json_t *t = json_object_get(n, "triage"), *want = json_object_get(r, "triage");
		assert_non_null(t);
		assert_int_equal(json_object_size(t), 5);
		/* The rule's answers, as the result names them: the banner's reason. */
		assert_true(json_equal(json_object_get(t, "rule"), json_object_get(want, "rule")));
		if (i == 0)
			assert_true(json_array_size(json_object_get(t, "rule")) > 0);
		assert_string_equal(json_string_value(json_object_get(t, "level")),
				    json_string_value(json_object_get(want, "level")));
		assert_string_equal(json_string_value(json_object_get(t, "words")),
				    json_string_value(json_object_get(want, "words")));
		assert_true(json_equal(json_object_get(t, "stop"), json_object_get(n, "stop")));
		json_t *flag = json_object_get(t, "red_flag"), *wflag = json_object_get(want, "red_flag");
		if (json_is_null(wflag))
			assert_true(json_is_null(flag));
		else
			for (size_t k = 0; k < 3; k++) {
				const char *key = (const char *[]){"finding", "level", "says"}[k];
				assert_string_equal(json_string_value(json_object_get(flag, key)),
						    json_string_value(json_object_get(wflag, key)));
			}
		const char *words = json_string_value(json_object_get(t, "words"));
		if (i < 2) {
			assert_string_equal(json_string_value(json_object_get(t, "level")), "emergency");
			assert_non_null(strstr(words, "Do not drive yourself."));
		} else {
			assert_string_not_equal(json_string_value(json_object_get(t, "level")), "emergency");
			assert_null(strstr(words, "Do not drive yourself."));
		}
		if (i == 0) { /* the rule's: no sign, no stop, the interview goes on */
			assert_true(json_is_null(flag));
			assert_true(json_is_false(json_object_get(t, "stop")));
			assert_true(json_is_false(json_object_get(n, "done")));
		}
		if (i == 1) {
			assert_string_equal(json_string_value(json_object_get(flag, "finding")), "saddle_numbness");
			assert_true(json_is_true(json_object_get(t, "stop")));
		}
		json_decref(n);
		json_decref(r);
	}
}

static void bad_requests_name_the_key(void **state)
{
	assert_error(site_next("{\"answers\": {\"age\": \"old\"}}"), "answers:1: answers.age:");
	assert_error(site_next("{\"answers\": {\"age\": 1e308}}"), "answers:1: answers.age: number 1e+308 is outside 0 to 120 years");
	assert_error(site_next("{\"answers\": {\"no_such\": true}}"), "answers:1: answers.no_such:");
	assert_error(site_next("{\"mode\": \"vet\"}"), "answers:1: mode:");
	assert_error(site_next("{\"screens\": 26}"), "screens:");
	assert_error(site_next("{\"pad\": 1}"), "request:");
	assert_error(site_next("{\"answers\":"), "request:");
	assert_error(site_result("[]"), "request:");
	assert_error(site_assess("{\"id\": \"x\"}"), "answers:");
	/* A clinician finding needs clinician mode, as in a case file. */
	assert_error(site_result("{\"answers\": {\"exam_ankle_reflex_absent\": true}}"),
		     "answers:1: answers.");
}

/* The result of a case file's text is what the command prints for it (the same engine, the same
 * reader), and the result of the same answers as a request is too, with the screens asked. */
static void assess_and_result_agree_with_the_library(void **state)
{
	char *text = fixture_text("cases/shoe-race-day-laces-man.json");
	assert_non_null(text);
	char *vocab = fixture_text("kb/vocabulary.json"), *kbtext = fixture_text("kb/numbfoot.json");
	nf_kb *kb = NULL;
	nf_case *cs = NULL;
	nf_engine *e = NULL;
	assert_int_equal(nf_kb_load(vocab, "v", kbtext, "k", &kb, NULL), NF_OK);
	assert_int_equal(nf_case_load(kb, text, "c", &cs, NULL), NF_OK);
	assert_int_equal(nf_engine_new(kb, nf_case_mode(cs), &e, NULL), NF_OK);
	assert_int_equal(nf_case_apply(cs, e, NULL), NF_OK);
	json_t *want = take(nf_engine_result_json(e));
	json_t *got = take(site_assess(text));
	assert_true(json_equal(got, want));
	json_decref(got);
	json_t *c = json_loads(text, 0, NULL);
	json_t *request = json_pack("{s:O, s:O, s:i}", "mode", json_object_get(c, "mode"), "answers",
				    json_object_get(c, "answers"), "screens", 7);
	char *rq = json_dumps(request, 0);
	json_decref(request);
	got = take(site_result(rq));
	json_object_set_new(want, "questions", json_integer(7));
	assert_true(json_equal(got, want));
	free(rq);
	json_decref(got);
	json_decref(c);
	json_decref(want);
	nf_engine_free(e);
	nf_case_free(cs);
	nf_kb_free(kb);
	free(vocab);
	free(kbtext);
	free(text);
}

/* The engines are reused: a call after another gives what it gives alone. */
static void calls_do_not_carry_answers_over(void **state)
{
	json_t *first = take(site_next("{\"answers\": {}}"));
	json_t *other =
	    take(site_next("{\"answers\": {\"saddle_numbness\": false, \"age\": 40}, \"screens\": 2}"));
	json_t *again = take(site_next("{\"answers\": {}}"));
	assert_true(json_equal(first, again));
	assert_false(json_equal(first, other));
	json_decref(first);
	json_decref(other);
	json_decref(again);
	char *p = site_alloc(0);
	assert_non_null(p);
	site_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(not_loaded_is_an_error),
	    cmocka_unit_test(loads_once),
	    cmocka_unit_test(questions_name_every_finding),
	    cmocka_unit_test(next_asks_warning_signs_first_and_stops_on_an_emergency),
	    cmocka_unit_test(next_gives_the_triage_in_the_results_words),
	    cmocka_unit_test(bad_requests_name_the_key),
	    cmocka_unit_test(assess_and_result_agree_with_the_library),
	    cmocka_unit_test(calls_do_not_carry_answers_over),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
