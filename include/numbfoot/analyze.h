/* numbfoot: analysis of the run journal into findings for the engine (docs/analysis.md).
 *
 * nf_analyze reads the runs, episodes and gear of a journal (through its public API only) and
 * derives, where the data are enough, findings of the vocabulary (onset_km, only_some_shoes,
 * cold_weather_worse, ...) each with its value, the evidence in words and the runs and episodes it
 * rests on. Where the data are not enough it says what more to log instead. It also gathers the
 * training facts that the plan and the report use: weekly distance, cadence and stride, and how
 * each pair of shoes has aged. The analysis knows nothing of the knowledge base; nf_analysis_apply
 * maps its findings onto an engine by ID.
 *
 * An nf_analysis is a read-only snapshot; it does not keep the journal open.
 */
#ifndef NUMBFOOT_ANALYZE_H
#define NUMBFOOT_ANALYZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "numbfoot/engine.h"
#include "numbfoot/error.h"
#include "numbfoot/journal.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct nf_analysis nf_analysis;

/* Thresholds, stated here so that docs and tests quote one place. */
#define NF_AN_MIN_EPISODES 3        /* episodes before an onset pattern is judged */
#define NF_AN_ONSET_CV 0.25         /* onset distance (or minute) CV below this: consistent */
#define NF_AN_ONSET_CV_SCATTER 0.5  /* CV above this (with 4+ episodes): not consistent */
#define NF_AN_ALPHA 0.05            /* exact tests: a difference more than chance */
#define NF_AN_COLD_C 5.0            /* cold run: average temperature below this, degrees C */
#define NF_AN_NEW_SHOES_DAYS 28     /* episodes began within this many days of a new pair */
#define NF_AN_PLACES_MIN 2          /* episodes that say where, before where it is is derived */
#define NF_AN_WORN_ON_ENTRY_KM 100  /* a pair entered with more, and no first-use date, was not new then */
#define NF_AN_LOW_CADENCE 160.0     /* steps per minute; below it the plan suggests raising it */
#define NF_AN_ONSET_SCATTER_MIN 4   /* episodes before a scattered onset counts as not consistent */
#define NF_AN_ONSET_CONSISTENT_MIN 5 /* onsets before "starts at the same distance" (and a usual
				      * onset_km): 3 random onsets pass the CV test 16% of the time */
#define NF_AN_OPEN_P 0.2            /* a "no" from an exact or rank test needs p at least this */
#define NF_AN_OPEN_TREND_P 0.3      /* the same for the severity trend */
#define NF_AN_RATE_MARGIN 0.1       /* a rate at most this much higher counts as no higher */
#define NF_AN_PAIR_EPISODE_RUNS 2   /* episode runs in each of two pairs before "not only some shoes" */
#define NF_AN_SETTLE_RUNS_MAX 30    /* "k more runs would settle it" looks this far */
#define NF_AN_CLEAN_RUNS 3          /* runs without numbness in other shoes before new shoes count */
#define NF_AN_SEASONED_RUNS 5       /* runs without numbness in a pair twice NF_AN_NEW_SHOES_DAYS old:
				     * not new shoes */
#define NF_AN_EACH_SIDE_MIN 3       /* runs each side (cold and warm, with and without numbness) to test */
#define NF_AN_COLD_NO_EACH_SIDE 6   /* cold and warm runs each before "no more in the cold" */
#define NF_AN_PACE_NO_EACH_SIDE 5   /* runs each side before "no faster" */
#define NF_AN_HR_MIN_BPM 5.0        /* median heart rate this much higher on episode runs: harder */
#define NF_AN_TREND_EPISODES 4      /* episodes ... */
#define NF_AN_TREND_WEEKS 3         /* ... over weeks, before a trend is judged */
#define NF_AN_TREND_SEVERITIES 5    /* severities before their slope counts */
#define NF_AN_STEADY_EPISODES 6     /* episodes ... */
#define NF_AN_STEADY_WEEKS 6        /* ... over weeks, before "not progressive" */
#define NF_AN_RECOVERIES 2          /* recovery times before resolves_on_stopping */
#define NF_AN_RECENT_RECOVERIES 3   /* resolve_minutes: the median of this many latest recovery times */
#define NF_AN_TREND_RECOVERIES 5    /* recovery times before their lengthening counts */
#define NF_AN_SETTLED_MIN 60        /* a recovery past this took longer than "goes away after stopping" */
#define NF_AN_FLAG_YES_MIN 2        /* known flags before "half or more say yes" counts */
#define NF_AN_FLAG_NO_MIN 3         /* known flags before "under a quarter say yes" counts as no */
#define NF_AN_SAME_FOOT_MIN 2       /* episodes naming a foot before same_foot */
#define NF_AN_VOLUME_RISE_PCT 30.0  /* weekly distance up this much ... */
#define NF_AN_VOLUME_MIN_KM 10.0    /* ... from at least this much a week: advice to hold it */
#define NF_AN_RECORD_GAP_DAYS 28    /* a gap longer than this between runs: the record starts again */
#define NF_AN_LOAD_RUNS_MIN 3       /* runs with a distance in each 4-week window before training_increase */
#define NF_AN_LOAD_FLAT_PCT 10.0    /* weekly distance up at most this before the first episode: no rise */
#define NF_AN_WEEKLY_WEEKS 8        /* weekly_km: the latest this many complete weeks that have runs ... */
#define NF_AN_WEEKLY_WEEKS_MIN 3    /* ... at least this many of them */
#define NF_AN_WORN_CLEAN_RUNS 5     /* clean runs in a pair before its first episode, before the episodes
				     * can be read as the pair wearing out */

#define NF_AN_NOT_SETTLED_MIN 120   /* an episode whose feeling took this many minutes or more to come
				     * back ... */
#define NF_AN_NOT_SETTLED_DAYS 2    /* ... on a run in this many days before the clock: the warning sign
				     * of numbness not settled hours later (the finding not_settled_hours) */

#define NF_AN_EVIDENCE_MAX 320
#define NF_AN_TEXT_MAX 320

/* One derived finding. value follows the vocabulary's type: b for bool, x for number, choice for
 * enum, places for where the numbness is (a set). A few (same_foot) are the journal's own, with no
 * question in the knowledge base: they are shown and reported, and nf_analysis_apply leaves them
 * out. */
typedef struct nf_derived {
	const char *id;        /* finding ID (static string) */
	bool is_number;
	bool is_km;            /* x is a distance in km (onset_km, shoe_km, weekly_km): a face shows
				* it in the runner's unit, as the evidence words are */
	bool b;
	double x;
	const char *choice;    /* an enum finding's value ID (static string), else NULL */
	bool is_places;
	uint32_t places;       /* bit i: nf_location_name(i), when is_places */
	char evidence[NF_AN_EVIDENCE_MAX];
	int runs, episodes;    /* support: how many runs and episodes it rests on */
	/* A "no" that rests on a test short of significance (p >= 0.05 and no difference seen): it
	 * is shown with its evidence, but absence of evidence settles nothing, so
	 * nf_analysis_apply leaves the question open for the runner. */
	bool open;
} nf_derived;

/* One run as the analysis sees it (oldest first). */
typedef struct nf_an_run {
	int64_t id;
	int64_t time;          /* start, Unix seconds; -1 unknown */
	double km;             /* NaN unknown */
	double pace_s_km;      /* moving seconds per km; NaN unknown */
	double cadence_spm, stride_m, temperature_c, heart_rate_bpm; /* NaN unknown */
	int64_t shoes_id;      /* 0 none */
	int64_t insoles_id;    /* 0 none */
	double shoe_km;        /* the shoes' distance at the end of this run; NaN when no shoes */
	double insole_km;      /* the same for insoles */
	int episodes;          /* episodes recorded on this run */
	double onset_km;       /* earliest onset on this run, km; NaN unknown or none */
	double onset_min;
	int severity;          /* highest severity on this run; -1 unknown */
} nf_an_run;

/* One episode and the run it happened on (index into nf_analysis_runs). */
typedef struct nf_an_episode {
	nf_episode ep;
	size_t run;
} nf_an_episode;

/* One pair of shoes or insoles and how it has aged. */
typedef struct nf_an_gear {
	nf_gear gear;          /* as the journal has it (used_km, retire_km, runs) */
	nf_wear wear;
	int runs_logged;       /* runs in it that the journal holds */
	int episode_runs;      /* of those, runs with an episode */
	int64_t in_service;    /* first_use, else its first run (Unix seconds); -1 unknown */
	int64_t first_episode; /* start of its first run with an episode; -1 none */
	double km_at_episodes; /* median shoe distance at its episode runs; NaN none */
	double km_first_episode; /* its distance at the end of its first run with an episode; NaN none */
	int clean_before;      /* its runs logged before that one, all without numbness (all its runs
				* when it has no episode) */
	bool worn_pattern;     /* its episodes all came after a distance at which its earlier runs were
				* clean: at least NF_AN_WORN_CLEAN_RUNS of them, past its check distance,
				* and too many to be chance at its episode rate since (p < NF_AN_ALPHA) */
} nf_an_gear;

/* One calendar week (Monday 00:00 UTC). */
typedef struct nf_an_week {
	int64_t start;
	double km;
	int runs, episodes;
	double severity;       /* mean severity of its episodes; NaN none */
} nf_an_week;

/* Training facts. Unknown values are NaN (or -1 for counts). A weekly mean is known only when the
 * journal's unbroken record (record_start) covers its 4 weeks, from at most a week after their
 * start: a journal begun 2 weeks ago, or 6 weeks ago after one run imported from years before,
 * has no 4 weeks before, and "0 km" there would read as a rise from nothing. */
typedef struct nf_training {
	int64_t first_run;      /* the earliest run logged before now (Unix seconds), -1 none */
	int64_t record_start;   /* where the unbroken record before now begins: the first run after the
				 * last gap of more than NF_AN_RECORD_GAP_DAYS between runs; -1 none */
	double km_recent;       /* km logged over the last 4 weeks before now; NaN without runs */
	double week_km_recent;  /* mean weekly km over the last 4 weeks before now */
	double week_km_before;  /* mean weekly km over the 4 weeks before those */
	double week_change_pct; /* (recent - before) / before * 100; NaN when before is 0 or unknown */
	double cadence_spm;     /* median of the latest 10 runs with a cadence */
	int cadence_runs;
	double stride_m;        /* median of the latest 10 runs with a stride length */
	int stride_runs;
} nf_training;

/* Reads the journal and analyses it against the clock now (Unix seconds; weeks since onset and
 * the recent weeks count back from it). On success *out is a new analysis freed with
 * nf_analysis_free (which accepts NULL). */
NF_API nf_err nf_analyze(nf_journal *j, int64_t now, nf_analysis **out, nf_error *err);
/* The same, with the distances in its words (evidence, needs, advice) in units; the values of
 * the findings and of the training figures stay in km, as the vocabulary has them. */
NF_API nf_err nf_analyze_in(nf_journal *j, int64_t now, nf_units units, nf_analysis **out, nf_error *err);
NF_API nf_units nf_analysis_units(const nf_analysis *a);
NF_API void nf_analysis_free(nf_analysis *a);

NF_API int64_t nf_analysis_now(const nf_analysis *a);

/* The derived findings, in a fixed order; and one by ID (NULL when not derived). */
NF_API size_t nf_analysis_findings(const nf_analysis *a);
NF_API const nf_derived *nf_analysis_finding(const nf_analysis *a, size_t i);
NF_API const nf_derived *nf_analysis_find(const nf_analysis *a, const char *id);

/* What more to log, in words ("two more runs in the blue shoes would settle ..."). */
NF_API size_t nf_analysis_needs(const nf_analysis *a);
NF_API const char *nf_analysis_need(const nf_analysis *a, size_t i);

/* Advice from the runner's own data for the plan: shoes past retirement by nickname, a low
 * cadence with its 5-10% target in steps per minute, laces and toe box when one pair is
 * implicated. */
NF_API size_t nf_analysis_advice(const nf_analysis *a);
NF_API const char *nf_analysis_advice_text(const nf_analysis *a, size_t i);

/* Whether episode e, on a run that started at run_start (Unix seconds; -1 unknown), is the warning
 * sign of numbness not settled hours later: feeling took NF_AN_NOT_SETTLED_MIN minutes or more to
 * come back, or had not come back when the episode was logged (not_back), on a run started in the
 * NF_AN_NOT_SETTLED_DAYS days up to now (a run a few minutes after now, as a watch's clock may put
 * it, counts as now). */
NF_API bool nf_episode_not_settled(const nf_episode *e, int64_t run_start, int64_t now);
/* The same, said as the assessment says the sign: when e is one (nf_episode_not_settled), the
 * level of kb's warning sign not_settled_hours, with its words in units into says (cap bytes);
 * -1 when it is not one, or kb has no such sign. The terminal and the page both say it so. */
NF_API int nf_episode_sign(const nf_kb *kb, const nf_episode *e, int64_t run_start, int64_t now, nf_units units,
			   char *says, size_t cap);
/* The latest episode in a for which nf_episode_not_settled holds at a's clock, or NULL. Owned by a. */
NF_API const nf_an_episode *nf_analysis_not_settled(const nf_analysis *a);

/* The data behind the figures; arrays owned by a (valid until nf_analysis_free). */
NF_API const nf_an_run *nf_analysis_runs(const nf_analysis *a, size_t *n);
NF_API const nf_an_episode *nf_analysis_episodes(const nf_analysis *a, size_t *n);
NF_API const nf_an_gear *nf_analysis_gear(const nf_analysis *a, size_t *n);
NF_API const nf_an_week *nf_analysis_weeks(const nf_analysis *a, size_t *n);
NF_API const nf_training *nf_analysis_training(const nf_analysis *a);

/* Answers each derived finding the engine's knowledge base knows (nf_engine_answer); findings
 * it does not know, whose value it refuses, or that are open (nf_derived.open: a test short of
 * significance) are skipped and left to the interview. *applied
 * (may be NULL) gets how many were answered. Returns NF_OK. */
NF_API nf_err nf_analysis_apply(const nf_analysis *a, nf_engine *e, size_t *applied, nf_error *err);

/* The analysis as JSON text: {now, findings: {ID: {value, evidence, support: {runs, episodes}}},
 * needs: [...], advice: [...], training: {...}}. The caller frees it with free(); NULL when out of
 * memory. */
NF_API char *nf_analysis_json(const nf_analysis *a);

#ifdef __cplusplus
}
#endif
#endif
