/* Conditions with forms (docs/kb-format.md, "forms"): a condition that is a mixture of two
 * presentations gets a row per form, each with its share of the prior and its own likelihoods
 * where it says so; the engine sums them back into the condition for its probability and ranking
 * and speaks through the likeliest form for the reasons. The test knowledge base of
 * tests/unit/data is edited in memory to give "disc" two forms; the figures are worked by hand. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "kb/kb_impl.h"
#include "kb_fixture.h"
#include "numbfoot/engine.h"

static char *vocab, *kbtext;

#define FORMS                                                                                                  \
	"\"forms\": [{\"id\": \"root\", \"name\": \"A root\", \"share\": {\"p\": 0.6, \"source\": {\"kind\": "    \
	"\"estimate\", \"refs\": [], \"how\": \"a test share, test dossier §3\"}}}, {\"id\": \"cord\", \"name\": " \
	"\"The cord\", \"share\": {\"p\": 0.4, \"source\": {\"kind\": \"estimate\", \"refs\": [], \"how\": \"a "  \
	"test share, test dossier §3\"}}}], "
#define DISC "{\"id\": \"disc\", "
#define SIDE_DISC "\"likelihood\": {\"disc\": {\"p\": {\"one\": 0.9, \"both\": 0.1}"
#define SIDE_CORD                                                                                              \
	"\"likelihood\": {\"disc/cord\": {\"p\": {\"one\": 0.2, \"both\": 0.8}, \"source\": {\"kind\": "           \
	"\"estimate\", \"refs\": [], \"how\": \"the cord gives both sides, test dossier §8\"}}, \"disc\": {\"p\": " \
	"{\"one\": 0.9, \"both\": 0.1}"

/* The test knowledge base with disc's forms and the cord's own side, edited as the fault tests
 * need (from -> to, or none); NULL when an edit does not apply. */
static char *edited(const char *from, const char *to)
{
	char *a = replace_once(kbtext, DISC, DISC FORMS), *b = a ? replace_once(a, SIDE_DISC, SIDE_CORD) : NULL;
	free(a);
	if (!b || !from)
		return b;
	char *c = replace_once(b, from, to);
	free(b);
	return c;
}

static nf_kb *load(void)
{
	char *text = edited(NULL, NULL);
	assert_non_null(text);
	nf_kb *kb = NULL;
	nf_error err;
	if (nf_kb_load(vocab, "v.json", text, "k.json", &kb, &err) != NF_OK)
		fail_msg("%s", err.msg);
	free(text);
	return kb;
}

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

static void test_forms_are_rows_of_their_condition(void **state)
{
	nf_kb *kb = load();
	int disc = nf_kb_condition_index(kb, "disc");
	/* Still four conditions outside; five rows inside, the fifth the cord. */
	assert_int_equal(nf_kb_conditions(kb), 4);
	assert_int_equal(kb->ncond, 5);
	assert_int_equal(kb->cond[4].parent, disc);
	assert_string_equal(kb->cond[4].form, "cord");
	assert_string_equal(kb->cond[disc].form, "root");
	assert_float_equal(kb->cond[disc].prior, 0.3 * 0.6, 1e-12);
	assert_float_equal(kb->cond[4].prior, 0.3 * 0.4, 1e-12);
	assert_float_equal(nf_kb_condition_prior(kb, (size_t)disc, NULL), 0.3, 1e-12);
	/* The cord's rules and plan are the condition's. */
	assert_int_equal(kb->cond[4].nrules, kb->cond[disc].nrules);
	assert_int_equal(kb->cond[4].nplan, kb->cond[disc].nplan);
	nf_kb_free(kb);
}

/* Both feet: the root keeps disc's 0.1, the cord has 0.8; each mixed 95:5 with the default 0.3.
 * Unnormalised: laces 0.6 x 0.3 = 0.18; root 0.18 x 0.11 = 0.0198; cord 0.12 x 0.775 = 0.093;
 * clot 0.05 x 0.3 = 0.015; other 0.015; total 0.3228. Disc = 0.1128 / 0.3228 = 0.349442. */
static void test_probability_sums_the_forms(void **state)
{
	nf_kb *kb = load();
	nf_engine *e;
	assert_int_equal(nf_engine_new(kb, NF_MODE_RUNNER, &e, NULL), NF_OK);
	nf_value both = {.index = 1};
	assert_int_equal(nf_engine_answer(e, (size_t)nf_kb_finding_index(kb, "side"), &both, NULL), NF_OK);
	size_t disc = (size_t)nf_kb_condition_index(kb, "disc");
	assert_float_equal(nf_engine_probability(e, disc), 0.1128 / 0.3228, 1e-9);
	double total = 0;
	for (size_t c = 0; c < nf_kb_conditions(kb); c++)
		total += nf_engine_probability(e, c);
	assert_float_equal(total, 1, 1e-12);
	assert_float_equal(nf_engine_probability(e, 4), 0, 0); /* a form is no condition of its own */
	size_t order[8];
	assert_int_equal(nf_engine_ranking(e, order, 8), 4);
	assert_int_equal(order[0], (size_t)nf_kb_condition_index(kb, "laces"));
	assert_int_equal(order[1], disc);
	/* The reason is the cord's: log(0.775 / P(both | not disc)), the others mixed by prior:
	 * (0.6 x 0.3 + 0.05 x 0.3 + 0.05 x 0.3) / 0.7 = 0.3. */
	nf_reason r[4];
	assert_int_equal(nf_engine_reasons(e, disc, r, 4), 1);
	assert_float_equal(r[0].weight, log(0.775 / 0.3), 1e-9);
	nf_engine_free(e);
	nf_kb_free(kb);
}

/* The compiled image holds the forms as the text does. */
static void test_image_keeps_forms(void **state)
{
	nf_kb *kb = load(), *img = NULL;
	void *bytes;
	size_t size;
	assert_int_equal(kb_image_write(kb, &bytes, &size, NULL), NF_OK);
	assert_int_equal(nf_kb_load_image(bytes, size, &img, NULL), NF_OK);
	assert_int_equal(nf_kb_conditions(img), 4);
	assert_int_equal(img->ncond, 5);
	assert_string_equal(img->cond[4].form_name, "The cord");
	assert_float_equal(img->cond[4].share, 0.4, 0);
	nf_kb_free(img);
	free(bytes);
	nf_kb_free(kb);
}

static void expect_fault(const char *from, const char *to, const char *want)
{
	char *bad = edited(from, to);
	if (!bad)
		fail_msg("the edit %s does not apply", from);
	nf_kb *kb = (nf_kb *)1;
	nf_error err;
	if (nf_kb_load(vocab, "v.json", bad, "k.json", &kb, &err) != NF_EPARSE)
		fail_msg("%s -> %s loads", from, to);
	assert_null(kb);
	if (!strstr(err.msg, want))
		fail_msg("message \"%s\" lacks \"%s\"", err.msg, want);
	free(bad);
}

static void test_form_faults(void **state)
{
	expect_fault("\"share\": {\"p\": 0.4", "\"share\": {\"p\": 0.5", "conditions[1].forms: the forms' shares sum to 1.1");
	expect_fault("\"id\": \"cord\"", "\"id\": \"root\"", "conditions[1].forms[1]: form \"root\" appears twice");
	expect_fault("\"id\": \"cord\"", "\"id\": \"Cord\"", "conditions[1].forms[1]: form id \"Cord\" is not");
	expect_fault("\"disc/cord\"", "\"disc/spine\"", "likelihood.disc/spine: unknown condition or form");
	expect_fault("\"name\": \"The cord\", ", "", "conditions[1].forms[1]: missing \"name\"");
	expect_fault("\"forms\": [{", "\"forms\": [3, {", "conditions[1].forms[0]: not an object");
	expect_fault("\"name\": \"A root\",", "\"name\": \"A root\", \"colour\": 1,", "conditions[1].forms[0].colour: unknown key");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_forms_are_rows_of_their_condition),
	    cmocka_unit_test(test_probability_sums_the_forms),
	    cmocka_unit_test(test_image_keeps_forms),
	    cmocka_unit_test(test_form_faults),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
