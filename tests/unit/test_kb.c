/* Knowledge-base loading: a valid file loads; each kind of fault is refused with its place. */
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
	double lo = -1, hi = -1;
	size_t age = (size_t)nf_kb_finding_index(kb, "age");
	assert_true(nf_kb_finding_range(kb, age, &lo, &hi));
	assert_float_equal(lo, 0, 0);
	assert_float_equal(hi, 120, 0);
	assert_false(nf_kb_finding_range(kb, (size_t)nf_kb_finding_index(kb, "weak"), &lo, &hi));
	assert_true(nf_kb_finding_in_range(kb, age, 120));
	assert_false(nf_kb_finding_in_range(kb, age, 120.5));
	assert_false(nf_kb_finding_in_range(kb, age, NAN));
	/* The engine refuses what the range refuses, whoever reads the answer. */
	nf_engine *e;
	assert_int_equal(nf_engine_new(kb, NF_MODE_RUNNER, &e, &err), NF_OK);
	nf_value v = {.x = 1e308};
	assert_int_equal(nf_engine_answer(e, age, &v, &err), NF_EINVAL);
	assert_non_null(strstr(err.msg, "age: 1e+308 is not a number from 0 to 120"));
	v.x = 120;
	assert_int_equal(nf_engine_answer(e, age, &v, &err), NF_OK);
	nf_engine_free(e);
	const char *src;
	assert_float_equal(nf_kb_condition_prior(kb, 0, &src), 0.6, 1e-12);
	assert_string_equal(src, "Ref A; measured: 60% of test cases were laces (n = 50)");
	double weeks;
	nf_kb_condition_plan_step(kb, 3, 0, &weeks, &src);
	assert_string_equal(src, "Ref A; estimate: 4 weeks before seeing a doctor is judged, test dossier §6");
	nf_kb_free(kb);
}

/* Loads kbtext with one edit and expects a fault whose message contains want. */
/* base with from replaced by to must fail to load with a message holding want. */
static void expect_fault_in(const char *base, const char *from, const char *to, const char *want)
{
	char *bad = replace_once(base, from, to);
	if (!bad)
		fail_msg("the edit %s does not apply", from);
	nf_kb *kb = (nf_kb *)1;
	nf_error err;
	assert_int_equal(nf_kb_load(vocab, "v.json", bad, "k.json", &kb, &err), NF_EPARSE);
	assert_null(kb);
	if (!strstr(err.msg, want))
		fail_msg("message \"%s\" lacks \"%s\"", err.msg, want);
	free(bad);
}

static void expect_fault(const char *from, const char *to, const char *want)
{
	expect_fault_in(kbtext, from, to, want);
}

static void test_faults_are_placed(void **state)
{
	/* Each edit breaks one rule; the message names file, line and key. */
	expect_fault("\"laces\": {\"p\": 0.8,", "\"laces\": {\"p\": 1.8,",
		     "k.json:34: findings[0].likelihood.laces.p: probability 1.8");
	expect_fault("\"laces\": {\"p\": 0.8", "\"lace\": {\"p\": 0.8", "findings[0].likelihood.lace: unknown condition");
	expect_fault("[0.1, 0.3, 0.6]", "[0.1, 0.3, 0.5]", "findings[1].likelihood.clot.p: probabilities sum to 0.9");
	expect_fault("\"bins\": [40, 60]", "\"bins\": [60, 40]", "findings[1].bins[1]: bin edges must be numbers in ascending");
	/* A number's range: required, two finite numbers upwards from 0, holding every bin edge. */
	expect_fault("\"bins\": [40, 60], \"range\": [0, 120],", "\"bins\": [40, 60],",
		     "findings[1]: a number finding needs \"range\"");
	expect_fault("\"range\": [0, 120]", "\"range\": [0]", "findings[1].range: needs [lowest, highest]");
	expect_fault("\"range\": [0, 120]", "\"range\": [-1, 120]", "findings[1].range: needs 0 <= lowest < highest");
	expect_fault("\"range\": [0, 120]", "\"range\": [120, 120]", "findings[1].range: needs 0 <= lowest < highest");
	expect_fault("\"range\": [0, 120]", "\"range\": [0, \"120\"]", "findings[1].range: needs [lowest, highest]: two numbers");
	expect_fault("\"range\": [0, 120]", "\"range\": [0, 50]", "findings[1].bins[1]: bin edge 60 is outside the range 0 to 50");
	expect_fault("\"range\": [0, 120]", "\"range\": [40, 120]", "findings[1].bins[0]: bin edge 40 is outside the range 40 to 120");
	expect_fault("{\"id\": \"weak\", \"question\"", "{\"id\": \"weak\", \"range\": [0, 1], \"question\"",
		     "findings[5]: \"range\" is only for number findings");
	expect_fault("\"findings\": [\"cold_foot\", \"weak\"]", "\"findings\": [\"cold_foot\", \"side\"]",
		     "side is not a bool finding");
	expect_fault("\"triage\": \"self_care\"", "\"triage\": \"whenever\"", "conditions[0].triage: \"whenever\" is not a triage level");
	expect_fault("{\"id\": \"weak\", \"question\"", "{\"id\": \"weak\", \"colour\": 1, \"question\"",
		     "findings[5].colour: unknown key");
	expect_fault("\"help\": \"Loosen and wait.\",", "\"help\": \"Loosen and wait.\", \"help\": \"x\",",
		     "k.json:32: (json): duplicate object key");
	expect_fault("{\"id\": \"exam_sign\"", "{\"id\": \"exam_sing\"", "\"exam_sing\" is not a finding of the vocabulary");
	expect_fault("\"question\": \"Is the leg weak?\",", "", "findings[5]: missing \"question\"");
	expect_fault("\"question\": \"Is the leg weak?\",", "\"question\": \"Is the leg weak?\", \"always\": 1,",
		     "findings[5].always: \"always\" needs true or false");
	/* not_asked_when: answers that already say a finding, in the shape of a rule's unless. */
	expect_fault("\"question\": \"Is the leg weak?\",", "\"question\": \"Is the leg weak?\", \"not_asked_when\": {\"nope\": true},",
		     "findings[5].not_asked_when.nope: unknown finding");
	expect_fault("\"question\": \"Is the leg weak?\",", "\"question\": \"Is the leg weak?\", \"not_asked_when\": [{\"weak\": true}],",
		     "findings[5].not_asked_when: names the finding itself");
	expect_fault("\"question\": \"Is the leg weak?\",", "\"question\": \"Is the leg weak?\", \"not_asked_when\": [],",
		     "findings[5].not_asked_when: needs at least one object");
	expect_fault("\"version\": 1,", "\"version\": 1,,", "k.json:2: (json)");
	/* The advice's keys: a rule's see and unless, a step's when, a safety net, rules for every cause,
	 * a red flag's step. */
	expect_fault("\"to\": \"routine\", \"source\": {\"kind\": \"estimate\", \"refs\": [], \"how\": \"test rule",
		     "\"to\": \"routine\", \"see\": [\"barber\"], \"source\": {\"kind\": \"estimate\", \"refs\": [], \"how\": \"test rule",
		     "conditions[0].escalate[0].see[0]: not one of the professionals");
	expect_fault("\"if\": {\"age\": {\">=\": 60}}", "\"if\": {\"age\": {\">=\": 60}}, \"unless\": {\"nope\": true}",
		     "conditions[0].escalate[0].unless.nope: unknown finding");
	expect_fault("\"if\": {\"age\": {\">=\": 60}}",
		     "\"if\": {\"age\": {\">=\": 60}}, \"unless\": [{\"relief\": true}, {\"nope\": true}]",
		     "conditions[0].escalate[0].unless[1].nope: unknown finding");
	expect_fault("\"if\": {\"age\": {\">=\": 60}}", "\"if\": {\"age\": {\">=\": 60}}, \"unless\": []",
		     "conditions[0].escalate[0].unless: needs at least one object");
	expect_fault("\"if\": {\"age\": {\">=\": 60}}",
		     "\"if\": {\"age\": {\">=\": 60}}, \"unless\": [{\"relief\": true, \"weak\": true}, "
		     "{\"side\": \"one\", \"cold_foot\": true}, {\"relief\": false, \"weak\": false}, "
		     "{\"age\": {\"<\": 20}}]",
		     "conditions[0].escalate[0].unless[3].age: more than 6 terms");
	expect_fault("\"if\": {\"age\": {\">=\": 60}}", "\"if\": {\"age\": {\">=\": 60}}, \"unless\": [3]",
		     "conditions[0].escalate[0].unless[0]: needs an object");
	/* An array "if" lists alternatives; each is read and placed like an object "if". */
	expect_fault("\"if\": {\"age\": {\">=\": 60}}", "\"if\": [{\"age\": {\">=\": 60}}, {\"nope\": true}]",
		     "conditions[0].escalate[0].if[1].nope: unknown finding");
	expect_fault("\"if\": {\"age\": {\">=\": 60}}", "\"if\": []",
		     "conditions[0].escalate[0].if: needs at least one object");
	expect_fault("\"if\": {\"age\": {\">=\": 60}}", "\"if\": [{\"age\": {\">=\": 60}}, 3]",
		     "conditions[0].escalate[0].if[1]: needs an object");
	expect_fault("\"if\": {\"age\": {\">=\": 60}}",
		     "\"if\": [{\"weak\": true}, {\"relief\": true}, {\"relief\": false}, {\"cold_foot\": true}, "
		     "{\"cold_foot\": false}, {\"side\": \"one\"}, {\"side\": \"both\"}, {\"age\": {\"<\": 20}}, "
		     "{\"age\": {\"<\": 30}}, {\"age\": {\"<\": 40}}, {\"age\": {\"<\": 50}}, {\"age\": {\"<\": 55}}, "
		     "{\"age\": {\"<\": 58}}, {\"age\": {\"<\": 59}}, {\"age\": {\"<\": 61}}, {\"age\": {\"<\": 62}}, "
		     "{\"age\": {\"<\": 63}}, {\"age\": {\"<\": 64}}, {\"age\": {\"<\": 65}}, {\"age\": {\"<\": 66}}, "
		     "{\"age\": {\"<\": 67}}, {\"age\": {\"<\": 68}}, {\"age\": {\"<\": 69}}, {\"age\": {\"<\": 71}}, "
		     "{\"age\": {\"<\": 72}}]",
		     "conditions[0].escalate[0]: more than 24 rules");
	expect_fault("{\"step\": \"Loosen the laces.\", \"weeks\": 2,",
		     "{\"step\": \"Loosen the laces.\", \"when\": {\"side\": \"three\"}, \"weeks\": 2,",
		     "conditions[0].plan[0].when.side: not a value of side");
	expect_fault("{\"step\": \"Loosen the laces.\", \"weeks\": 2,",
		     "{\"step\": \"Loosen the laces.\", \"unless\": [{\"side\": \"one\"}, {\"nope\": true}], \"weeks\": 2,",
		     "conditions[0].plan[0].unless[1].nope: unknown finding");
	expect_fault("\"says\": \"A cold white foot needs care now.\",", "\"says\": \"A cold white foot needs care now.\", \"today\": true,",
		     "triage.red_flags[0].today: \"today\" needs true or false, on an urgent red flag");
	expect_fault("\"says\": \"A cold white foot needs care now.\",",
		     "\"says\": \"A cold white foot needs care now.\", \"answered_by\": [{\"relief\": true}, {\"nope\": 1}],",
		     "triage.red_flags[0].answered_by[1].nope: unknown finding");
	expect_fault("{\"step\": \"Loosen the laces.\", \"weeks\": 2,",
		     "{\"step\": \"Loosen the laces.\", \"weeks\": 2, \"refer\": \"yes\",",
		     "conditions[0].plan[0].refer: \"refer\" needs true or false");
	expect_fault("\"see\": [\"podiatrist\"],", "\"see\": [\"podiatrist\"], \"safety_net\": {\"step\": \"Watch.\"},",
		     "conditions[0].safety_net: missing \"source\"");
	expect_fault("\"see\": [\"podiatrist\"],",
		     "\"see\": [\"podiatrist\"], \"safety_net\": {\"step\": \"Watch.\", \"unless\": [{\"nope\": true}], \"source\": "
		     "{\"kind\": \"estimate\", \"refs\": [], \"how\": \"test, test dossier §1\"}},",
		     "conditions[0].safety_net.unless[0].nope: unknown finding");
	expect_fault("\"see\": [\"podiatrist\"],", "\"see\": [\"podiatrist\"], \"safety_net\": [],",
		     "conditions[0].safety_net: \"safety_net\" needs 1 to 3 parts");
	expect_fault("\"see\": [\"podiatrist\"],",
		     "\"see\": [\"podiatrist\"], \"safety_net\": [{\"step\": \"Watch.\", \"level\": \"soon\", \"source\": "
		     "{\"kind\": \"estimate\", \"refs\": [], \"how\": \"test, test dossier §1\"}}],",
		     "conditions[0].safety_net[0].level: \"soon\" is not a triage level");
	expect_fault("\"red_flags\": [", "\"escalate\": {}, \"red_flags\": [", "triage.escalate: not an array of rules");
	/* "for" names the cause a rule for every cause guards against: a known one, and only there. */
	expect_fault("\"red_flags\": [",
		     "\"escalate\": [{\"if\": {\"weak\": true}, \"to\": \"routine\", \"for\": \"nope\", \"source\": "
		     "{\"kind\": \"estimate\", \"refs\": [], \"how\": \"test, test dossier §1\"}}], \"red_flags\": [",
		     "triage.escalate[0]: \"for\": \"nope\" is not a condition");
	expect_fault("\"to\": \"routine\", \"source\": {\"kind\": \"estimate\", \"refs\": [], \"how\": \"test rule",
		     "\"to\": \"routine\", \"for\": \"disc\", \"source\": {\"kind\": \"estimate\", \"refs\": [], \"how\": \"test rule",
		     "conditions[0].escalate[0]: \"for\" names a cause only in a rule for every cause");
	expect_fault("\"says\": \"A cold white foot needs care now.\",",
		     "\"says\": \"A cold white foot needs care now.\", \"step\": 3,",
		     "triage.red_flags[0].step: not a non-empty string");
}

/* The structured sources: each rule of docs/kb-format.md "Sources" refused with its place. */
static void test_source_faults(void **state)
{
	/* A measured value must be the source's figure, as written or as a percentage. */
	expect_fault("\"laces\": {\"p\": 0.8,", "\"laces\": {\"p\": 0.7,",
		     "k.json:34: findings[0].likelihood.laces.source.figure: a measured value (0.7) does not appear in its "
		     "figure");
	expect_fault("\"figure\": \"60% of test cases", "\"figure\": \"61% of test cases",
		     "k.json:17: conditions[0].prior.source.figure: a measured value (0.6)");
	/* Every bin of a measured distribution, and every listed value of a set, must appear. */
	expect_fault("30% 40-59", "35% 40-59", "findings[1].default.source.figure: a measured value (0.3)");
	expect_fault("\"figure\": \"90% of laces cases named", "\"figure\": \"all laces cases named",
		     "findings[3].likelihood.laces.source.figure: a measured value (0.9)");
	/* A measured plan step states its weeks; a measured rule its number threshold. */
	expect_fault("tried for 2 weeks", "tried for a fortnight", "conditions[0].plan[0].source.figure: a measured value (2)");
	expect_fault("{\"kind\": \"estimate\", \"refs\": [], \"how\": \"test rule on an age threshold, test dossier §3\"}",
		     "{\"kind\": \"measured\", \"refs\": [\"Ref A\"], \"figure\": \"over 50\"}",
		     "k.json:18: conditions[0].escalate[0].source.figure: a measured value (60)");
	/* Kind, reasoning, section and references. */
	expect_fault("{\"kind\": \"measured\", \"refs\": [\"Ref A\"], \"figure\": \"80%",
		     "{\"kind\": \"observed\", \"refs\": [\"Ref A\"], \"figure\": \"80%",
		     "findings[0].likelihood.laces.source.kind: \"observed\" is not a kind");
	expect_fault(", \"how\": \"1 of 20 test clot cases felt relief, 1 / 20 = 0.05\"", "",
		     "findings[0].likelihood.clot.source: a derived source needs \"how\": the arithmetic");
	expect_fault("a rare emergency given a small prior, test dossier §5", "short §5",
		     "conditions[2].prior.source.how: an estimate needs its reasoning");
	expect_fault("a rare emergency given a small prior, test dossier §5", "a rare emergency given a small prior",
		     "k.json:25: conditions[2].prior.source.how: an estimate names the dossier section");
	expect_fault("\"refs\": [\"Ref B\"], \"how\": \"40% of test cases", "\"refs\": [\"Ref C\"], \"how\": \"40% of test cases",
		     "k.json:21: conditions[1].prior.source.refs[0]: \"Ref C\" is not a reference key");
	expect_fault("\"refs\": [\"Ref B\"], \"how\": \"40% of test cases", "\"refs\": [], \"how\": \"40% of test cases",
		     "conditions[1].prior.source.refs: a derived number needs the references it rests on");
	expect_fault("\"refs\": [\"Ref A\"], \"figure\": \"60% of test cases were laces (n = 50)\"",
		     "\"refs\": [\"Ref A\"], \"how\": \"60% of test cases were laces (n = 50)\"",
		     "conditions[0].prior.source: a measured source needs \"figure\"");
	expect_fault("{\"kind\": \"estimate\", \"refs\": [\"Ref A\"], \"how\": \"a rare emergency",
		     "{\"kind\": \"estimate\", \"refs\": [\"Ref A\"], \"figure\": \"5%\", \"how\": \"a rare emergency",
		     "conditions[2].prior.source.figure: \"figure\" is for measured sources");
	expect_fault("{\"kind\": \"estimate\", \"refs\": [], \"how\": \"the leak class for causes outside the list, test dossier §6\"}",
		     "\"estimate: the leak class for causes outside the list, test dossier §6\"",
		     "conditions[3].prior.source: a source is an object");
	expect_fault("{\"kind\": \"estimate\", \"refs\": [], \"how\": \"test threshold for urgent",
		     "{\"kind\": \"estimate\", \"refs\": [], \"why\": \"x\", \"how\": \"test threshold for urgent",
		     "k.json:7: triage.thresholds.urgent.source.why: unknown key");
}

/* Loads kbtext with one edit and expects it to be valid. */
static void expect_valid(const char *from, const char *to)
{
	char *ok = replace_once(kbtext, from, to);
	assert_non_null(ok);
	nf_kb *kb = NULL;
	nf_error err;
	if (nf_kb_load(vocab, "v.json", ok, "k.json", &kb, &err) != NF_OK)
		fail_msg("refused: %s", err.msg);
	nf_kb_free(kb);
	free(ok);
}

static void test_measured_figures_that_match(void **state)
{
	/* As written instead of as a percentage, and within half a point of rounding. */
	expect_valid("60% of test cases were laces", "0.6 of test cases were laces");
	expect_valid("60% of test cases were laces", "60.4% of test cases were laces");
	/* A two-valued distribution is stated by either value (0.7 is the complement of 30%). */
	expect_valid("30% of test cases in both feet", "70% of test cases in one foot");
	/* A percentage range carries its sign back to its first number. */
	expect_valid("60% of test cases were laces", "60-70% of test cases were laces");
	/* Numbers inside names are not figures: "L60" does not state 60. */
	char *bad = replace_once(kbtext, "60% of test cases were laces", "the L60 cases");
	nf_kb *kb;
	nf_error err;
	assert_int_equal(nf_kb_load(vocab, "v.json", bad, "k.json", &kb, &err), NF_EPARSE);
	free(bad);
}

static void test_evidence(void **state)
{
	nf_kb *kb;
	nf_error err;
	assert_int_equal(nf_kb_load(vocab, "v.json", kbtext, "k.json", &kb, &err), NF_OK);
	size_t relief = (size_t)nf_kb_finding_index(kb, "relief"), where = (size_t)nf_kb_finding_index(kb, "where");
	size_t age = (size_t)nf_kb_finding_index(kb, "age");
	int laces = nf_kb_condition_index(kb, "laces"), disc = nf_kb_condition_index(kb, "disc");
	int clot = nf_kb_condition_index(kb, "clot"), other = nf_kb_condition_index(kb, "other");
	assert_int_equal(nf_kb_finding_evidence(kb, relief, (size_t)laces), NF_EV_MEASURED);
	assert_int_equal(nf_kb_finding_evidence(kb, relief, (size_t)clot), NF_EV_DERIVED);
	assert_int_equal(nf_kb_finding_evidence(kb, relief, (size_t)other), NF_EV_ESTIMATE);
	/* No entry of its own: the default's kind (measured for age). */
	assert_int_equal(nf_kb_finding_evidence(kb, age, (size_t)laces), NF_EV_MEASURED);
	/* A set entry naming only "top" leaves sole and toes to the estimated default: the weaker. */
	assert_int_equal(nf_kb_finding_evidence(kb, where, (size_t)laces), NF_EV_ESTIMATE);
	assert_string_equal(nf_evidence_id(NF_EV_DERIVED), "derived");
	assert_int_equal(nf_evidence_from_id("measured"), NF_EV_MEASURED);
	assert_int_equal(nf_evidence_from_id("guess"), -1);

	/* Counted by hand from tests/unit/data/kb.json: 3 thresholds, 4 priors, 7 defaults and 10
	 * likelihoods; measured: the laces prior, 2 defaults (age, side) and 4 likelihoods; derived:
	 * the disc prior and relief under clot. */
	nf_kb_evidence_counts all, lk, c;
	nf_kb_evidence_stats(kb, &all, &lk);
	assert_int_equal(all.parameters, 24);
	assert_int_equal(all.kind[NF_EV_MEASURED], 7);
	assert_int_equal(all.kind[NF_EV_DERIVED], 2);
	assert_int_equal(all.kind[NF_EV_ESTIMATE], 15);
	assert_int_equal(lk.parameters, 10);
	assert_int_equal(lk.kind[NF_EV_MEASURED], 4);
	assert_int_equal(lk.kind[NF_EV_DERIVED], 1);
	nf_kb_condition_evidence(kb, (size_t)disc, &c);
	/* disc: derived prior; relief, side, where, weak, exam_sign (measured) likelihoods. */
	assert_int_equal(c.parameters, 6);
	assert_int_equal(c.kind[NF_EV_DERIVED], 1);
	assert_int_equal(c.kind[NF_EV_MEASURED], 1);
	assert_int_equal(c.kind[NF_EV_ESTIMATE], 4);
	nf_kb_free(kb);
}

static void collect(void *ctx, const char *msg)
{
	(*(int *)ctx)++;
	(void)msg;
}

static void test_check_reports_every_fault(void **state)
{
	char *one = replace_once(kbtext, "\"laces\": {\"p\": 0.8,", "\"laces\": {\"p\": 1.8,");
	char *two = replace_once(one, "\"disc\": {\"p\": 0.1, \"source\": {\"kind\": \"estimate\", \"refs\": [\"Ref B\"]",
				 "\"disc\": {\"p\": -1, \"source\": {\"kind\": \"estimate\", \"refs\": [\"Ref Z\"]");
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

/* Conditions with forms (docs/kb-format.md, "forms"): a condition that is a mixture of two
 * presentations gets a row per form, each with its share of the prior and its own likelihoods
 * where it says so; the engine sums them back into the condition for its probability and ranking
 * and speaks through the likeliest form for the reasons. The test knowledge base is edited in
 * memory to give "disc" two forms; the figures are worked by hand. */
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

/* The test knowledge base with disc's forms and the cord's own side; the caller frees it. */
static char *forms_text(void)
{
	char *a = replace_once(kbtext, DISC, DISC FORMS), *b = a ? replace_once(a, SIDE_DISC, SIDE_CORD) : NULL;
	free(a);
	return b;
}

static nf_kb *forms_load(void)
{
	char *text = forms_text();
	assert_non_null(text);
	nf_kb *kb = NULL;
	nf_error err;
	if (nf_kb_load(vocab, "v.json", text, "k.json", &kb, &err) != NF_OK)
		fail_msg("%s", err.msg);
	free(text);
	return kb;
}

static void test_forms_are_rows_of_their_condition(void **state)
{
	nf_kb *kb = forms_load();
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
	nf_kb *kb = forms_load();
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

/* An array "if" is a list of alternatives: each raises the level alone, with the rule's advice. */
static void test_rule_alternatives(void **state)
{
	char *text = replace_once(kbtext, "\"if\": {\"weak\": true, \"side\": \"both\"}",
				  "\"if\": [{\"weak\": true, \"side\": \"both\"}, {\"age\": {\">=\": 70}}]");
	assert_non_null(text);
	nf_kb *kb;
	nf_error err;
	assert_int_equal(nf_kb_load(vocab, "v.json", text, "k.json", &kb, &err), NF_OK);
	size_t disc = (size_t)nf_kb_condition_index(kb, "disc");
	assert_int_equal(nf_kb_rules(kb, disc), 2);
	const char *s0, *s1;
	assert_int_equal(nf_kb_rule(kb, disc, 0, NULL, &s0), NF_URGENT);
	assert_int_equal(nf_kb_rule(kb, disc, 1, NULL, &s1), NF_URGENT);
	assert_string_equal(s0, s1);
	size_t age = (size_t)nf_kb_finding_index(kb, "age");
	const double ages[] = {65, 70};
	const nf_triage want[] = {NF_ROUTINE, NF_URGENT};
	for (int i = 0; i < 2; i++) {
		nf_engine *e;
		assert_int_equal(nf_engine_new(kb, NF_MODE_RUNNER, &e, NULL), NF_OK);
		nf_value v = {.x = ages[i]};
		assert_int_equal(nf_engine_answer(e, age, &v, NULL), NF_OK);
		assert_int_equal(nf_engine_condition_level(e, disc), want[i]);
		nf_engine_free(e);
	}
	nf_kb_free(kb);
	free(text);
}

/* The compiled image holds the forms as the text does. */
static void test_image_keeps_forms(void **state)
{
	nf_kb *kb = forms_load(), *img = NULL;
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

static void expect_form_fault(const char *from, const char *to, const char *want)
{
	char *base = forms_text();
	assert_non_null(base);
	expect_fault_in(base, from, to, want);
	free(base);
}

static void test_form_faults(void **state)
{
	expect_form_fault("\"share\": {\"p\": 0.4", "\"share\": {\"p\": 0.5", "conditions[1].forms: the forms' shares sum to 1.1");
	expect_form_fault("\"id\": \"cord\"", "\"id\": \"root\"", "conditions[1].forms[1]: form \"root\" appears twice");
	expect_form_fault("\"id\": \"cord\"", "\"id\": \"Cord\"", "conditions[1].forms[1]: form id \"Cord\" is not");
	expect_form_fault("\"disc/cord\"", "\"disc/spine\"", "likelihood.disc/spine: unknown condition or form");
	expect_form_fault("\"name\": \"The cord\", ", "", "conditions[1].forms[1]: missing \"name\"");
	expect_form_fault("\"forms\": [{", "\"forms\": [3, {", "conditions[1].forms[0]: not an object");
	expect_form_fault("\"name\": \"A root\",", "\"name\": \"A root\", \"colour\": 1,", "conditions[1].forms[0].colour: unknown key");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_loads),
		cmocka_unit_test(test_faults_are_placed),
		cmocka_unit_test(test_source_faults),
		cmocka_unit_test(test_measured_figures_that_match),
		cmocka_unit_test(test_evidence),
		cmocka_unit_test(test_check_reports_every_fault),
		cmocka_unit_test(test_missing_condition_and_file),
		cmocka_unit_test(test_forms_are_rows_of_their_condition),
		cmocka_unit_test(test_probability_sums_the_forms),
		cmocka_unit_test(test_rule_alternatives),
		cmocka_unit_test(test_image_keeps_forms),
		cmocka_unit_test(test_form_faults),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
