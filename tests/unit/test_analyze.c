/* The analysis: each derived finding on journals built to show it, not show it, and with too
 * little data; Fisher's exact test against known values; training facts, advice and JSON. */
#include "test_analyze_util.h"

#include <jansson.h>

#include "analyze/analyze_priv.h"
#include "numbfoot/engine.h"
#include "numbfoot/kb.h"

#define NOW (TA_T0 + 120 * TA_DAY)

static void fisher_known_values(void **state)
{
	(void)state;
	/* R: fisher.test(matrix(c(3,1,1,3),2))$p.value = 0.4857; c(1,9,11,3): 0.002759 */
	assert_true(fabs(an_fisher_exact(3, 1, 1, 3) - 0.485714) < 1e-5);
	assert_true(fabs(an_fisher_exact(1, 9, 11, 3) - 0.002759) < 1e-5);
	assert_true(fabs(an_fisher_exact(0, 0, 0, 0) - 1.0) < 1e-12);
	assert_true(fabs(an_fisher_exact(2, 2, 2, 2) - 1.0) < 1e-9);
	assert_true(an_fisher_exact(12, 0, 0, 12) < 1e-5);
	/* symmetric in rows and columns */
	assert_true(fabs(an_fisher_exact(5, 2, 1, 6) - an_fisher_exact(1, 6, 5, 2)) < 1e-12);
	assert_true(fabs(an_fisher_exact(5, 2, 1, 6) - an_fisher_exact(5, 1, 2, 6)) < 1e-12);
}

/* The rank-sum test with ties: R's wilcox.test(c(1, 2, 2, 5), c(2, 3, 4, 4, 6), exact = FALSE) gives
 * W = 5, p = 0.2602; x tends smaller. */
static void mann_whitney_with_ties(void **state)
{
	(void)state;
	const double x[] = {1, 2, 2, 5}, y[] = {2, 3, 4, 4, 6};
	double z;
	assert_true(fabs(an_mann_whitney(x, 4, y, 5, &z) - 0.2602) < 1e-4);
	assert_true(z < 0);
	assert_true(fabs(an_mann_whitney(y, 5, x, 4, &z) - 0.2602) < 1e-4);
	assert_true(z > 0);
	assert_true(isnan(an_mann_whitney(x, 0, y, 5, &z)));
}

static void empty_journal_derives_nothing(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("empty"));
	nf_analysis *a = ta_analyze(j, NOW);
	assert_int_equal(nf_analysis_findings(a), 0);
	assert_true(ta_needs(a, "No episodes are logged yet"));
	const nf_training *t = nf_analysis_training(a);
	assert_true(isnan(t->cadence_spm));
	size_t n;
	nf_analysis_weeks(a, &n);
	assert_int_equal(n, 0);
	char *json = nf_analysis_json(a);
	assert_non_null(json);
	assert_non_null(strstr(json, "\"findings\": {}"));
	free(json);
	nf_analysis_free(a);
	nf_journal_close(j);
}

static void onset_consistent_and_km(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("onset"));
	double at[] = {7.0, 7.2, 6.9, 7.1, 7.05};
	for (int i = 0; i < 5; i++)
		ta_add(j, &TA_RUN(.day = i * 3, .onset_km = at[i]));
	nf_analysis *a = ta_analyze(j, NOW);
	const nf_derived *d = nf_analysis_find(a, "onset_consistent");
	assert_non_null(d);
	assert_true(d->b);
	assert_int_equal(d->episodes, 5);
	d = nf_analysis_find(a, "onset_km");
	assert_non_null(d);
	assert_true(d->is_number);
	assert_true(fabs(d->x - 7.05) < 0.06);
	nf_analysis_free(a);
	nf_journal_close(j);
}

/* In miles the words change and the values do not: findings stay in km, as the vocabulary has
 * them; paces are per mile and whole seconds carry into the minutes. */
static void words_in_miles(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("miles"));
	double at[] = {8.0, 8.1, 7.9, 8.0};
	for (int i = 0; i < 12; i++) /* numb runs at 4:30/km (7:14/mi), the others at 5:30/km */
		ta_add(j, &TA_RUN(.day = i * 2, .pace = i % 2 ? 269.8 : 330, .onset_km = i % 2 ? at[i / 2 % 4] : 0));
	nf_analysis *a = NULL;
	nf_error err = {0};
	assert_int_equal(nf_analyze_in(j, NOW, NF_UNITS_MI, &a, &err), NF_OK);
	assert_int_equal(nf_analysis_units(a), NF_UNITS_MI);
	const nf_derived *d = nf_analysis_find(a, "onset_km");
	assert_non_null(d);
	assert_true(fabs(d->x - 8.0) < 0.06);
	assert_non_null(strstr(d->evidence, "median onset 5.0 mi into the run"));
	d = nf_analysis_find(a, "onset_consistent");
	assert_non_null(d);
	assert_non_null(strstr(d->evidence, "onset at 5.0 mi on average"));
	d = nf_analysis_find(a, "worse_with_pace");
	assert_non_null(d);
	assert_non_null(strstr(d->evidence, "7:14/mi"));
	assert_null(strstr(d->evidence, "/km"));
	nf_analysis_free(a);
	a = ta_analyze(j, NOW);
	assert_int_equal(nf_analysis_units(a), NF_UNITS_KM);
	assert_non_null(strstr(nf_analysis_find(a, "onset_km")->evidence, "8.0 km"));
	assert_non_null(strstr(nf_analysis_find(a, "worse_with_pace")->evidence, "4:30/km"));
	nf_analysis_free(a);
	nf_journal_close(j);
}

static void onset_scattered(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("scatter"));
	double at[] = {1.0, 9.0, 2.0, 12.0, 1.5};
	for (int i = 0; i < 5; i++)
		ta_add(j, &TA_RUN(.day = i * 3, .km = 14, .onset_km = at[i]));
	nf_analysis *a = ta_analyze(j, NOW);
	const nf_derived *d = nf_analysis_find(a, "onset_consistent");
	assert_non_null(d);
	assert_false(d->b);
	assert_null(nf_analysis_find(a, "onset_km"));
	nf_analysis_free(a);
	nf_journal_close(j);
}

static void onset_too_few(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("onset2"));
	ta_add(j, &TA_RUN(.day = 1, .onset_km = 7));
	ta_add(j, &TA_RUN(.day = 4, .onset_km = 7));
	nf_analysis *a = ta_analyze(j, NOW);
	assert_null(nf_analysis_find(a, "onset_consistent"));
	assert_null(nf_analysis_find(a, "onset_km"));
	assert_true(ta_needs(a, "3 more episodes"));
	nf_analysis_free(a);
	nf_journal_close(j);
}

static void one_pair_implicated(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("shoes"));
	int64_t blue = tj_add_shoes(j, "blue", 0), red = tj_add_shoes(j, "red", 0);
	for (int i = 0; i < 16; i++)
		ta_add(j, &TA_RUN(.day = i * 2, .shoes = i % 2 ? blue : red, .onset_km = i % 2 ? 7 : 0));
	nf_analysis *a = ta_analyze(j, NOW);
	const nf_derived *d = nf_analysis_find(a, "only_some_shoes");
	assert_non_null(d);
	assert_true(d->b);
	assert_non_null(strstr(d->evidence, "8 of 8 runs in 'blue'"));
	assert_non_null(strstr(d->evidence, "Fisher"));
	assert_int_equal(d->runs, 16);
	assert_int_equal(d->episodes, 8);
	assert_true(ta_advice(a, "'blue'"));
	assert_true(ta_advice(a, "toe box"));
	nf_analysis_free(a);
	nf_journal_close(j);
}

static void both_pairs_affected(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("shoes2"));
	int64_t blue = tj_add_shoes(j, "blue", 0), red = tj_add_shoes(j, "red", 0);
	for (int i = 0; i < 16; i++)
		ta_add(j, &TA_RUN(.day = i * 2, .shoes = i % 2 ? blue : red, .onset_km = i % 4 < 2 ? 7 : 0));
	nf_analysis *a = ta_analyze(j, NOW);
	const nf_derived *d = nf_analysis_find(a, "only_some_shoes");
	assert_non_null(d);
	assert_false(d->b);
	assert_false(ta_advice(a, "toe box"));
	nf_analysis_free(a);
	nf_journal_close(j);
}

static void shoes_undecided_says_how_many_runs(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("shoes3"));
	int64_t blue = tj_add_shoes(j, "blue", 0), red = tj_add_shoes(j, "red", 0);
	for (int i = 0; i < 4; i++)
		ta_add(j, &TA_RUN(.day = i, .shoes = blue, .onset_km = 6));
	ta_add(j, &TA_RUN(.day = 5, .shoes = red));
	nf_analysis *a = ta_analyze(j, NOW);
	assert_null(nf_analysis_find(a, "only_some_shoes"));
	assert_true(ta_needs(a, "more runs in the other shoes ('red')") || ta_needs(a, "more run in the other shoes ('red')"));
	nf_analysis_free(a);
	nf_journal_close(j);
}

static void one_pair_only(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("shoes4"));
	int64_t blue = tj_add_shoes(j, "blue", 0);
	for (int i = 0; i < 5; i++)
		ta_add(j, &TA_RUN(.day = i, .shoes = blue, .onset_km = i % 2 ? 6 : 0));
	nf_analysis *a = ta_analyze(j, NOW);
	assert_null(nf_analysis_find(a, "only_some_shoes"));
	assert_true(ta_needs(a, "second pair of shoes"));
	nf_analysis_free(a);
	nf_journal_close(j);
}

static void new_shoes_began_it(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("new"));
	int64_t old = tj_add_shoes(j, "old", 0);
	nf_gear g;
	nf_error err = {0};
	nf_gear_init(&g, NF_GEAR_SHOES);
	snprintf(g.nickname, sizeof g.nickname, "new");
	snprintf(g.first_use, sizeof g.first_use, "2026-02-01");
	assert_int_equal(nf_journal_add_gear(j, &g, &err), NF_OK);
	for (int i = 0; i < 6; i++) /* January, old shoes, no numbness */
		ta_add(j, &TA_RUN(.day = i * 4, .shoes = old));
	ta_add(j, &TA_RUN(.day = 31 + 10, .shoes = g.id, .onset_km = 6)); /* 10 days after Feb 1 */
	nf_analysis *a = ta_analyze(j, NOW);
	const nf_derived *d = nf_analysis_find(a, "new_shoes");
	assert_non_null(d);
	assert_true(d->b);
	assert_non_null(strstr(d->evidence, "10 days after 'new'"));
	nf_analysis_free(a);
	nf_journal_close(j);
}

/* A pair entered with 480 km on it and no first-use date was not new when its first run was
 * logged: no "new shoes" (which would weigh against worn cushioning at 520 km). */
static void worn_on_entry_not_new(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("wornentry"));
	int64_t old = tj_add_shoes(j, "old", 0);
	int64_t worn = tj_add_shoes(j, "worn", 480);
	for (int i = 0; i < 6; i++)
		ta_add(j, &TA_RUN(.day = i * 4, .shoes = old));
	ta_add(j, &TA_RUN(.day = 30, .shoes = worn));
	ta_add(j, &TA_RUN(.day = 34, .shoes = worn, .onset_km = 6));
	nf_analysis *a = ta_analyze(j, NOW);
	assert_null(nf_analysis_find(a, "new_shoes"));
	nf_analysis_free(a);
	nf_journal_close(j);
}

static void old_shoes_not_new(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("notnew"));
	int64_t s = tj_add_shoes(j, "s", 0);
	for (int i = 0; i < 10; i++)
		ta_add(j, &TA_RUN(.day = i * 7, .shoes = s, .onset_km = i == 9 ? 6 : 0));
	nf_analysis *a = ta_analyze(j, NOW);
	const nf_derived *d = nf_analysis_find(a, "new_shoes");
	assert_non_null(d);
	assert_false(d->b);
	nf_analysis_free(a);
	nf_journal_close(j);
}

/* The value and its words agree: a median of 12.5 km is 13 in both (printf alone rounds half to
 * even, "12", beside a value of 13). */
static void shoe_km_words_match_value(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("wear-round"));
	int64_t s = tj_add_shoes(j, "k", 0);
	ta_add(j, &TA_RUN(.day = 1, .km = 5, .shoes = s));
	ta_add(j, &TA_RUN(.day = 2, .km = 7.5, .shoes = s, .onset_km = 3)); /* 12.5 km in the shoes */
	nf_analysis *a = ta_analyze(j, NOW);
	const nf_derived *d = nf_analysis_find(a, "shoe_km");
	assert_non_null(d);
	assert_true(fabs(d->x - 13) < 1e-9);
	assert_non_null(strstr(d->evidence, "a median of 13 km"));
	nf_analysis_free(a);
	nf_journal_close(j);
}

static void shoe_km_and_worn_insoles(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("wear"));
	int64_t s = tj_add_shoes(j, "worn", 790);
	nf_gear ins;
	nf_error err = {0};
	nf_gear_init(&ins, NF_GEAR_INSOLES);
	snprintf(ins.nickname, sizeof ins.nickname, "flat");
	ins.start_km = 400;
	ins.retire_km = 300;
	assert_int_equal(nf_journal_add_gear(j, &ins, &err), NF_OK);
	for (int i = 0; i < 3; i++) {
		nf_journal_run r = tj_run(10, TA_T0 + i * TA_DAY);
		r.shoes_id = s;
		r.insoles_id = ins.id;
		nf_episode e;
		nf_episode_init(&e);
		e.onset_km = 5;
		assert_int_equal(nf_journal_add_run(j, &r, &e, 1, NULL, &err), NF_OK);
	}
	nf_analysis *a = ta_analyze(j, NOW);
	const nf_derived *d = nf_analysis_find(a, "shoe_km");
	assert_non_null(d);
	assert_true(fabs(d->x - 810) < 0.5); /* 800, 810, 820 */
	d = nf_analysis_find(a, "insoles_worn");
	assert_non_null(d);
	assert_true(d->b);
	assert_true(ta_advice(a, "Replace the shoes 'worn'"));
	/* The insoles were worn on every numbness run, as the shoes were: both are counted. */
	size_t ng;
	const nf_an_gear *g = nf_analysis_gear(a, &ng);
	int seen = 0;
	for (size_t i = 0; i < ng; i++) {
		assert_int_equal(g[i].runs_logged, 3);
		assert_int_equal(g[i].episode_runs, 3);
		seen++;
	}
	assert_int_equal(seen, 2);
	nf_analysis_free(a);
	nf_journal_close(j);
}

static void insoles_without_retirement_ask(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("ins"));
	nf_gear ins;
	nf_error err = {0};
	nf_gear_init(&ins, NF_GEAR_INSOLES);
	snprintf(ins.nickname, sizeof ins.nickname, "gel");
	assert_int_equal(nf_journal_add_gear(j, &ins, &err), NF_OK);
	nf_journal_run r = tj_run(10, TA_T0);
	r.insoles_id = ins.id;
	nf_episode e;
	nf_episode_init(&e);
	e.onset_km = 5;
	assert_int_equal(nf_journal_add_run(j, &r, &e, 1, NULL, &err), NF_OK);
	nf_analysis *a = ta_analyze(j, NOW);
	assert_null(nf_analysis_find(a, "insoles_worn"));
	assert_true(ta_needs(a, "insoles 'gel'"));
	nf_analysis_free(a);
	nf_journal_close(j);
}

static void cold_weather(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("cold"));
	for (int i = 0; i < 14; i++)
		ta_add(j, &TA_RUN(.day = i * 2, .temp = i % 2 ? -2.0 : 15.0, .onset_km = i % 2 ? 5 : 0));
	nf_analysis *a = ta_analyze(j, NOW);
	const nf_derived *d = nf_analysis_find(a, "cold_weather_worse");
	assert_non_null(d);
	assert_true(d->b);
	assert_int_equal(d->runs, 14);
	nf_analysis_free(a);

	j = (nf_journal_close(j), tj_open(tj_path("warm")));
	for (int i = 0; i < 14; i++)
		ta_add(j, &TA_RUN(.day = i * 2, .temp = i % 2 ? -2.0 : 15.0, .onset_km = i % 4 < 2 ? 5 : 0));
	a = ta_analyze(j, NOW);
	d = nf_analysis_find(a, "cold_weather_worse");
	assert_non_null(d);
	assert_false(d->b);
	nf_analysis_free(a);

	j = (nf_journal_close(j), tj_open(tj_path("notemp")));
	ta_add(j, &TA_RUN(.day = 1, .onset_km = 5));
	a = ta_analyze(j, NOW);
	assert_null(nf_analysis_find(a, "cold_weather_worse"));
	assert_true(ta_needs(a, "temperature"));
	nf_analysis_free(a);
	nf_journal_close(j);
}

/* An engine in runner mode on the real knowledge base (*kb: the caller frees both). */
static nf_engine *runner_engine(nf_kb **kb)
{
	nf_engine *e = NULL;
	nf_error err = {0};
	assert_int_equal(nf_kb_load_files("kb/vocabulary.json", "kb/numbfoot.json", kb, &err), NF_OK);
	assert_int_equal(nf_engine_new(*kb, NF_MODE_RUNNER, &e, &err), NF_OK);
	return e;
}

static void pace(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("pace"));
	for (int i = 0; i < 12; i++) /* numb runs at 4:30-4:41/km, the others at 5:30-5:41 */
		ta_add(j, &TA_RUN(.day = i * 2, .pace = (i % 2 ? 270 : 330) + i, .onset_km = i % 2 ? 5 : 0));
	nf_analysis *a = ta_analyze(j, NOW);
	const nf_derived *d = nf_analysis_find(a, "worse_with_pace");
	assert_non_null(d);
	assert_true(d->b);
	assert_non_null(strstr(d->evidence, "Mann-Whitney"));
	nf_analysis_free(a);

	j = (nf_journal_close(j), tj_open(tj_path("pace2")));
	for (int i = 0; i < 12; i++) /* the same paces with and without */
		ta_add(j, &TA_RUN(.day = i * 2, .pace = 300 + (i / 2) * 5, .onset_km = i % 2 ? 5 : 0));
	a = ta_analyze(j, NOW);
	d = nf_analysis_find(a, "worse_with_pace");
	assert_non_null(d);
	assert_false(d->b);
	assert_true(d->open); /* no difference found is not "no": the question stays open */
	char *text = nf_analysis_json(a); /* and the JSON says so, for the page to leave it to the interview */
	json_t *root = json_loads(text, 0, NULL);
	assert_true(json_is_true(json_object_get(json_object_get(json_object_get(root, "findings"), "worse_with_pace"), "open")));
	json_decref(root);
	free(text);
	nf_analysis_free(a);
	nf_journal_close(j);
}

/* Onsets timed in minutes give the interview its distance at each run's own pace, and the evidence
 * says the distance was converted. */
static void onset_minutes_converted_at_the_runs_pace(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("onset-min"));
	for (int i = 0; i < 5; i++) /* 20-24 min at 4:30/km: 4.4-5.3 km */
		ta_add(j, &TA_RUN(.day = i * 3, .pace = 270, .onset_min = 20 + i));
	nf_analysis *a = ta_analyze(j, NOW);
	assert_true(nf_analysis_find(a, "onset_consistent")->b);
	const nf_derived *d = nf_analysis_find(a, "onset_km");
	assert_non_null(d);
	assert_true(fabs(d->x - 22 * 60 / 270.0) < 0.051);
	assert_non_null(strstr(d->evidence, "median onset 22 min into the run, about 4.9 km at each run's own average pace"));
	nf_analysis_free(a);
	nf_journal_close(j);
}

/* Heart rate says "harder" only by a difference that matters (NF_AN_HR_MIN_BPM) and only when the
 * episode runs were also faster: 148 against 146 bpm on runs the same every time reached p < 0.001
 * and read as "worse with pace" on runs that were slower. */
static void pace_heart_rate_needs_a_real_difference(void **state)
{
	(void)state;
	/* episode runs at 5:00-5:50/km, the others at 5:05-5:55: no pace difference to speak of */
	nf_journal *j = tj_open(tj_path("pace-hr"));
	for (int i = 0; i < 12; i++)
		ta_add(j, &TA_RUN(.day = i * 2, .pace = 300 + (i / 2) * 10 + (i % 2 ? 0 : 5), .onset_km = i % 2 ? 5 : 0,
				  .hr = i % 2 ? 148 : 146));
	nf_analysis *a = ta_analyze(j, NOW);
	const nf_derived *d = nf_analysis_find(a, "worse_with_pace");
	assert_true(d == NULL || !d->b); /* 2 bpm is no harder */
	nf_analysis_free(a);
	nf_journal_close(j);

	/* 14 bpm higher, at a slightly faster pace: harder */
	j = tj_open(tj_path("pace-hr2"));
	for (int i = 0; i < 12; i++)
		ta_add(j, &TA_RUN(.day = i * 2, .pace = 300 + (i / 2) * 10 + (i % 2 ? 0 : 5), .onset_km = i % 2 ? 5 : 0,
				  .hr = (i % 2 ? 160 : 146) + i / 2));
	a = ta_analyze(j, NOW);
	d = nf_analysis_find(a, "worse_with_pace");
	assert_non_null(d);
	assert_true(d->b);
	assert_non_null(strstr(d->evidence, "median heart rate"));
	nf_analysis_free(a);
	nf_journal_close(j);

	/* the same 14 bpm on episode runs that were slower: never "worse with pace" */
	j = tj_open(tj_path("pace-hr3"));
	for (int i = 0; i < 12; i++)
		ta_add(j, &TA_RUN(.day = i * 2, .pace = 300 + (i / 2) * 10 + (i % 2 ? 5 : 0), .onset_km = i % 2 ? 5 : 0,
				  .hr = (i % 2 ? 160 : 146) + i / 2));
	a = ta_analyze(j, NOW);
	d = nf_analysis_find(a, "worse_with_pace");
	assert_true(d == NULL || !d->b);
	nf_analysis_free(a);
	nf_journal_close(j);
}

/* When every episode run was in the one pair that only_some_shoes implicates, episode runs against
 * the others is that pair against the rest: a faster pace in it says nothing of pace, and the
 * question is left open with the reason. */
static void pace_explained_by_shoes(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("pace-shoes"));
	int64_t blue = tj_add_shoes(j, "blue", 0), red = tj_add_shoes(j, "red", 0);
	for (int i = 0; i < 16; i++)
		ta_add(j, &TA_RUN(.day = i * 2, .shoes = i % 2 ? blue : red, .pace = i % 2 ? 270 + i : 330 + i,
				  .onset_km = i % 2 ? 7 : 0, .hr = i % 2 ? 165 : 140));
	nf_analysis *a = ta_analyze(j, NOW);
	assert_true(nf_analysis_find(a, "only_some_shoes")->b);
	assert_null(nf_analysis_find(a, "worse_with_pace"));
	assert_true(ta_needs(a, "cannot be told apart from the shoes: every run with numbness was in 'blue'"));
	nf_analysis_free(a);
	nf_journal_close(j);
}

/* Where the numbness is comes from the episodes that say where: the places named in at least half
 * of them, once two do; the interview then does not ask it again. */
static void places_from_episodes(void **state)
{
	(void)state;
	uint32_t dorsum = UINT32_C(1) << nf_location_index("dorsum"), toe = UINT32_C(1) << nf_location_index("big_toe");
	nf_journal *j = tj_open(tj_path("places"));
	ta_add(j, &TA_RUN(.day = 1, .onset_km = 5, .places = dorsum | toe));
	nf_analysis *a = ta_analyze(j, NOW);
	assert_null(nf_analysis_find(a, "location")); /* one episode is not yet a pattern */
	nf_analysis_free(a);
	ta_add(j, &TA_RUN(.day = 3, .onset_km = 5, .places = dorsum));
	ta_add(j, &TA_RUN(.day = 5, .onset_km = 5, .places = dorsum));
	ta_add(j, &TA_RUN(.day = 7, .onset_km = 5)); /* says nothing of where */
	a = ta_analyze(j, NOW);
	const nf_derived *d = nf_analysis_find(a, "location");
	assert_non_null(d);
	assert_true(d->is_places);
	assert_int_equal(d->places, dorsum); /* the big toe in 1 of 3 is left out */
	assert_int_equal(d->episodes, 3);
	nf_kb *kb = NULL;
	nf_engine *e = runner_engine(&kb);
	nf_error err = {0};
	assert_int_equal(nf_analysis_apply(a, e, NULL, &err), NF_OK);
	int f = nf_kb_finding_index(kb, "location");
	nf_value v;
	assert_int_equal(nf_engine_state(e, (size_t)f, &v), NF_ANSWERED);
	assert_int_equal(v.set, UINT32_C(1) << nf_kb_finding_value_index(kb, (size_t)f, "dorsum"));
	nf_engine_free(e);
	nf_kb_free(kb);
	nf_analysis_free(a);
	nf_journal_close(j);
}

/* A "no" from a test short of significance (pace: p well above 0.05) is shown but never answered
 * for the runner: assess --from-journal leaves the question to the interview. */
static void open_findings_not_applied(void **state)
{
	(void)state;
	nf_kb *kb = NULL;
	nf_engine *e = runner_engine(&kb);
	nf_error err = {0};
	nf_journal *j = tj_open(tj_path("open"));
	for (int i = 0; i < 12; i++)
		ta_add(j, &TA_RUN(.day = i * 2, .pace = 300 + (i / 2) * 5, .onset_km = i % 2 ? 5 : 0));
	nf_analysis *a = ta_analyze(j, NOW);
	assert_non_null(nf_analysis_find(a, "worse_with_pace"));
	size_t n = 0;
	assert_int_equal(nf_analysis_apply(a, e, &n, &err), NF_OK);
	nf_value v;
	int f = nf_kb_finding_index(kb, "worse_with_pace");
	assert_true(f >= 0);
	assert_int_not_equal(nf_engine_state(e, (size_t)f, &v), NF_ANSWERED);
	assert_true(n < nf_analysis_findings(a));
	nf_analysis_free(a);
	nf_journal_close(j);
	nf_engine_free(e);
	nf_kb_free(kb);
}

/* Runs with no shoes (imported from before any pair) are left out of the shoe finding, and the
 * evidence says how many. */
static void shoes_left_out_counted(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("shoes-unknown"));
	int64_t blue = tj_add_shoes(j, "blue", 0), red = tj_add_shoes(j, "red", 0);
	for (int i = 0; i < 16; i++)
		ta_add(j, &TA_RUN(.day = i * 2, .shoes = i % 2 ? blue : red, .onset_km = i % 2 ? 7 : 0));
	for (int i = 0; i < 30; i++) /* old runs without shoes, numb half the time */
		ta_add(j, &TA_RUN(.day = 40 + i, .onset_km = i % 2 ? 7 : 0)); /* before the clock (NOW) */
	nf_analysis *a = ta_analyze(j, NOW);
	const nf_derived *d = nf_analysis_find(a, "only_some_shoes");
	assert_non_null(d);
	assert_true(d->b);
	assert_non_null(strstr(d->evidence, "8 of 8 runs in 'blue'"));
	assert_non_null(strstr(d->evidence, "30 runs with no shoes recorded left out"));
	nf_analysis_free(a);
	nf_journal_close(j);
}

static void progression(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("worse"));
	for (int i = 0; i < 8; i++)
		ta_add(j, &TA_RUN(.day = i * 7, .onset_km = 5, .sev = 1 + i));
	nf_analysis *a = ta_analyze(j, NOW);
	const nf_derived *d = nf_analysis_find(a, "progressive");
	assert_non_null(d);
	assert_true(d->b);
	nf_analysis_free(a);

	j = (nf_journal_close(j), tj_open(tj_path("stable")));
	int sev[] = {4, 3, 4, 3, 4, 3, 4, 3};
	for (int i = 0; i < 8; i++)
		ta_add(j, &TA_RUN(.day = i * 7, .onset_km = 5, .sev = sev[i]));
	a = ta_analyze(j, NOW);
	d = nf_analysis_find(a, "progressive");
	assert_non_null(d);
	assert_false(d->b);
	nf_analysis_free(a);

	j = (nf_journal_close(j), tj_open(tj_path("short")));
	ta_add(j, &TA_RUN(.day = 1, .onset_km = 5, .sev = 3));
	ta_add(j, &TA_RUN(.day = 3, .onset_km = 5, .sev = 5));
	a = ta_analyze(j, NOW);
	assert_null(nf_analysis_find(a, "progressive"));
	assert_true(ta_needs(a, "a trend over the weeks"));
	nf_analysis_free(a);
	nf_journal_close(j);
}

/* Recovery that took hours or days did not "go away after stopping" (the knowledge base's
 * within the hour): resolves_on_stopping is no, with the evidence saying so, and the minutes
 * reach the assessment. */
static void recovery_hours_not_settled(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("slow"));
	double rec[] = {600, 2880};
	for (int i = 0; i < 2; i++)
		ta_add(j, &TA_RUN(.day = i * 3, .onset_km = 5, .recover = rec[i]));
	nf_analysis *a = ta_analyze(j, NOW);
	const nf_derived *d = nf_analysis_find(a, "resolves_on_stopping");
	assert_non_null(d);
	assert_false(d->b);
	assert_false(d->open);
	assert_non_null(strstr(d->evidence, "more than an hour to come back in 2 of the 2 episodes"));
	assert_non_null(strstr(d->evidence, "the longest 48.0 hours"));
	d = nf_analysis_find(a, "resolve_minutes");
	assert_non_null(d);
	assert_true(fabs(d->x - 1740) < 1e-9);
	/* Into the engine: both answers taken, none dropped. */
	nf_kb *kb;
	nf_engine *e = runner_engine(&kb);
	nf_error err = {0};
	assert_int_equal(nf_analysis_apply(a, e, NULL, &err), NF_OK);
	nf_value v;
	assert_int_equal(nf_engine_state(e, (size_t)nf_kb_finding_index(kb, "resolves_on_stopping"), &v), NF_ANSWERED);
	assert_false(v.b);
	assert_int_equal(nf_engine_state(e, (size_t)nf_kb_finding_index(kb, "resolve_minutes"), &v), NF_ANSWERED);
	assert_true(fabs(v.x - 1740) < 1e-9);
	nf_engine_free(e);
	nf_analysis_free(a);

	/* One slow episode among quick ones is enough to answer no. */
	j = (nf_journal_close(j), tj_open(tj_path("one-slow")));
	double mixed[] = {5, 90, 10};
	for (int i = 0; i < 3; i++)
		ta_add(j, &TA_RUN(.day = i * 3, .onset_km = 5, .recover = mixed[i]));
	a = ta_analyze(j, NOW);
	d = nf_analysis_find(a, "resolves_on_stopping");
	assert_non_null(d);
	assert_false(d->b);
	assert_non_null(strstr(d->evidence, "1 of the 3 episodes"));
	nf_analysis_free(a);

	/* Exactly the hour still counts as settled. */
	j = (nf_journal_close(j), tj_open(tj_path("hour")));
	for (int i = 0; i < 2; i++)
		ta_add(j, &TA_RUN(.day = i * 3, .onset_km = 5, .recover = 60));
	a = ta_analyze(j, NOW);
	d = nf_analysis_find(a, "resolves_on_stopping");
	assert_non_null(d);
	assert_true(d->b);
	nf_analysis_free(a);
	nf_journal_close(j);
	nf_kb_free(kb);
}

/* The journal's limit for a recovery time is the knowledge base's range for resolve_minutes: a
 * recovery the journal takes is one the assessment takes. */
static void recovery_limit_is_kb_range(void **state)
{
	(void)state;
	nf_kb *kb;
	nf_engine *e = runner_engine(&kb);
	double lo = -1, hi = -1;
	assert_true(nf_kb_finding_range(kb, (size_t)nf_kb_finding_index(kb, "resolve_minutes"), &lo, &hi));
	assert_true(lo == 0);
	assert_true(hi == NF_JOURNAL_RECOVER_MAX_MIN);
	nf_journal *j = tj_open(tj_path("limit"));
	nf_episode ep;
	nf_episode_init(&ep);
	ep.recover_min = NF_JOURNAL_RECOVER_MAX_MIN + 1;
	nf_error err = {0};
	assert_int_equal(nf_journal_add_episode(j, &ep, &err), NF_EINVAL);
	assert_non_null(strstr(err.msg, "at most 43200 minutes"));
	nf_journal_close(j);
	nf_engine_free(e);
	nf_kb_free(kb);
}

static void recovery_and_flags(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("flags"));
	double rec[] = {3, 5, 8};
	for (int i = 0; i < 3; i++)
		ta_add(j, &TA_RUN(.day = i * 3, .onset_km = 5, .recover = rec[i], .cramp = 0, .loosen = 1));
	nf_analysis *a = ta_analyze(j, NOW);
	const nf_derived *d = nf_analysis_find(a, "resolves_on_stopping");
	assert_non_null(d);
	assert_true(d->b);
	d = nf_analysis_find(a, "resolve_minutes");
	assert_non_null(d);
	assert_true(fabs(d->x - 5) < 1e-9);
	d = nf_analysis_find(a, "calf_cramp");
	assert_non_null(d);
	assert_false(d->b);
	d = nf_analysis_find(a, "relief_loosening");
	assert_non_null(d);
	assert_true(d->b);
	nf_analysis_free(a);

	j = (nf_journal_close(j), tj_open(tj_path("noflags")));
	ta_add(j, &TA_RUN(.day = 1, .onset_km = 5, .recover = 4, .cramp = 1));
	a = ta_analyze(j, NOW);
	assert_null(nf_analysis_find(a, "resolve_minutes"));
	assert_null(nf_analysis_find(a, "calf_cramp"));
	assert_null(nf_analysis_find(a, "relief_loosening"));
	assert_true(ta_needs(a, "--recover"));
	assert_true(ta_needs(a, "--cramp"));
	nf_analysis_free(a);
	nf_journal_close(j);
}

static void weeks_since_onset_uses_the_clock(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("weeks"));
	ta_add(j, &TA_RUN(.day = 0));
	ta_add(j, &TA_RUN(.day = 7, .onset_km = 5));
	nf_analysis *a = ta_analyze(j, TA_T0 + 7 * TA_DAY + 21 * TA_DAY);
	const nf_derived *d = nf_analysis_find(a, "weeks_since_onset");
	assert_non_null(d);
	assert_true(fabs(d->x - 3.0) < 1e-9);
	nf_analysis_free(a);
	a = ta_analyze(j, TA_T0); /* a clock before the first episode derives nothing */
	assert_null(nf_analysis_find(a, "weeks_since_onset"));
	nf_analysis_free(a);
	nf_journal_close(j);
}

/* The clock is the data's cut-off: runs after it (logged later than the day a tester sets) are
 * left out with their episodes, and their distance with them from the shoes they were in. */
static void clock_is_the_cut_off(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("cut-off"));
	int64_t blue = tj_add_shoes(j, "blue", 0);
	for (int d = 0; d < 5; d++)
		ta_add(j, &TA_RUN(.day = d * 3, .km = 10, .shoes = blue));
	for (int d = 0; d < 3; d++)
		ta_add(j, &TA_RUN(.day = 60 + d * 3, .km = 10, .shoes = blue, .onset_km = 5, .recover = 180));
	nf_analysis *a = ta_analyze(j, TA_T0 + 30 * TA_DAY);
	assert_null(nf_analysis_find(a, "weeks_since_onset"));
	assert_null(nf_analysis_find(a, "resolve_minutes"));
	size_t ng;
	const nf_an_gear *g = nf_analysis_gear(a, &ng);
	assert_int_equal(ng, 1);
	assert_true(fabs(g[0].gear.used_km - 50) < 1e-9);
	assert_int_equal(g[0].runs_logged, 5);
	nf_analysis_free(a);
	a = ta_analyze(j, TA_T0 + 90 * TA_DAY);
	assert_non_null(nf_analysis_find(a, "weeks_since_onset"));
	g = nf_analysis_gear(a, &ng);
	assert_true(fabs(g[0].gear.used_km - 80) < 1e-9);
	nf_analysis_free(a);
	nf_journal_close(j);
}

/* A pair clean until it had run far, then numb on most runs, is wearing out: the doctor's first
 * fact is the pair's distance at the first episode and the clean runs before it, and the advice is
 * a new pair, not new lacing. */
static void pair_worn_with_distance(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("worn-pair"));
	int64_t clifton = tj_add_shoes(j, "clifton", 560), trail = tj_add_shoes(j, "trail", 0);
	int k = 0;
	for (int i = 0; i < 45; i++) {
		if (i % 3 == 2) {
			ta_add(j, &TA_RUN(.day = i, .shoes = trail));
			continue;
		}
		/* 15 clean runs (560 to 710 km), then episodes on 12 of the 15 after; 15 in 'trail', clean */
		ta_add(j, &TA_RUN(.day = i, .shoes = clifton, .onset_km = k >= 15 && k % 5 != 4 ? 6 : 0));
		k++;
	}
	nf_analysis *a = ta_analyze(j, NOW);
	size_t ng;
	const nf_an_gear *g = nf_analysis_gear(a, &ng);
	assert_int_equal(ng, 2);
	assert_int_equal(g[0].clean_before, 15);
	assert_true(fabs(g[0].km_first_episode - 720) < 1e-9);
	assert_true(g[0].worn_pattern);
	assert_false(g[1].worn_pattern);
	const nf_derived *d = nf_analysis_find(a, "shoe_km");
	assert_non_null(d);
	if (!strstr(d->evidence, "numbness began when 'clifton' had run about 720 km, none in the 15 runs logged in it before"))
		fail_msg("shoe_km evidence: %s", d->evidence);
	d = nf_analysis_find(a, "only_some_shoes");
	assert_non_null(d);
	assert_true(d->b);
	assert_non_null(strstr(d->evidence, "about 720 km, none in the 15 runs"));
	assert_true(ta_advice(a, "Replace the shoes 'clifton': the numbness began when they had run about 720 km, after 15 runs"));
	assert_false(ta_advice(a, "toe box"));
	assert_false(ta_advice(a, "loosen the laces"));
	nf_analysis_free(a);
	nf_journal_close(j);
}

/* Clean first runs in a pair are not wear when the pair had run little then (a new pair that
 * began to hurt at 160 km), nor when they are few: the lacing advice stays. */
static void pair_clean_at_first_is_not_always_wear(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("not-worn"));
	int64_t blue = tj_add_shoes(j, "blue", 0), red = tj_add_shoes(j, "red", 0);
	for (int i = 0; i < 30; i++)
		ta_add(j, &TA_RUN(.day = i, .shoes = i % 2 ? blue : red, .onset_km = i % 2 && i > 30 / 2 ? 6 : 0));
	nf_analysis *a = ta_analyze(j, NOW);
	size_t ng;
	const nf_an_gear *g = nf_analysis_gear(a, &ng);
	assert_true(g[0].clean_before >= 5);
	assert_true(g[0].km_first_episode < 200);
	assert_false(g[0].worn_pattern);
	assert_false(ta_advice(a, "the numbness began when they had run"));
	nf_analysis_free(a);
	nf_journal_close(j);
}

/* training_increase comes from the weeks before the first episode, not the latest ones: 5 km every
 * other day for 8 weeks, then 10 km, the numbness two days after the jump; and the runner then
 * stopped logging, so the last 4 weeks hold nothing. */
static void training_increase_before_onset(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("load-jump"));
	for (int i = 0; i <= 70; i += 2)
		ta_add(j, &TA_RUN(.day = i, .km = i < 56 ? 5 : 10, .onset_km = i >= 58 && i % 4 == 2 ? 6 : 0));
	nf_analysis *a = ta_analyze(j, TA_T0 + 120 * TA_DAY);
	const nf_derived *d = nf_analysis_find(a, "training_increase");
	assert_non_null(d);
	assert_true(d->b);
	assert_false(d->open);
	/* the first episode is on day 58, 2026-02-28: 30 km in its 7 days against 17.5 a week before */
	if (!strstr(d->evidence, "before the first episode (2026-02-28): 30 km in the 7 days up to it against 18 km "
				 "a week over the 4 weeks before (+71%)"))
		fail_msg("evidence: %s", d->evidence);
	/* the latest 4 weeks (no runs) say -100%; the finding does not follow them */
	assert_true(isnan(nf_analysis_training(a)->week_km_recent) || nf_analysis_training(a)->week_km_recent == 0);
	d = nf_analysis_find(a, "weekly_km");
	assert_non_null(d);
	assert_true(d->is_number && d->x >= 15 && d->x <= 40);
	if (!strstr(d->evidence, "weeks with runs from") || !strstr(d->evidence, "the last run logged was on 2026-03-12"))
		fail_msg("weekly_km evidence: %s", d->evidence);
	nf_analysis_free(a);
	nf_journal_close(j);
}

/* The same volume throughout is "no", with the figures; too short a record before the first
 * episode is left to the interview, with a line saying why. */
static void training_increase_flat_or_unknown(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("load-flat"));
	for (int i = 0; i <= 70; i += 2)
		ta_add(j, &TA_RUN(.day = i, .km = 5, .onset_km = i >= 60 && i % 4 == 0 ? 3 : 0));
	nf_analysis *a = ta_analyze(j, TA_T0 + 72 * TA_DAY);
	const nf_derived *d = nf_analysis_find(a, "training_increase");
	assert_non_null(d);
	assert_false(d->b);
	assert_non_null(strstr(d->evidence, "no rise in weekly distance before the first episode (2026-03-02)"));
	assert_non_null(strstr(d->evidence, "distance only"));
	nf_analysis_free(a);
	nf_journal_close(j);

	j = tj_open(tj_path("load-short"));
	for (int i = 40; i <= 70; i += 2)
		ta_add(j, &TA_RUN(.day = i, .km = i < 44 ? 5 : 10, .onset_km = i == 44 ? 3 : 0));
	a = ta_analyze(j, TA_T0 + 72 * TA_DAY);
	assert_null(nf_analysis_find(a, "training_increase"));
	assert_true(ta_needs(a, "The journal does not cover the weeks before the first episode"));
	nf_analysis_free(a);
	nf_journal_close(j);

	/* 5 weeks of record: the 7 days are known (down), the 4 weeks before the 4 are not */
	j = tj_open(tj_path("load-down"));
	for (int i = 20; i <= 70; i += 2)
		ta_add(j, &TA_RUN(.day = i, .km = i < 50 ? 10 : 5, .onset_km = i == 56 ? 3 : 0));
	a = ta_analyze(j, TA_T0 + 72 * TA_DAY);
	assert_null(nf_analysis_find(a, "training_increase"));
	assert_true(ta_needs(a, "20 km in the 7 days up to it against 35 km a week over the 4 weeks before (-43%); the journal does not cover the 8 weeks before it"));
	assert_false(ta_needs(a, "neither clearly rose"));
	nf_analysis_free(a);
	nf_journal_close(j);
}

/* weekly_km: the median of the latest complete weeks that have runs; a week without a run is not
 * a week of 0 km, and fewer than 3 weeks with runs give none. */
static void weekly_km_from_weeks_with_runs(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("weekly"));
	/* Mondays: 2026-01-05 is day 4. 20 km in each of weeks 0-2, none in 3-4, 30 km in 5-7 */
	for (int w = 0; w < 8; w++)
		if (w < 3 || w > 4)
			for (int r = 0; r < 2; r++)
				ta_add(j, &TA_RUN(.day = 4 + w * 7 + r * 3, .km = w < 3 ? 10 : 15));
	nf_analysis *a = ta_analyze(j, TA_T0 + (4 + 8 * 7) * TA_DAY);
	const nf_derived *d = nf_analysis_find(a, "weekly_km");
	assert_non_null(d);
	assert_true(fabs(d->x - 25) < 1e-9); /* median of 20, 20, 20, 30, 30, 30 */
	if (!strstr(d->evidence, "over the 6 weeks with runs from 2026-01-05 to 2026-03-01 (weeks without a run left out)"))
		fail_msg("evidence: %s", d->evidence);
	nf_analysis_free(a);
	a = ta_analyze(j, TA_T0 + (4 + 2 * 7) * TA_DAY); /* two complete weeks only */
	assert_null(nf_analysis_find(a, "weekly_km"));
	nf_analysis_free(a);
	nf_journal_close(j);
}

/* weekly_km comes from the unbroken record only: old files imported from years before (5 weeks of
 * 2012 at 8 km a week, the kind of history a watch export holds) are not the runner's usual week
 * now. A record begun 17 days before the clock is too short for a weekly figure, as the training
 * facts say: no figure, and a line says why; 6 weeks on, the figure is that record's. */
static void weekly_km_from_the_record_only(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("weekly-record"));
	for (int w = 0; w < 5; w++) /* from 2012-01-02, a Monday: 5 weeks of 2 runs of 4 km */
		for (int r = 0; r < 2; r++)
			ta_add(j, &TA_RUN(.day = -5113 + w * 7 + r * 3, .km = 4));
	/* from 2026-03-04: 3 runs of 10 km a week, an episode on each third run */
	for (int d = 0; d < 60; d += 2)
		ta_add(j, &TA_RUN(.day = 62 + d + d / 6, .km = 10, .onset_km = d % 6 ? 0 : 6));
	nf_analysis *a = ta_analyze(j, TA_T0 + (62 + 17) * TA_DAY);
	assert_true(isnan(nf_analysis_training(a)->week_km_recent)); /* "too short a record" */
	assert_null(nf_analysis_find(a, "weekly_km"));
	assert_true(ta_needs(a, "The journal's record begins on 2026-03-04, too short for a usual weekly distance"));
	nf_analysis_free(a);
	a = ta_analyze(j, TA_T0 + (62 + 45) * TA_DAY);
	const nf_derived *d = nf_analysis_find(a, "weekly_km");
	assert_non_null(d);
	assert_true(d->x >= 20 && d->x <= 40);
	if (!strstr(d->evidence, "in the record since 2026-03-04") || strstr(d->evidence, "2012"))
		fail_msg("evidence: %s", d->evidence);
	nf_analysis_free(a);
	nf_journal_close(j);
}

/* shoe_km's retirement distance is that of the pair worn on the episode runs: a racing pair that
 * retires at 500 km is not measured against the default 800; with two pairs, each is named. */
static void shoe_km_retirement_of_the_worn_pair(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("wear-racing"));
	nf_gear g;
	nf_error err = {0};
	nf_gear_init(&g, NF_GEAR_SHOES);
	snprintf(g.nickname, sizeof g.nickname, "racers");
	g.retire_km = 500;
	assert_int_equal(nf_journal_add_gear(j, &g, &err), NF_OK);
	int64_t daily = tj_add_shoes(j, "daily", 0);
	for (int i = 0; i < 6; i++)
		ta_add(j, &TA_RUN(.day = i * 2, .shoes = i % 2 ? daily : g.id, .onset_km = i % 2 ? 0 : 6));
	nf_analysis *a = ta_analyze(j, NOW);
	const nf_derived *d = nf_analysis_find(a, "shoe_km");
	assert_non_null(d);
	if (!strstr(d->evidence, "(retirement distance 500 km)") || strstr(d->evidence, "800"))
		fail_msg("shoe_km evidence: %s", d->evidence);
	nf_analysis_free(a);
	ta_add(j, &TA_RUN(.day = 20, .shoes = daily, .onset_km = 6));
	a = ta_analyze(j, NOW);
	d = nf_analysis_find(a, "shoe_km");
	assert_non_null(d);
	if (!strstr(d->evidence, "(retirement distance 800 km for 'daily', 500 km for 'racers')"))
		fail_msg("shoe_km evidence: %s", d->evidence);
	nf_analysis_free(a);
	nf_journal_close(j);
}

/* The warning sign of numbness not settled hours later: 2 hours or more to come back, on a run of
 * the 2 days up to the clock; and the analysis finds the latest such episode. */
static void not_settled_episode(void **state)
{
	(void)state;
	nf_episode e;
	nf_episode_init(&e);
	int64_t now = NOW;
	assert_false(nf_episode_not_settled(&e, now - 3600, now)); /* no recovery time */
	e.recover_min = 119;
	assert_false(nf_episode_not_settled(&e, now - 3600, now));
	e.recover_min = 120;
	assert_true(nf_episode_not_settled(&e, now - 3600, now));
	assert_true(nf_episode_not_settled(&e, now - 2 * TA_DAY, now));
	assert_false(nf_episode_not_settled(&e, now - 2 * TA_DAY - 1, now));
	assert_false(nf_episode_not_settled(&e, -1, now));
	/* Said in the knowledge base's words for the sign, in the runner's unit, at its level; not
	 * said at all when it is not one. */
	nf_kb *kb = NULL;
	nf_engine_free(runner_engine(&kb));
	char says[1024];
	int f = nf_kb_finding_index(kb, "not_settled_hours");
	const char *words = NULL;
	assert_true(f >= 0 && nf_kb_finding_red_flag(kb, (size_t)f, &words) == NF_URGENT);
	assert_int_equal(nf_episode_sign(kb, &e, now - 3600, now, NF_UNITS_KM, says, sizeof says), NF_URGENT);
	assert_string_equal(says, words);
	e.recover_min = 15;
	assert_int_equal(nf_episode_sign(kb, &e, now - 3600, now, NF_UNITS_KM, says, sizeof says), -1);
	assert_string_equal(says, "");
	e.recover_min = 120;
	nf_kb_free(kb);
	nf_journal *j = tj_open(tj_path("not-settled"));
	ta_add(j, &TA_RUN(.day = 110, .onset_km = 5, .recover = 360)); /* 10 days before NOW */
	ta_add(j, &TA_RUN(.day = 119, .onset_km = 5, .recover = 15));
	nf_analysis *a = ta_analyze(j, NOW);
	assert_null(nf_analysis_not_settled(a));
	nf_analysis_free(a);
	ta_add(j, &TA_RUN(.day = 119, .km = 12, .onset_km = 5, .recover = 300, .pace = 300));
	a = ta_analyze(j, NOW);
	const nf_an_episode *ns = nf_analysis_not_settled(a);
	assert_non_null(ns);
	assert_true(ns->ep.recover_min == 300);
	nf_analysis_free(a);
	nf_journal_close(j);
}

static void training_facts(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("training"));
	for (int i = 0; i < 56; i += 2) /* 8 weeks: 5 km runs then 10 km runs for the last 4 */
		ta_add(j, &TA_RUN(.day = i, .km = i < 28 ? 5 : 10, .cadence = 150));
	nf_analysis *a = ta_analyze(j, TA_T0 + 56 * TA_DAY);
	const nf_training *t = nf_analysis_training(a);
	assert_true(fabs(t->cadence_spm - 150) < 1e-9);
	assert_int_equal(t->cadence_runs, 10);
	assert_true(fabs(t->week_km_recent - 35) < 1e-9);
	assert_true(fabs(t->week_km_before - 17.5) < 1e-9);
	assert_true(fabs(t->week_change_pct - 100) < 1e-9);
	assert_true(t->stride_m > 0);
	assert_true(ta_advice(a, "raise it by 5 to 10 percent, to about 158 to 165 steps per minute"));
	size_t nw;
	nf_analysis_weeks(a, &nw);
	assert_true(nw >= 8 && nw <= 10);
	nf_analysis_free(a);
	nf_journal_close(j);
}

/* One run imported from long ago does not make the weeks between it and the journal's start weeks
 * of 0 km: with the runs logged from 6 weeks ago at the same 35 km a week, there is no month before
 * to compare, no "rise", and no advice to cut the volume. */
static void training_old_run_is_not_the_record(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("old-import"));
	ta_add(j, &TA_RUN(.day = 0, .km = 8));
	for (int i = 400; i < 442; i += 2)
		ta_add(j, &TA_RUN(.day = i, .km = 10));
	nf_analysis *a = ta_analyze(j, TA_T0 + 442 * TA_DAY);
	const nf_training *t = nf_analysis_training(a);
	assert_int_equal(t->first_run, TA_T0);
	assert_int_equal(t->record_start, TA_T0 + 400 * TA_DAY);
	assert_true(fabs(t->week_km_recent - 35) < 1e-9);
	assert_true(isnan(t->week_km_before));
	assert_true(isnan(t->week_change_pct));
	assert_false(ta_advice(a, "weekly distance rose"));
	nf_analysis_free(a);
	/* eight weeks logged: a change of nothing */
	for (int i = 386; i < 400; i += 2)
		ta_add(j, &TA_RUN(.day = i, .km = 10));
	a = ta_analyze(j, TA_T0 + 442 * TA_DAY);
	t = nf_analysis_training(a);
	assert_true(fabs(t->week_km_before - 35) < 1e-9);
	assert_true(fabs(t->week_change_pct) < 1e-9);
	nf_analysis_free(a);
	nf_journal_close(j);
}

/* A journal whose runs begin inside a window has no figure for it: a journal begun 5 weeks ago has
 * no 4 weeks before the last 4 (not "0 km", which reads as a rise from nothing), and one begun 2
 * weeks ago no weekly figure at all, only the distance logged since its first run. */
static void training_where_the_runs_begin(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("begun"));
	for (int i = 0; i < 35; i += 2)
		ta_add(j, &TA_RUN(.day = i, .km = 10));
	nf_analysis *a = ta_analyze(j, TA_T0 + 35 * TA_DAY);
	const nf_training *t = nf_analysis_training(a);
	assert_int_equal(t->first_run, TA_T0);
	assert_true(fabs(t->week_km_recent - 35) < 1e-9); /* 14 runs in the last 28 days */
	assert_true(isnan(t->week_km_before));
	assert_true(isnan(t->week_change_pct));
	assert_false(ta_advice(a, "weekly distance rose"));
	nf_analysis_free(a);
	a = ta_analyze(j, TA_T0 + 14 * TA_DAY);
	t = nf_analysis_training(a);
	assert_true(isnan(t->week_km_recent));
	assert_true(fabs(t->km_recent - 70) < 1e-9); /* 7 runs before day 14 */
	nf_analysis_free(a);
	a = ta_analyze(j, TA_T0 - TA_DAY); /* before any run */
	t = nf_analysis_training(a);
	assert_int_equal(t->first_run, -1);
	assert_true(isnan(t->km_recent));
	nf_analysis_free(a);
	nf_journal_close(j);
}

static const char *evidence(const nf_analysis *a, const char *id)
{
	const nf_derived *d = nf_analysis_find(a, id);
	return d ? d->evidence : "";
}

/* The analysis of a journal of n runs two days apart, each with an episode at 7 km in feet[i]. */
static nf_analysis *with_feet(const char *name, const nf_foot *feet, size_t n)
{
	nf_journal *j = tj_open(tj_path(name));
	for (size_t i = 0; i < n; i++)
		ta_add(j, &TA_RUN(.day = 1 + 2 * (int)i, .onset_km = 7, .foot = feet[i]));
	nf_analysis *a = ta_analyze(j, NOW);
	nf_journal_close(j); /* the analysis keeps nothing of it open */
	return a;
}
#define WITH_FEET(name, ...) \
	with_feet(name, (const nf_foot[]){__VA_ARGS__}, sizeof((const nf_foot[]){__VA_ARGS__}) / sizeof(nf_foot))

/* Both feet on every episode is a pattern held each time, not "not always the same foot" (which
 * reads as feet that alternate): the words say every episode was in both feet. */
static void both_feet_every_time(void **state)
{
	(void)state;
	const nf_foot B = NF_FOOT_BOTH;
	nf_analysis *a = WITH_FEET("foot-always-both", B, B, B, B);
	const nf_derived *side = nf_analysis_find(a, "side"), *same = nf_analysis_find(a, "same_foot");
	assert_string_equal(side->choice, "both");
	assert_string_equal(side->evidence, "both feet in every one of the 4 episodes");
	assert_non_null(same);
	assert_true(same->b);
	assert_string_equal(same->evidence, "always both feet: every one of the 4 episodes");
	nf_analysis_free(a);

	/* one that does not say may have been one foot: both feet, not "always" */
	a = WITH_FEET("foot-both-unsaid", B, B, NF_FOOT_UNKNOWN);
	assert_string_equal(nf_analysis_find(a, "side")->choice, "both");
	assert_null(nf_analysis_find(a, "same_foot"));
	assert_true(ta_needs(a, "Record which foot"));
	nf_analysis_free(a);
}

/* One episode in both feet (or one foot) is said as one episode: "every one of the 1 episode"
 * claims a pattern one episode cannot show. */
static void one_episode_is_one(void **state)
{
	(void)state;
	nf_analysis *a = WITH_FEET("foot-once-both", NF_FOOT_BOTH);
	assert_string_equal(nf_analysis_find(a, "side")->evidence, "both feet (1 episode)");
	nf_analysis_free(a);
	a = WITH_FEET("foot-once-left", NF_FOOT_LEFT);
	assert_string_equal(nf_analysis_find(a, "side")->evidence, "the left foot (1 episode)");
	nf_analysis_free(a);
}

/* What more to log about pace asks for what is missing: more runs when every run has its time
 * (naming how many there are), the times when the runs logged would do; and the same median pace
 * with and without numbness is said as no difference, not as a question left open. */
static void pace_needs_ask_for_what_is_missing(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("pace-few"));
	ta_add(j, &TA_RUN(.day = 1, .onset_km = 5));
	ta_add(j, &TA_RUN(.day = 3));
	ta_add(j, &TA_RUN(.day = 5));
	nf_analysis *a = ta_analyze(j, NOW);
	assert_true(ta_needs(a, "Log more runs, with their running time: whether pace matters needs at least "
				"3 with numbness and 3 without (now 1 with numbness, 2 without)."));
	assert_false(ta_needs(a, "Record the running time"));
	nf_analysis_free(a);
	nf_journal_close(j);

	j = tj_open(tj_path("pace-untimed"));
	for (int i = 0; i < 6; i++)
		ta_add(j, &TA_RUN(.day = 1 + 2 * i, .pace = i == 0 ? 0 : 330, .onset_km = i < 3 ? 5 : 0));
	a = ta_analyze(j, NOW);
	assert_true(ta_needs(a, "Record the running time (--duration)"));
	assert_true(ta_needs(a, "now 2 of 3 with numbness and 3 of 3 without have one"));
	nf_analysis_free(a);
	nf_journal_close(j);

	j = tj_open(tj_path("pace-same"));
	for (int i = 0; i < 8; i++)
		ta_add(j, &TA_RUN(.day = 1 + 2 * i, .onset_km = i % 2 ? 5 : 0));
	a = ta_analyze(j, NOW);
	assert_true(ta_needs(a, "Pace made no difference here: a median of 5:30/km with numbness and without "
				"(4 and 4 runs)"));
	assert_false(ta_needs(a, "settle whether pace"));
	assert_null(nf_analysis_find(a, "worse_with_pace"));
	nf_analysis_free(a);
	nf_journal_close(j);

	j = tj_open(tj_path("pace-differs"));
	for (int i = 0; i < 8; i++)
		ta_add(j, &TA_RUN(.day = 1 + 2 * i, .pace = 300 + 10 * i, .onset_km = i % 2 ? 5 : 0));
	a = ta_analyze(j, NOW);
	assert_true(ta_needs(a, "Log more runs to settle whether pace matters: now 4 with numbness and 4 without"));
	nf_analysis_free(a);
	nf_journal_close(j);
}

static void same_foot_every_time(void **state)
{
	(void)state;
	const nf_foot L = NF_FOOT_LEFT;
	nf_analysis *a = WITH_FEET("foot-same", L, L, L, L);
	const nf_derived *d = nf_analysis_find(a, "same_foot");
	assert_non_null(d);
	assert_true(d->b);
	assert_null(d->choice);
	assert_int_equal(d->episodes, 4);
	assert_string_equal(d->evidence, "always the left foot: every one of the 4 episodes");
	d = nf_analysis_find(a, "side");
	assert_non_null(d);
	assert_string_equal(d->choice, "one");
	assert_non_null(strstr(d->evidence, "the left foot in every one of the 4 episodes"));
	assert_false(ta_needs(a, "which foot"));
	char *text = nf_analysis_json(a);
	json_t *root = json_loads(text, 0, NULL);
	json_t *f = json_object_get(root, "findings");
	assert_string_equal(json_string_value(json_object_get(json_object_get(f, "side"), "value")), "one");
	assert_true(json_is_true(json_object_get(json_object_get(f, "same_foot"), "value")));
	json_decref(root);
	free(text);
	nf_analysis_free(a);

	/* A run without numbness says nothing of feet. */
	nf_journal *j = tj_open(tj_path("foot-clean-run"));
	ta_add(j, &TA_RUN(.day = 1, .onset_km = 7, .foot = NF_FOOT_LEFT));
	ta_add(j, &TA_RUN(.day = 2, .onset_km = 7, .foot = NF_FOOT_LEFT));
	ta_add(j, &TA_RUN(.day = 3));
	a = ta_analyze(j, NOW);
	assert_true(nf_analysis_find(a, "same_foot")->b);
	nf_analysis_free(a);
	nf_journal_close(j);
}

static void feet_differ(void **state)
{
	(void)state;
	const nf_foot L = NF_FOOT_LEFT, R = NF_FOOT_RIGHT, U = NF_FOOT_UNKNOWN;
	/* one episode that does not say cannot undo both feet */
	nf_analysis *a = WITH_FEET("foot-differ", L, R, L, U);
	const nf_derived *d = nf_analysis_find(a, "same_foot");
	assert_non_null(d);
	assert_false(d->b);
	assert_string_equal(d->evidence, "not always the same foot: the left foot in 2, the right foot in 1 of 4 episodes "
					 "(1 does not say)");
	/* left in 2 of 4 is not most, and one episode in each foot is not both feet: the interview asks */
	assert_null(nf_analysis_find(a, "side"));
	assert_true(ta_needs(a, "the feet are mixed (the left foot in 2, the right foot in 1 of 4 episodes (1 does "
				"not say)), so whether it is one foot or both is left to the interview"));
	nf_analysis_free(a);

	/* One episode in both feet is both feet. */
	a = WITH_FEET("foot-both", NF_FOOT_BOTH);
	assert_string_equal(nf_analysis_find(a, "side")->choice, "both");
	assert_null(nf_analysis_find(a, "same_foot")); /* one episode says nothing of always */
	nf_analysis_free(a);
}

static void foot_not_said(void **state)
{
	(void)state;
	const nf_foot R = NF_FOOT_RIGHT, U = NF_FOOT_UNKNOWN;
	/* the third may have been the left foot: always the same is not known, but the right foot in 2
	 * of 3 is most of them whatever the third was */
	nf_analysis *a = WITH_FEET("foot-unsaid", R, R, U);
	assert_string_equal(nf_analysis_find(a, "side")->choice, "one");
	assert_string_equal(evidence(a, "side"), "one foot, the right foot in most episodes: the right foot in 2 of 3 "
						 "episodes (1 does not say)");
	assert_null(nf_analysis_find(a, "same_foot"));
	assert_true(ta_needs(a, "Record which foot (--foot left, right or both) on each episode: 1 of 3 do not say"));
	nf_analysis_free(a);

	a = WITH_FEET("foot-one", R);
	assert_string_equal(nf_analysis_find(a, "side")->choice, "one");
	assert_null(nf_analysis_find(a, "same_foot"));
	assert_true(ta_needs(a, "needs at least 2"));
	nf_analysis_free(a);
}

/* Student's t, two-sided, against closed forms (df 1: 1 - 2 atan(t) / pi; df 2:
 * 1 - t / sqrt(2 + t^2)) and against the values of R's 2 * pt(-|t|, df): the slope of 9 severities
 * over 3 weeks has t = 1.965 with 7 df, p = 0.0901 (the normal tail gave 0.049). */
static void t_known_values(void **state)
{
	(void)state;
	assert_true(fabs(an_t_two_sided(1.965, 7) - 0.0901) < 1e-4);
	assert_true(fabs(an_t_two_sided(3.201, 6) - 0.0186) < 1e-4);
	assert_true(fabs(an_t_two_sided(-3.201, 6) - 0.0186) < 1e-4);
	for (double t = 0.25; t < 40; t *= 2) {
		assert_true(fabs(an_t_two_sided(t, 1) - (1 - 2 * atan(t) / M_PI)) < 1e-10);
		assert_true(fabs(an_t_two_sided(t, 2) - (1 - t / sqrt(2 + t * t))) < 1e-10);
	}
	/* many degrees of freedom: the normal tail */
	assert_true(fabs(an_t_two_sided(1.959964, 1e6) - 0.05) < 1e-5);
	assert_true(fabs(an_t_two_sided(0, 5) - 1) < 1e-12);
	assert_true(an_t_two_sided(INFINITY, 5) == 0);
	assert_true(isnan(an_t_two_sided(1, 0)));

	/* The severities of a journal with no trend (random 2 to 5) on days 0 .. 21. */
	const double day[] = {0, 4, 5, 7, 9, 11, 12, 18, 21}, sev[] = {2, 4, 3, 5, 5, 4, 4, 4, 5};
	double wk[9], p;
	for (int i = 0; i < 9; i++)
		wk[i] = day[i] / 7;
	double b = an_slope(wk, sev, 9, &p);
	assert_true(fabs(b - 0.622) < 1e-3);
	assert_true(fabs(p - 0.0901) < 1e-3);
}

/* Noise in 9 severities over 3 weeks is not "getting worse": with the t distribution the trend's p
 * is 0.090, short of 0.05, and the 3 weeks are too few for "no". */
static void severity_noise_not_progressive(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("noise"));
	const int day[] = {0, 4, 5, 7, 9, 11, 12, 18, 21}, sev[] = {2, 4, 3, 5, 5, 4, 4, 4, 5};
	for (int i = 0; i < 9; i++)
		ta_add(j, &TA_RUN(.day = 30 + day[i], .onset_km = 5, .sev = sev[i]));
	nf_analysis *a = ta_analyze(j, NOW);
	assert_null(nf_analysis_find(a, "progressive"));
	assert_true(ta_needs(a, "the trend is not clear yet"));
	nf_analysis_free(a);
	nf_journal_close(j);
}

/* Numbness on cold days only, in a journal that runs into winter: the episodes are worse on the
 * colder runs, and the colder runs come later, so severity rises over the weeks without the course
 * worsening. With the temperature taken into account the trend is gone: not "getting worse", and
 * the needs say why. Severity that rises run after run whatever the temperature still is. */
static void cold_season_not_progressive(void **state)
{
	(void)state;
	for (int control = 0; control < 2; control++) {
		nf_journal *j = tj_open(tj_path(control ? "cold-course" : "cold-season"));
		for (int d = 0; d < 60; d += 2)
			ta_add(j, &TA_RUN(.day = d, .temp = 12));
		/* Falling temperatures and severity that follows them (5 - t, with a point of noise):
		 * the plain trend's p is 0.0001, with the temperature as a term 0.78. The control's
		 * severity rises by 0.6 a run over temperatures in no order: 1e-6 either way. */
		static const double falling[] = {4, 2, 3, 0, 1, -2, -1, -4, -3, -5};
		static const int noise[] = {0, 1, 0, -1, 1, 0, -1, 0, 1, -1};
		static const double mixed[] = {0, 3, -4, 2, -1, 4, -5, 1, -2, -3};
		for (int i = 0; i < 10; i++) {
			double t = control ? mixed[i] : falling[i];
			int sev = control ? 2 + (int)lround(0.6 * i) : 5 - (int)t + noise[i];
			ta_add(j, &TA_RUN(.day = 60 + 4 * i, .temp = t, .onset_km = 5, .sev = sev));
			ta_add(j, &TA_RUN(.day = 62 + 4 * i, .temp = 10));
		}
		nf_analysis *a = ta_analyze(j, NOW);
		const nf_derived *cold = nf_analysis_find(a, "cold_weather_worse");
		assert_non_null(cold);
		assert_true(cold->b);
		const nf_derived *d = nf_analysis_find(a, "progressive");
		if (control) {
			assert_non_null(d);
			assert_true(d->b && !d->open);
		} else {
			assert_null(d);
			assert_true(ta_needs(a, "The numbness got worse as the runs got colder"));
		}
		nf_analysis_free(a);
		nf_journal_close(j);
	}
}

/* Three onsets close together are not yet "the same distance every run" (random onsets pass the CV
 * test 16% of the time with 3), and give no usual onset distance: the needs say how many more. */
static void onset_three_not_consistent(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("onset3"));
	double at[] = {6.6, 7.5, 6.4};
	for (int i = 0; i < 3; i++)
		ta_add(j, &TA_RUN(.day = i * 10, .onset_km = at[i]));
	nf_analysis *a = ta_analyze(j, NOW);
	assert_null(nf_analysis_find(a, "onset_consistent"));
	assert_null(nf_analysis_find(a, "onset_km"));
	assert_true(ta_needs(a, "on 2 more episodes: whether it starts at the same distance, and at what distance, "
				"needs 5 (now 3"));
	nf_analysis_free(a);
	nf_journal_close(j);
}

/* Onsets that scatter (3.6, 3.9, 6.9, 2.8 km: CV 0.42) give no "usually starts at" distance, and the
 * needs say why; the same with 5 onsets at CV 0.27. */
static void onset_scattered_no_usual_km(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("onset-cv42"));
	double at[] = {3.6, 3.9, 6.9, 2.8};
	for (int i = 0; i < 4; i++)
		ta_add(j, &TA_RUN(.day = i * 10, .onset_km = at[i]));
	nf_analysis *a = ta_analyze(j, NOW);
	assert_null(nf_analysis_find(a, "onset_consistent"));
	assert_null(nf_analysis_find(a, "onset_km"));
	assert_true(ta_needs(a, "coefficient of variation 0.42), so no usual onset distance is given yet"));
	nf_analysis_free(a);
	nf_journal_close(j);

	j = tj_open(tj_path("onset-cv30"));
	double at5[] = {4, 6, 8, 5, 7.5};
	for (int i = 0; i < 5; i++)
		ta_add(j, &TA_RUN(.day = i * 10, .onset_km = at5[i]));
	a = ta_analyze(j, NOW);
	assert_null(nf_analysis_find(a, "onset_consistent"));
	assert_null(nf_analysis_find(a, "onset_km"));
	assert_true(ta_needs(a, "The onset varies (coefficient of variation 0.27 over 5 episodes), so no usual onset "
				"distance is given"));
	nf_analysis_free(a);
	nf_journal_close(j);
}

/* Recovery lengthening from 4 to 300 min over 12 weeks at the same severity: resolve_minutes is what
 * the runner would say now (the median of the latest 3, 180 min, not 32.5 of all 10), and the
 * lengthening alone makes it progressive, said in the evidence. */
static void recovery_lengthening_is_progressive(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("recovery-longer"));
	const int day[] = {0, 9, 19, 27, 37, 46, 54, 65, 72, 81};
	const double rec[] = {4, 6, 10, 15, 25, 40, 70, 120, 180, 300};
	for (int i = 0; i < 10; i++)
		ta_add(j, &TA_RUN(.day = 20 + day[i], .onset_km = 5, .sev = 4, .recover = rec[i]));
	nf_analysis *a = ta_analyze(j, TA_T0 + 110 * TA_DAY);
	const nf_derived *d = nf_analysis_find(a, "resolve_minutes");
	assert_non_null(d);
	assert_true(fabs(d->x - 180) < 1e-9);
	assert_non_null(strstr(d->evidence, "median 180 min until feeling came back over the latest 3 episodes with a "
					    "recovery time (all 10: 4 to 300 min, median 32)"));
	d = nf_analysis_find(a, "progressive");
	assert_non_null(d);
	assert_true(d->b);
	assert_false(d->open);
	assert_non_null(strstr(d->evidence, "recovery lengthened from 4 to 300 min (10 episodes with a recovery time, "
					    "trend of the log minutes p < 0.001)"));
	assert_null(strstr(d->evidence, "severity rose"));
	nf_analysis_free(a);
	nf_journal_close(j);

	/* Steady recovery times at a steady severity: no lengthening claimed. */
	j = tj_open(tj_path("recovery-steady"));
	const double flat[] = {10, 12, 9, 11, 10, 12, 9, 11, 10, 12};
	for (int i = 0; i < 10; i++)
		ta_add(j, &TA_RUN(.day = 20 + day[i], .onset_km = 5, .sev = 4, .recover = flat[i]));
	a = ta_analyze(j, TA_T0 + 110 * TA_DAY);
	d = nf_analysis_find(a, "progressive");
	assert_true(d == NULL || !d->b);
	nf_analysis_free(a);
	nf_journal_close(j);
}

/* "Both feet" to a doctor is a bilateral process: both only when most episodes were in both feet,
 * one foot when most name the same one; 2 left, 1 right, 1 both is left to the interview. */
static void side_by_most_episodes(void **state)
{
	(void)state;
	const nf_foot L = NF_FOOT_LEFT, R = NF_FOOT_RIGHT, B = NF_FOOT_BOTH;
	nf_analysis *a = WITH_FEET("side-mixed", L, R, B, L);
	assert_null(nf_analysis_find(a, "side"));
	assert_true(ta_needs(a, "the feet are mixed (the left foot in 2, the right foot in 1, both feet in 1 of 4 "
				"episodes)"));
	nf_analysis_free(a);

	a = WITH_FEET("side-most-left", L, L, B, L);
	assert_string_equal(nf_analysis_find(a, "side")->choice, "one");
	assert_string_equal(evidence(a, "side"),
			    "one foot, the left foot in most episodes: the left foot in 3, both feet in 1 of 4 episodes");
	nf_analysis_free(a);

	a = WITH_FEET("side-most-both", B, L, B, B);
	assert_string_equal(nf_analysis_find(a, "side")->choice, "both");
	assert_string_equal(evidence(a, "side"),
			    "both feet in most episodes: the left foot in 1, both feet in 3 of 4 episodes");
	nf_analysis_free(a);

	/* feet that alternate are not both feet at once */
	a = WITH_FEET("side-alternate", L, R, L, R);
	assert_null(nf_analysis_find(a, "side"));
	nf_analysis_free(a);
}

static void json_shape(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("json"));
	for (int i = 0; i < 5; i++)
		ta_add(j, &TA_RUN(.day = i * 3, .onset_km = 7, .recover = 4));
	nf_analysis *a = ta_analyze(j, NOW);
	char *text = nf_analysis_json(a);
	json_t *root = json_loads(text, 0, NULL);
	assert_non_null(root);
	json_t *f = json_object_get(json_object_get(root, "findings"), "onset_km");
	assert_true(json_is_real(json_object_get(f, "value")));
	assert_true(json_is_string(json_object_get(f, "evidence")));
	assert_int_equal(json_integer_value(json_object_get(json_object_get(f, "support"), "episodes")), 5);
	assert_true(json_is_boolean(json_object_get(json_object_get(json_object_get(root, "findings"), "onset_consistent"),
						    "value")));
	assert_null(json_object_get(json_object_get(root, "findings"), "only_some_shoes"));
	assert_true(json_is_array(json_object_get(root, "needs")));
	assert_true(json_is_object(json_object_get(root, "training")));
	json_decref(root);
	free(text);
	nf_analysis_free(a);
	nf_journal_close(j);
}

static void apply_to_engine(void **state)
{
	(void)state;
	nf_kb *kb = NULL;
	nf_engine *e = runner_engine(&kb);
	nf_error err = {0};
	nf_journal *j = tj_open(tj_path("apply"));
	for (int i = 0; i < 5; i++)
		ta_add(j, &TA_RUN(.day = i * 3, .onset_km = 7, .recover = 4, .loosen = 1));
	nf_analysis *a = ta_analyze(j, NOW);
	size_t n = 0;
	assert_int_equal(nf_analysis_apply(a, e, &n, &err), NF_OK);
	assert_int_equal(n, nf_analysis_findings(a));
	nf_value v;
	int f = nf_kb_finding_index(kb, "onset_km");
	assert_true(f >= 0);
	assert_int_equal(nf_engine_state(e, (size_t)f, &v), NF_ANSWERED);
	assert_true(fabs(v.x - 7) < 1e-9);
	f = nf_kb_finding_index(kb, "relief_loosening");
	assert_int_equal(nf_engine_state(e, (size_t)f, &v), NF_ANSWERED);
	assert_true(v.b);
	nf_analysis_free(a);
	nf_journal_close(j);

	/* An enum answer (side) goes in by its value; the journal's own same_foot has no question. */
	nf_engine_free(e);
	assert_int_equal(nf_engine_new(kb, NF_MODE_RUNNER, &e, &err), NF_OK);
	a = WITH_FEET("apply-foot", NF_FOOT_RIGHT, NF_FOOT_RIGHT, NF_FOOT_RIGHT);
	assert_non_null(nf_analysis_find(a, "same_foot"));
	assert_int_equal(nf_analysis_apply(a, e, &n, &err), NF_OK);
	assert_int_equal(n, nf_analysis_findings(a) - 1);
	f = nf_kb_finding_index(kb, "side");
	assert_int_equal(nf_engine_state(e, (size_t)f, &v), NF_ANSWERED);
	assert_int_equal(v.index, nf_kb_finding_value_index(kb, (size_t)f, "one"));
	assert_true(nf_kb_finding_index(kb, "same_foot") < 0);
	nf_analysis_free(a);
	nf_engine_free(e);
	nf_kb_free(kb);
}

static void parse_now(void **state)
{
	(void)state;
	int64_t t;
	/* The clock of analyze, assess and report --now: lib/core's reader of a moment. */
	assert_int_equal(nf_moment_parse("2026-01-01", &t, NULL), NF_OK);
	assert_int_equal(t, TA_T0);
	assert_int_equal(nf_moment_parse("2026-01-01T00:00:10Z", &t, NULL), NF_OK);
	assert_int_equal(t, TA_T0 + 10);
	assert_int_equal(nf_moment_parse("yesterday", &t, NULL), NF_EPARSE);
}

static int teardown(void **state)
{
	(void)state;
	tj_cleanup();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fisher_known_values),
		cmocka_unit_test(mann_whitney_with_ties),
		cmocka_unit_test(empty_journal_derives_nothing),
		cmocka_unit_test(onset_consistent_and_km),
		cmocka_unit_test(words_in_miles),
		cmocka_unit_test(onset_scattered),
		cmocka_unit_test(onset_too_few),
		cmocka_unit_test(one_pair_implicated),
		cmocka_unit_test(both_pairs_affected),
		cmocka_unit_test(shoes_undecided_says_how_many_runs),
		cmocka_unit_test(one_pair_only),
		cmocka_unit_test(new_shoes_began_it),
		cmocka_unit_test(worn_on_entry_not_new),
		cmocka_unit_test(old_shoes_not_new),
		cmocka_unit_test(shoe_km_and_worn_insoles),
		cmocka_unit_test(one_episode_is_one),
		cmocka_unit_test(pace_needs_ask_for_what_is_missing),
		cmocka_unit_test(shoe_km_words_match_value),
		cmocka_unit_test(insoles_without_retirement_ask),
		cmocka_unit_test(cold_weather),
		cmocka_unit_test(pace),
		cmocka_unit_test(onset_minutes_converted_at_the_runs_pace),
		cmocka_unit_test(pace_heart_rate_needs_a_real_difference),
		cmocka_unit_test(pace_explained_by_shoes),
		cmocka_unit_test(open_findings_not_applied),
		cmocka_unit_test(shoes_left_out_counted),
		cmocka_unit_test(progression),
		cmocka_unit_test(recovery_and_flags),
		cmocka_unit_test(recovery_hours_not_settled),
		cmocka_unit_test(recovery_limit_is_kb_range),
		cmocka_unit_test(weeks_since_onset_uses_the_clock),
		cmocka_unit_test(clock_is_the_cut_off),
		cmocka_unit_test(pair_worn_with_distance),
		cmocka_unit_test(pair_clean_at_first_is_not_always_wear),
		cmocka_unit_test(training_increase_before_onset),
		cmocka_unit_test(training_increase_flat_or_unknown),
		cmocka_unit_test(weekly_km_from_weeks_with_runs),
		cmocka_unit_test(weekly_km_from_the_record_only),
		cmocka_unit_test(not_settled_episode),
		cmocka_unit_test(shoe_km_retirement_of_the_worn_pair),
		cmocka_unit_test(training_facts),
		cmocka_unit_test(places_from_episodes),
		cmocka_unit_test(training_where_the_runs_begin),
		cmocka_unit_test(training_old_run_is_not_the_record),
		cmocka_unit_test(both_feet_every_time),
		cmocka_unit_test(same_foot_every_time),
		cmocka_unit_test(feet_differ),
		cmocka_unit_test(foot_not_said),
		cmocka_unit_test(t_known_values),
		cmocka_unit_test(severity_noise_not_progressive),
		cmocka_unit_test(cold_season_not_progressive),
		cmocka_unit_test(onset_three_not_consistent),
		cmocka_unit_test(onset_scattered_no_usual_km),
		cmocka_unit_test(recovery_lengthening_is_progressive),
		cmocka_unit_test(side_by_most_episodes),
		cmocka_unit_test(json_shape),
		cmocka_unit_test(apply_to_engine),
		cmocka_unit_test(parse_now),
	};
	return cmocka_run_group_tests_name("analyze", tests, NULL, teardown);
}
