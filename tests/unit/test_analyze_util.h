/* Builders for the analysis and report tests: a journal per test in a temporary file, runs with
 * or without an episode, one line each. */
#ifndef TEST_ANALYZE_UTIL_H
#define TEST_ANALYZE_UTIL_H

#include "test_journal_util.h"
#include "numbfoot/analyze.h"

#define TA_DAY 86400
#define TA_T0 1767225600 /* 2026-01-01T00:00:00Z */

/* One run on day `day` after TA_T0: km at pace s/km in shoes (0 none); onset_km > 0 records an
 * episode there with severity sev (-1 unknown). */
struct ta_run {
	int day;
	double km, pace;
	int64_t shoes;
	double onset_km;
	int sev;
	double temp, cadence, recover;
	int cramp, loosen;
	nf_foot foot; /* which foot the episode was in; unknown unless given */
	uint32_t places; /* where the episode was: bit i is nf_location_name(i); none unless given */
	double hr;        /* average heart rate; unknown unless given */
	double onset_min; /* > 0: an episode this many minutes in (with onset_km, or alone) */
};

static inline int64_t ta_add(nf_journal *j, const struct ta_run *x)
{
	nf_journal_run r = tj_run(x->km, TA_T0 + (int64_t)x->day * TA_DAY);
	nf_error err = {0};
	r.rec.moving_s = x->pace > 0 ? x->pace * x->km : NAN;
	r.rec.elapsed_s = r.rec.moving_s;
	r.shoes_id = x->shoes;
	r.rec.temperature_c = x->temp;
	r.rec.cadence_spm = x->cadence;
	r.rec.heart_rate_bpm = x->hr;
	nf_episode e;
	nf_episode_init(&e);
	size_t n = 0;
	if (x->onset_km > 0 || x->onset_min > 0) {
		if (x->onset_km > 0)
			e.onset_km = x->onset_km;
		if (x->onset_min > 0)
			e.onset_min = x->onset_min;
		e.severity = x->sev;
		e.recover_min = x->recover;
		e.calf_cramp_first = x->cramp;
		e.loosening_helped = x->loosen;
		e.foot = x->foot;
		e.locations = x->places;
		n = 1;
	}
	nf_err rc = nf_journal_add_run(j, &r, &e, n, NULL, &err);
	if (rc)
		fprintf(stderr, "add_run: %s\n", err.msg);
	assert_int_equal(rc, NF_OK);
	return r.id;
}

/* A run with defaults: no temperature, cadence or recovery, unknown flags. The arguments override
 * the defaults on purpose, hence the pragma. */
#pragma GCC diagnostic ignored "-Woverride-init"
#define TA_RUN(...) \
	((struct ta_run){.km = 10, .pace = 330, .sev = -1, .temp = NAN, .cadence = NAN, .recover = NAN, .cramp = -1, \
			 .loosen = -1, .hr = NAN, __VA_ARGS__})

static inline nf_analysis *ta_analyze(nf_journal *j, int64_t now)
{
	nf_analysis *a = NULL;
	nf_error err = {0};
	nf_err rc = nf_analyze(j, now, &a, &err);
	if (rc)
		fprintf(stderr, "analyze: %s\n", err.msg);
	assert_int_equal(rc, NF_OK);
	return a;
}

/* True when some "needs" line contains text. */
static inline bool ta_needs(const nf_analysis *a, const char *text)
{
	for (size_t i = 0; i < nf_analysis_needs(a); i++)
		if (strstr(nf_analysis_need(a, i), text))
			return true;
	return false;
}

static inline bool ta_advice(const nf_analysis *a, const char *text)
{
	for (size_t i = 0; i < nf_analysis_advice(a); i++)
		if (strstr(nf_analysis_advice_text(a, i), text))
			return true;
	return false;
}

#endif
