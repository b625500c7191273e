/* numbfoot analysis, the derivations: from the runs and episodes loaded by analyze.c to findings
 * with their evidence, what more to log, training facts and advice (docs/analysis.md). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analyze/analyze_priv.h"
#include "core/alloc.h"

/* ---- findings, needs and advice ---- */

static nf_derived *add_find(nf_analysis *a, const char *id, int runs, int episodes, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
static nf_derived *add_find(nf_analysis *a, const char *id, int runs, int episodes, const char *fmt, ...)
{
	if (a->nfind >= AN_MAX_FINDINGS)
		return NULL;
	nf_derived *d = &a->find[a->nfind++];
	memset(d, 0, sizeof *d);
	d->id = id;
	d->runs = runs;
	d->episodes = episodes;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(d->evidence, sizeof d->evidence, fmt, ap);
	va_end(ap);
	return d;
}

#define FIND_BOOL(a, id, val, runs, eps, ...) \
	do { \
		nf_derived *d_ = add_find(a, id, runs, eps, __VA_ARGS__); \
		if (d_) \
			d_->b = (val); \
	} while (0)
/* A "no" from a test that did not reach significance: see nf_derived.open. */
#define FIND_BOOL_OPEN(a, id, runs, eps, ...) \
	do { \
		nf_derived *d_ = add_find(a, id, runs, eps, __VA_ARGS__); \
		if (d_) \
			d_->b = false, d_->open = true; \
	} while (0)
#define FIND_CHOICE(a, id, val, runs, eps, ...) \
	do { \
		nf_derived *d_ = add_find(a, id, runs, eps, __VA_ARGS__); \
		if (d_) \
			d_->choice = (val); \
	} while (0)
#define FIND_NUM(a, id, val, runs, eps, ...) \
	do { \
		nf_derived *d_ = add_find(a, id, runs, eps, __VA_ARGS__); \
		if (d_) \
			d_->is_number = true, d_->x = (val); \
	} while (0)
/* The same for a distance in km. */
#define FIND_KM(a, id, val, runs, eps, ...) \
	do { \
		nf_derived *d_ = add_find(a, id, runs, eps, __VA_ARGS__); \
		if (d_) \
			d_->is_number = true, d_->is_km = true, d_->x = (val); \
	} while (0)

static void add_text(char (*list)[NF_AN_TEXT_MAX], size_t *n, size_t cap, const char *fmt, va_list ap)
{
	if (*n >= cap)
		return;
	vsnprintf(list[*n], NF_AN_TEXT_MAX, fmt, ap);
	(*n)++;
}

static void need(nf_analysis *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void need(nf_analysis *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add_text(a->need, &a->nneed, AN_MAX_NEEDS, fmt, ap);
	va_end(ap);
}

static void advise(nf_analysis *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void advise(nf_analysis *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add_text(a->advice, &a->nadvice, AN_MAX_ADVICE, fmt, ap);
	va_end(ap);
}

static const char *pval(double p, char buf[24])
{
	if (p < 0.001)
		snprintf(buf, 24, "p < 0.001");
	else
		snprintf(buf, 24, "p = %.3f", p);
	return buf;
}

static const char *plural(int n)
{
	return n == 1 ? "" : "s";
}

static nf_an_gear *gear_by_id(nf_analysis *a, int64_t id)
{
	for (size_t i = 0; i < a->ngear; i++)
		if (a->gear[i].gear.id == id)
			return &a->gear[i];
	return NULL;
}

/* ---- derivations ---- */

/* Scratch room for a derivation: WORK_ARRAYS arrays of one more double than there are runs or
 * episodes, whichever is more (an_derive allocates them once). */
#define WORK_ARRAYS 6
struct work {
	double *v[WORK_ARRAYS];
};

static int episode_runs(const nf_analysis *a)
{
	int n = 0;
	for (size_t i = 0; i < a->nrun; i++)
		n += a->run[i].episodes > 0;
	return n;
}

static void derive_onset(nf_analysis *a, const struct work *w)
{
	size_t n = 0, nm = 0;
	double *km = w->v[0], *mn = w->v[1];
	for (size_t i = 0; i < a->nrun; i++) {
		if (isfinite(a->run[i].onset_km) && a->run[i].onset_km > 0)
			km[n++] = a->run[i].onset_km;
		if (isfinite(a->run[i].onset_min) && a->run[i].onset_min > 0)
			mn[nm++] = a->run[i].onset_min;
	}
	double mean, sd, cv;
	bool by_km = n >= NF_AN_MIN_EPISODES || n >= nm;
	double *v = by_km ? km : mn;
	size_t nv = by_km ? n : nm;
	const char *unit = by_km ? an_unit(a) : "min";
	if (nv < NF_AN_MIN_EPISODES) {
		need(a, "Record where the numbness starts (--numb-at KM, or 25min) on %zu more episode%s: "
			"whether it starts at the same distance needs %d.",
		     NF_AN_ONSET_CONSISTENT_MIN - nv, plural((int)(NF_AN_ONSET_CONSISTENT_MIN - nv)),
		     NF_AN_ONSET_CONSISTENT_MIN);
		return;
	}
	an_mean_sd(v, nv, &mean, &sd);
	cv = mean > 0 ? sd / mean : NAN;
	double med = an_median(v, nv), lo = v[0], hi = v[0];
	for (size_t i = 1; i < nv; i++)
		lo = fmin(lo, v[i]), hi = fmax(hi, v[i]);
	/* The words in the runner's units; the coefficient of variation has none. */
	double shown = by_km ? an_dist(a, 1) : 1;
	/* Same distance every run points toward compartment and arterial causes (dossier §7), so it
	 * needs NF_AN_ONSET_CONSISTENT_MIN onsets: random onsets pass the CV test 16% of the time with
	 * 3. A usual onset distance (onset_km) is given only with it: the engine reads onset_km as
	 * "usually starts at", which scattered or too few onsets do not show. */
	bool consistent = cv < NF_AN_ONSET_CV && nv >= NF_AN_ONSET_CONSISTENT_MIN;
	if (consistent)
		FIND_BOOL(a, "onset_consistent", true, (int)nv, (int)nv,
			  "onset at %.1f %s on average (sd %.1f, coefficient of variation %.2f < %.2f) over %zu "
			  "episode runs",
			  mean * shown, unit, sd * shown, cv, NF_AN_ONSET_CV, nv);
	else if (cv > NF_AN_ONSET_CV_SCATTER && nv >= NF_AN_ONSET_SCATTER_MIN)
		FIND_BOOL(a, "onset_consistent", false, (int)nv, (int)nv,
			  "onset scattered from %.1f to %.1f %s (coefficient of variation %.2f > %.2f) over %zu "
			  "episode runs, so no usual onset distance is given",
			  lo * shown, hi * shown, unit, cv, NF_AN_ONSET_CV_SCATTER, nv);
	else if (nv < NF_AN_ONSET_CONSISTENT_MIN)
		need(a, "Record where the numbness starts (--numb-at KM, or 25min) on %zu more episode%s: "
			"whether it starts at the same distance, and at what distance, needs %d (now %zu, "
			"coefficient of variation %.2f), so no usual onset distance is given yet.",
		     NF_AN_ONSET_CONSISTENT_MIN - nv, plural((int)(NF_AN_ONSET_CONSISTENT_MIN - nv)),
		     NF_AN_ONSET_CONSISTENT_MIN, nv, cv);
	else
		need(a, "The onset varies (coefficient of variation %.2f over %zu episodes), so no usual onset "
			"distance is given: a few more episodes with where it starts (--numb-at) would show whether it settles at "
			"one distance.",
		     cv, nv);
	if (consistent && by_km)
		FIND_KM(a, "onset_km", round(med * 10) / 10, (int)nv, (int)nv,
			 "median onset %.1f %s into the run over %zu episode runs", an_dist(a, med), an_unit(a), nv);
	else if (consistent) {
		/* The interview asks how far in: from the minutes, at each run's own average pace. That
		 * pace includes the easier first minutes, so the distance is a little short if anything;
		 * the evidence says it is converted. */
		double *conv = w->v[2];
		size_t nc = 0;
		for (size_t i = 0; i < a->nrun; i++) {
			const nf_an_run *x = &a->run[i];
			if (isfinite(x->onset_min) && x->onset_min > 0 && isfinite(x->pace_s_km) && x->pace_s_km > 0)
				conv[nc++] = x->onset_min * 60 / x->pace_s_km;
		}
		if (nc >= NF_AN_MIN_EPISODES) {
			double km_med = an_median(conv, nc);
			FIND_KM(a, "onset_km", round(km_med * 10) / 10, (int)nc, (int)nc,
				 "median onset %.0f min into the run, about %.1f %s at each run's own average pace, over "
				 "%zu episode runs",
				 med, an_dist(a, km_med), an_unit(a), nc);
		}
	}
}

/* The smallest number k of extra runs in the other shoes, at the rate seen there so far, that
 * would make the difference significant; 0 if none up to NF_AN_SETTLE_RUNS_MAX. */
static int runs_to_settle(int a1, int b1, int c1, int d1)
{
	double rate = c1 + d1 ? (double)c1 / (c1 + d1) : 0;
	for (int k = 1; k <= NF_AN_SETTLE_RUNS_MAX; k++) {
		int c = c1 + (int)lround(k * rate), d = d1 + k - (int)lround(k * rate);
		if (an_fisher_exact(a1, b1, c, d) < NF_AN_ALPHA)
			return k;
	}
	return 0;
}

/* For each pair of shoes: its distance at its first run with an episode and the clean runs in it
 * before that, and whether its episodes read as the pair wearing out (nf_an_gear.worn_pattern).
 * The clean runs before the first episode are clean by construction, so a few say nothing: the
 * pattern needs so many that, at the pair's episode rate since, all of them clean would be
 * chance less than NF_AN_ALPHA of the time, and a distance at which shoes do wear (the check
 * distance). A doctor asks first when it began in that pair: "about 700 km, none in its first
 * 15 runs" tells worn cushioning from a pair that never fitted. */
static void derive_pair_first_episodes(nf_analysis *a)
{
	for (size_t g = 0; g < a->ngear; g++) {
		nf_an_gear *ag = &a->gear[g];
		ag->km_first_episode = NAN;
		ag->clean_before = 0;
		ag->worn_pattern = false;
		if (ag->gear.kind != NF_GEAR_SHOES)
			continue;
		int since = 0, eps = 0;
		bool seen = false;
		for (size_t r = 0; r < a->nrun; r++) {
			const nf_an_run *x = &a->run[r];
			if (x->shoes_id != ag->gear.id)
				continue;
			if (!seen && x->episodes)
				seen = true, ag->km_first_episode = x->shoe_km;
			if (!seen)
				ag->clean_before++;
			else
				since++, eps += x->episodes > 0;
		}
		if (!seen || eps < NF_AN_MIN_EPISODES || ag->clean_before < NF_AN_WORN_CLEAN_RUNS ||
		    !isfinite(ag->km_first_episode))
			continue;
		nf_gear at = ag->gear;
		at.used_km = ag->km_first_episode;
		nf_wear w = nf_gear_wear(&at);
		double all_clean = pow(1 - (double)eps / since, ag->clean_before);
		ag->worn_pattern = (w == NF_WEAR_CHECK || w == NF_WEAR_RETIRE) && all_clean < NF_AN_ALPHA;
	}
}

/* ", numbness began when 'x' had run about 700 km; none in the 15 runs logged in it before" for
 * the pair g, or "" when it has no episode or no distance. */
static const char *pair_onset_words(const nf_analysis *a, const nf_an_gear *g, char *buf, size_t cap)
{
	buf[0] = '\0';
	if (!g || !isfinite(g->km_first_episode))
		return buf;
	/* "about": the distance is the end of that run's; rounded as every "about" is */
	double km = nf_distance_about(g->km_first_episode, a->units);
	if (g->clean_before)
		snprintf(buf, cap, "; numbness began when '%s' had run about %g %s, none in the %d run%s logged in "
			 "it before",
			 g->gear.nickname, km, an_unit(a), g->clean_before, plural(g->clean_before));
	else
		snprintf(buf, cap, "; numbness began when '%s' had run about %g %s, on its first run logged",
			 g->gear.nickname, km, an_unit(a));
	return buf;
}

/* " (retirement distance 500 km)" for the pairs of shoes worn on the episode runs: the one
 * figure when they share it, else each pair's ("500 km for 'racers', 800 km for 'daily'"), so that
 * a racing pair that retires at 500 km is not measured against a default of 800. A pair with no
 * retirement distance is left out; "" when none has one. At most four pairs are named, so the
 * evidence keeps its cap. */
static const char *retire_words(const nf_analysis *a, char *buf, size_t cap)
{
	const nf_an_gear *worn[4];
	size_t nw = 0, more = 0;
	bool same = true;
	for (size_t g = 0; g < a->ngear; g++) {
		const nf_an_gear *ag = &a->gear[g];
		if (ag->gear.kind != NF_GEAR_SHOES || !isfinite(ag->km_at_episodes) ||
		    !isfinite(ag->gear.retire_km) || ag->gear.retire_km <= 0)
			continue;
		if (nw && ag->gear.retire_km != worn[0]->gear.retire_km)
			same = false;
		if (nw < sizeof worn / sizeof *worn)
			worn[nw++] = ag;
		else
			more++;
	}
	buf[0] = '\0';
	if (!nw)
		return buf;
	if (same && !more) {
		snprintf(buf, cap, " (retirement distance %.0f %s)", an_dist(a, worn[0]->gear.retire_km), an_unit(a));
		return buf;
	}
	size_t k = (size_t)snprintf(buf, cap, " (retirement distance");
	for (size_t i = 0; i < nw && k < cap; i++)
		k += (size_t)snprintf(buf + k, cap - k, "%s %.0f %s for '%s'", i ? "," : "",
				      an_dist(a, worn[i]->gear.retire_km), an_unit(a), worn[i]->gear.nickname);
	if (k < cap)
		snprintf(buf + k, cap - k, more ? ", and others)" : ")");
	return buf;
}

/* Shoe findings rest only on runs whose shoes are known: a run with none (imported from before
 * any pair was in service) says nothing about which pair goes with numbness, and is counted
 * out loud instead. */
static void derive_shoes(nf_analysis *a)
{
	int pairs = 0, best = -1, unknown = 0;
	double best_rate = -1;
	char left[96] = "";
	for (size_t r = 0; r < a->nrun; r++) {
		nf_an_gear *g = a->run[r].shoes_id ? gear_by_id(a, a->run[r].shoes_id) : NULL;
		if (g && a->run[r].episodes)
			g->episode_runs++;
		/* Insoles are counted the same way: the report's table shows both, and an insole worn on
		 * every numbness run must not read as "0 with numbness". */
		nf_an_gear *ins = a->run[r].insoles_id ? gear_by_id(a, a->run[r].insoles_id) : NULL;
		if (ins && a->run[r].episodes)
			ins->episode_runs++;
		if (!g)
			unknown++;
	}
	if (unknown)
		snprintf(left, sizeof left, "; %d run%s with no shoes recorded left out", unknown,
			 plural(unknown));
	for (size_t i = 0; i < a->ngear; i++) {
		nf_an_gear *g = &a->gear[i];
		if (g->gear.kind != NF_GEAR_SHOES || !g->runs_logged)
			continue;
		pairs++;
		double rate = (double)g->episode_runs / g->runs_logged;
		if (rate > best_rate || (rate == best_rate && best >= 0 && g->episode_runs > a->gear[best].episode_runs))
			best_rate = rate, best = (int)i;
	}
	int eps = episode_runs(a);
	if (!eps)
		return;
	if (pairs < 2) {
		need(a, "Log some runs in a second pair of shoes: whether the numbness follows one pair is "
			"the question only another pair can answer.");
		return;
	}
	nf_an_gear *p = &a->gear[best];
	int a1 = p->episode_runs, b1 = p->runs_logged - p->episode_runs, c1 = 0, d1 = 0, pairs_with = 0;
	const char *other = "";
	int other_runs = -1;
	for (size_t i = 0; i < a->ngear; i++) {
		nf_an_gear *g = &a->gear[i];
		if (g->gear.kind != NF_GEAR_SHOES || !g->runs_logged)
			continue;
		pairs_with += g->episode_runs >= NF_AN_PAIR_EPISODE_RUNS;
		if ((int)i == best)
			continue;
		c1 += g->episode_runs;
		d1 += g->runs_logged - g->episode_runs;
		if (g->runs_logged > other_runs)
			other_runs = g->runs_logged, other = g->gear.nickname;
	}
	double pv = an_fisher_exact(a1, b1, c1, d1);
	char pb[24];
	int runs = a1 + b1 + c1 + d1, epsn = a1 + c1;
	char began[160];
	if (pv < NF_AN_ALPHA && (double)a1 / (a1 + b1) > (double)c1 / (c1 + d1))
		FIND_BOOL(a, "only_some_shoes", true, runs, epsn,
			  "episodes on %d of %d runs in '%s' against %d of %d in the other shoes (Fisher's exact "
			  "test %s)%s%s",
			  a1, a1 + b1, p->gear.nickname, c1, c1 + d1, pval(pv, pb),
			  pair_onset_words(a, p, began, sizeof began), left);
	else if (pairs_with >= 2)
		FIND_BOOL(a, "only_some_shoes", false, runs, epsn,
			  "episodes in more than one pair: %d of %d runs in '%s', %d of %d in the others "
			  "(Fisher's exact test %s)%s",
			  a1, a1 + b1, p->gear.nickname, c1, c1 + d1, pval(pv, pb), left);
	else {
		int k = runs_to_settle(a1, b1, c1, d1);
		if (k)
			need(a, "%d more run%s in the other shoes ('%s') would settle whether the numbness follows "
				"'%s' (now %d of %d runs there against %d of %d in the others, %s).",
			     k, plural(k), other, p->gear.nickname, a1, a1 + b1, c1, c1 + d1, pval(pv, pb));
		else
			need(a, "More runs in each pair of shoes are needed to tell whether the numbness follows "
				"'%s' (%d of %d runs there against %d of %d in the others).",
			     p->gear.nickname, a1, a1 + b1, c1, c1 + d1);
	}

}

/* new_shoes: the first episode against when the pair worn then entered service. */
static void derive_new_shoes(nf_analysis *a)
{
	const nf_an_run *first = NULL;
	for (size_t r = 0; r < a->nrun && !first; r++)
		if (a->run[r].episodes && a->run[r].time >= 0)
			first = &a->run[r];
	nf_an_gear *g = first && first->shoes_id ? gear_by_id(a, first->shoes_id) : NULL;
	if (!g || g->in_service < 0)
		return;
	/* A pair that came into the journal already worn, with no date of its first use, was not new
	 * when its first run was logged: its service start is when the journal met it. */
	if (!g->gear.first_use[0] && g->gear.start_km > NF_AN_WORN_ON_ENTRY_KM)
		return;
	int before_clean = 0, in_g_before = 0;
	for (size_t r = 0; r < a->nrun; r++) {
		const nf_an_run *x = &a->run[r];
		if (x->time < 0 || x->time >= first->time)
			continue;
		if (x->time < g->in_service && x->shoes_id != g->gear.id && !x->episodes)
			before_clean++;
		if (x->shoes_id == g->gear.id)
			in_g_before++;
	}
	double days = (double)(first->time - g->in_service) / DAY;
	char d1s[11], d2s[11];
	an_date(first->time, d1s);
	an_date(g->in_service, d2s);
	if (days >= 0 && days <= NF_AN_NEW_SHOES_DAYS && (before_clean >= NF_AN_CLEAN_RUNS || g->gear.first_use[0]))
		FIND_BOOL(a, "new_shoes", true, before_clean + in_g_before + 1, 1,
			  "the first episode (%s) came %.0f days after '%s' entered service (%s)%s",
			  d1s, days, g->gear.nickname, d2s,
			  before_clean >= NF_AN_CLEAN_RUNS ? "; the runs before in other shoes had none" : "");
	else if (days > 2 * NF_AN_NEW_SHOES_DAYS && in_g_before >= NF_AN_SEASONED_RUNS)
		FIND_BOOL(a, "new_shoes", false, in_g_before + 1, 1,
			  "'%s' had been in service %.0f weeks (%d runs without numbness) before the first "
			  "episode (%s)",
			  g->gear.nickname, days / 7, in_g_before, d1s);
	else if (days >= 0 && days <= NF_AN_NEW_SHOES_DAYS)
		need(a, "Give the date '%s' was first worn (gear add --first-use) or log earlier runs: whether "
			"the numbness began with new shoes depends on it.",
		     g->gear.nickname);
}

static void derive_wear(nf_analysis *a, const struct work *w)
{
	size_t n = 0, ni = 0;
	int eps = 0;
	double *km = w->v[0], *ikm = w->v[1];
	bool ins_retire_known;
	double ins_retire;
	for (size_t r = 0; r < a->nrun; r++) {
		const nf_an_run *x = &a->run[r];
		if (!x->episodes)
			continue;
		eps += x->episodes;
		if (isfinite(x->shoe_km))
			km[n++] = x->shoe_km;
		if (isfinite(x->insole_km))
			ikm[ni++] = x->insole_km;
	}
	for (size_t g = 0; g < a->ngear; g++) {
		nf_an_gear *ag = &a->gear[g];
		size_t m = 0;
		double *v = w->v[2];
		for (size_t r = 0; r < a->nrun; r++) {
			const nf_an_run *x = &a->run[r];
			if (!x->episodes)
				continue;
			if (ag->gear.kind == NF_GEAR_SHOES && x->shoes_id == ag->gear.id && isfinite(x->shoe_km))
				v[m++] = x->shoe_km;
			if (ag->first_episode < 0 && x->time >= 0 && x->shoes_id == ag->gear.id)
				ag->first_episode = x->time;
		}
		ag->km_at_episodes = an_median(v, m);
	}
	if (n) {
		double med = an_median(km, n);
		/* The pair with the most episode runs: when it began there says more than the median. */
		const nf_an_gear *most = NULL;
		for (size_t g = 0; g < a->ngear; g++)
			if (a->gear[g].gear.kind == NF_GEAR_SHOES && a->gear[g].episode_runs &&
			    (!most || a->gear[g].episode_runs > most->episode_runs))
				most = &a->gear[g];
		char began[160], retire[NF_AN_EVIDENCE_MAX];
		FIND_KM(a, "shoe_km", round(med), (int)n, (int)n,
			 "the shoes had run a median of %.0f %s at the %zu episode run%s%s%s",
			 /* rounded as the value is: printf's half-to-even would make 12.5 "12" beside 13 */
			 round(an_dist(a, med)), an_unit(a), n, plural((int)n),
			 retire_words(a, retire, sizeof retire), pair_onset_words(a, most, began, sizeof began));
	} else if (eps) {
		need(a, "Record which shoes you wear (gear add, then run add --shoes): the shoes' distance at "
			"each episode says whether worn shoes play a part.");
	}
	/* Insoles: the pair worn at the latest episode run with insoles. */
	const nf_an_gear *ig = NULL;
	for (size_t g = 0; g < a->ngear; g++)
		if (a->gear[g].gear.kind == NF_GEAR_INSOLES && a->gear[g].runs_logged)
			ig = &a->gear[g];
	if (ni && ig) {
		ins_retire = ig->gear.retire_km;
		ins_retire_known = isfinite(ins_retire);
		double med = an_median(ikm, ni);
		if (ins_retire_known)
			FIND_BOOL(a, "insoles_worn", med >= ins_retire, (int)ni, (int)ni,
				  "the insoles had run a median of %.0f %s at the episodes, %s their %.0f %s "
				  "retirement distance",
				  an_dist(a, med), an_unit(a), med >= ins_retire ? "past" : "within",
				  an_dist(a, ins_retire), an_unit(a));
		else
			need(a, "Give the insoles '%s' a retirement distance (gear add --retire-km) or check them "
				"for flattening: there are no data on how insoles wear with distance.",
			     ig->gear.nickname);
	}
}

static void derive_cold(nf_analysis *a)
{
	int ce = 0, cn = 0, we = 0, wn = 0, known = 0;
	for (size_t r = 0; r < a->nrun; r++) {
		const nf_an_run *x = &a->run[r];
		if (!isfinite(x->temperature_c))
			continue;
		known++;
		if (x->temperature_c < NF_AN_COLD_C)
			x->episodes ? ce++ : cn++;
		else
			x->episodes ? we++ : wn++;
	}
	if (!episode_runs(a))
		return;
	int cold = ce + cn, warm = we + wn;
	if (cold < NF_AN_EACH_SIDE_MIN || warm < NF_AN_EACH_SIDE_MIN) {
		need(a, "Record the temperature (run add --temp) on runs below and above %.0f °C: %d cold and %d "
			"warmer runs so far, at least %d of each are needed.",
		     NF_AN_COLD_C, cold, warm, NF_AN_EACH_SIDE_MIN);
		return;
	}
	double p = an_fisher_exact(ce, cn, we, wn), rc = (double)ce / cold, rw = (double)we / warm;
	char pb[24];
	if (p < NF_AN_ALPHA && rc > rw)
		FIND_BOOL(a, "cold_weather_worse", true, known, ce + we,
			  "episodes on %d of %d runs below %.0f °C against %d of %d warmer runs (Fisher's exact "
			  "test %s)",
			  ce, cold, NF_AN_COLD_C, we, warm, pval(p, pb));
	else if (cold >= NF_AN_COLD_NO_EACH_SIDE && warm >= NF_AN_COLD_NO_EACH_SIDE && rc <= rw + NF_AN_RATE_MARGIN &&
		 p >= NF_AN_OPEN_P)
		FIND_BOOL_OPEN(a, "cold_weather_worse", known, ce + we,
			  "episodes on %d of %d runs below %.0f °C and %d of %d warmer runs: no more in the cold "
			  "(Fisher's exact test %s)",
			  ce, cold, NF_AN_COLD_C, we, warm, pval(p, pb));
	else
		need(a, "A few more runs with the temperature recorded, cold (below %.0f °C) and warm, would "
			"settle whether the cold matters (%d of %d cold runs against %d of %d warmer, %s).",
		     NF_AN_COLD_C, ce, cold, we, warm, pval(p, pb));
}

/* s seconds per km as minutes:seconds per km or per mile. */
static void fmt_pace(const nf_analysis *a, double s, char buf[16])
{
	if (a->units == NF_UNITS_MI)
		s *= NF_KM_PER_MILE;
	double r = round(s); /* whole seconds first, so that 359.6 s is 6:00 and not 5:00 */
	if (!isfinite(s))
		snprintf(buf, 16, "?");
	else
		snprintf(buf, 16, "%d:%02d/%s", (int)(r / 60), (int)fmod(r, 60), an_unit(a));
}

/* The nickname of the pair that only_some_shoes found, when every run with numbness was in it: a
 * split between episode runs and the others is then the split between that pair and the rest,
 * and says nothing of what else differs between them (pace, effort). NULL otherwise. */
static const char *shoes_explain_episodes(const nf_analysis *a)
{
	const nf_derived *d = nf_analysis_find(a, "only_some_shoes");
	if (!d || !d->b || d->open)
		return NULL;
	int64_t id = 0;
	for (size_t r = 0; r < a->nrun; r++) {
		const nf_an_run *x = &a->run[r];
		if (!x->episodes)
			continue;
		if (!x->shoes_id || (id && x->shoes_id != id))
			return NULL;
		id = x->shoes_id;
	}
	for (size_t g = 0; id && g < a->ngear; g++)
		if (a->gear[g].gear.id == id)
			return a->gear[g].gear.nickname;
	return NULL;
}

static void derive_pace(nf_analysis *a, const struct work *w)
{
	size_t ne = 0, nn = 0, he = 0, hn = 0, te = 0, tn = 0;
	double *pe = w->v[0], *pn = w->v[1], *ve = w->v[2], *vn = w->v[3];
	for (size_t r = 0; r < a->nrun; r++) {
		const nf_an_run *x = &a->run[r];
		x->episodes ? te++ : tn++;
		if (isfinite(x->pace_s_km))
			x->episodes ? (pe[ne++] = x->pace_s_km) : (pn[nn++] = x->pace_s_km);
		if (isfinite(x->heart_rate_bpm))
			x->episodes ? (ve[he++] = x->heart_rate_bpm) : (vn[hn++] = x->heart_rate_bpm);
	}
	if (!ne)
		return;
	if (ne < NF_AN_EACH_SIDE_MIN || nn < NF_AN_EACH_SIDE_MIN) {
		/* Ask for what is missing: the times of runs already logged when they would do, else
		 * more runs (asking for times that every run has sends the runner looking for nothing). */
		if (te >= NF_AN_EACH_SIDE_MIN && tn >= NF_AN_EACH_SIDE_MIN)
			need(a, "Record the running time (--duration) of runs with and without numbness: at least "
				"%d of each show whether pace matters (now %zu of %zu with numbness and %zu of %zu "
				"without have one).",
			     NF_AN_EACH_SIDE_MIN, ne, te, nn, tn);
		else
			need(a, "Log more runs, with their running time: whether pace matters needs at least %d "
				"with numbness and %d without (now %zu with numbness, %zu without%s).",
			     NF_AN_EACH_SIDE_MIN, NF_AN_EACH_SIDE_MIN, ne, nn,
			     ne < te || nn < tn ? ", counting only runs with a time" : "");
		return;
	}
	double z, zh = 0, p = an_mann_whitney(pe, ne, pn, nn, &z), ph = NAN, hre = NAN, hrn = NAN;
	if (he >= NF_AN_EACH_SIDE_MIN && hn >= NF_AN_EACH_SIDE_MIN) {
		ph = an_mann_whitney(ve, he, vn, hn, &zh);
		hre = an_median(ve, he);
		hrn = an_median(vn, hn);
	}
	char b1[16], b2[16], pb[24], pb2[24];
	double me = an_median(pe, ne), mn = an_median(pn, nn);
	fmt_pace(a, me, b1);
	fmt_pace(a, mn, b2);
	const char *pair = shoes_explain_episodes(a);
	/* Heart rate stands in for effort only when the episode runs were also faster, and only by a
	 * difference a body notices: a few beats are the day's noise, and a rank test on runs that
	 * repeat the same figure reaches p < 0.001 on them. */
	bool hr_harder = isfinite(ph) && ph < NF_AN_ALPHA && zh > 0 && hre - hrn >= NF_AN_HR_MIN_BPM && me < mn;
	bool differs = (p < NF_AN_ALPHA && z < 0) || hr_harder;
	if (pair)
		need(a, "Whether pace matters %s: every run with numbness was in '%s', which already explains them "
			"(median %s with numbness against %s without).%s",
		     differs ? "cannot be told apart from the shoes" : "is left open", pair, b1, b2,
		     differs ? " Runs at the same effort in another pair would separate the two." : "");
	else if (p < NF_AN_ALPHA && z < 0)
		FIND_BOOL(a, "worse_with_pace", true, (int)(ne + nn), (int)ne,
			  "runs with numbness were faster: median %s against %s on the others (Mann-Whitney %s)",
			  b1, b2, pval(p, pb));
	else if (hr_harder)
		FIND_BOOL(a, "worse_with_pace", true, (int)(he + hn), (int)he,
			  "runs with numbness were harder: median heart rate %.0f against %.0f bpm on the others "
			  "(Mann-Whitney %s), at a median pace of %s against %s",
			  hre, hrn, pval(ph, pb2), b1, b2);
	else if (ne >= NF_AN_PACE_NO_EACH_SIDE && nn >= NF_AN_PACE_NO_EACH_SIDE && (p >= NF_AN_OPEN_P || z > 0))
		FIND_BOOL_OPEN(a, "worse_with_pace", (int)(ne + nn), (int)ne,
			  "runs with numbness were no faster: median %s against %s on the others (Mann-Whitney %s)",
			  b1, b2, pval(p, pb));
	else if (!strcmp(b1, b2))
		/* The same median pace with and without numbness is itself the answer for these runs:
		 * logging times would not change it, and "not settled" would send the runner to log for
		 * nothing. */
		need(a, "Pace made no difference here: a median of %s with numbness and without (%zu and %zu "
			"runs); nothing more to log for it.",
		     b1, ne, nn);
	else
		need(a, "Log more runs to settle whether pace matters: now %zu with numbness and %zu without "
			"(median %s against %s, %s).",
		     ne, nn, b1, b2, pval(p, pb));
}

static void derive_progress(nf_analysis *a, const struct work *w)
{
	const nf_an_run *first = NULL, *last = NULL;
	for (size_t r = 0; r < a->nrun; r++) {
		if (a->run[r].time < 0)
			continue;
		if (!first && a->run[r].episodes)
			first = &a->run[r];
		last = &a->run[r];
	}
	if (!first)
		return;
	int eps = 0;
	size_t ns = 0, nr = 0;
	double *x = w->v[0], *y = w->v[1], *z = w->v[4];
	for (size_t r = 0; r < a->nrun; r++) {
		const nf_an_run *u = &a->run[r];
		if (u->time < first->time)
			continue;
		nr++;
		if (u->episodes)
			eps++;
		if (u->episodes && u->severity >= 0) {
			x[ns] = (double)(u->time - first->time) / WEEK;
			z[ns] = u->temperature_c;
			y[ns++] = u->severity;
		}
	}
	double span = (double)(last->time - first->time) / WEEK;
	if (eps < NF_AN_TREND_EPISODES || span < NF_AN_TREND_WEEKS) {
		need(a, "Keep logging episodes with their severity: a trend over the weeks needs at least %d "
			"episodes over %d weeks (now %d over %.0f week%s).",
		     NF_AN_TREND_EPISODES, NF_AN_TREND_WEEKS, eps, span, plural((int)lround(span)));
		return;
	}
	/* Frequency: episode rate in the first half of the runs since onset against the second half. */
	int64_t mid = first->time + (last->time - first->time) / 2;
	int e1 = 0, n1 = 0, e2 = 0, n2 = 0;
	for (size_t r = 0; r < a->nrun; r++) {
		const nf_an_run *u = &a->run[r];
		if (u->time < first->time)
			continue;
		if (u->time <= mid)
			u->episodes ? e1++ : n1++;
		else
			u->episodes ? e2++ : n2++;
	}
	double pf = an_fisher_exact(e2, n2, e1, n1), r1 = e1 + n1 ? (double)e1 / (e1 + n1) : 0;
	double r2 = e2 + n2 ? (double)e2 / (e2 + n2) : 0;
	double ps = NAN, slope = ns >= NF_AN_TREND_SEVERITIES ? an_slope(x, y, ns, &ps) : NAN;
	/* With numbness that comes on cold days (derive_cold, run before this), a journal that runs
	 * into winter shows worse and more frequent episodes as the runs get colder, which is the
	 * cold's doing, not a course that worsens (what "getting worse over the weeks" tells the
	 * knowledge base: a neuropathy or a cord cause). So the severity trend is taken with the
	 * temperature as a second term (the runs with one), and a rise in frequency is not claimed when
	 * the later half of the weeks holds more cold runs than the first. */
	const nf_derived *cold = nf_analysis_find(a, "cold_weather_worse");
	bool by_cold = cold && cold->b && !cold->open, season = false;
	double pa = NAN;
	if (by_cold && isfinite(slope) && slope > 0 && ps < NF_AN_ALPHA) {
		/* The severities whose run has a temperature (x, y and z kept in step). */
		double *xs = w->v[2], *ys = w->v[3], *zs = w->v[5];
		size_t nt = 0;
		for (size_t k = 0; k < ns; k++)
			if (isfinite(z[k]))
				xs[nt] = x[k], ys[nt] = y[k], zs[nt++] = z[k];
		double b = nt >= NF_AN_TREND_SEVERITIES ? an_slope_adjusted(xs, zs, ys, nt, &pa) : NAN;
		if (!(isfinite(b) && b > 0 && pa < NF_AN_ALPHA))
			season = true, slope = NAN;
	}
	if (by_cold && r2 > r1 && pf < NF_AN_ALPHA) {
		int c1 = 0, t1 = 0, c2 = 0, t2 = 0;
		for (size_t r = 0; r < a->nrun; r++) {
			const nf_an_run *u = &a->run[r];
			if (u->time < first->time || !isfinite(u->temperature_c))
				continue;
			bool c = u->temperature_c < NF_AN_COLD_C;
			if (u->time <= mid)
				t1++, c1 += c;
			else
				t2++, c2 += c;
		}
		if (t1 && t2 && (double)c2 / t2 > (double)c1 / t1)
			season = true, pf = 1;
	}
	/* Recovery that takes longer each time is getting worse as surely as severity that rises
	 * (the dossier's warning sign is numbness that does not come back, §7): the same trend test
	 * on the log of the minutes, since they lengthen by factors (4, 6, 10 ... 180, 300), not by
	 * steps; log(1 + minutes) so that feeling back at once (0 min) counts. Episodes are in the
	 * journal's order, by run start time. */
	double *rx = w->v[2], *ry = w->v[3], rfirst = NAN, rlast = NAN;
	size_t nrec = 0;
	for (size_t i = 0; i < a->nep; i++) {
		const nf_an_run *u = &a->run[a->ep[i].run];
		double m = a->ep[i].ep.recover_min;
		if (u->time < first->time || !isfinite(m) || m < 0)
			continue;
		rx[nrec] = (double)(u->time - first->time) / WEEK;
		ry[nrec++] = log1p(m);
		rfirst = isfinite(rfirst) ? rfirst : m;
		rlast = m;
	}
	double pr = NAN, rslope = nrec >= NF_AN_TREND_RECOVERIES ? an_slope(rx, ry, nrec, &pr) : NAN;
	bool rec_up = isfinite(rslope) && rslope > 0 && pr < NF_AN_ALPHA;
	char pb[24], pb2[24], pb3[24], why[NF_AN_EVIDENCE_MAX] = "";
	if (isfinite(slope) && slope > 0 && ps < NF_AN_ALPHA)
		snprintf(why, sizeof why,
			 "severity rose by %.1f points a week over %.0f weeks (%zu episodes with a severity, trend %s)",
			 slope, span, ns, pval(ps, pb));
	else if (r2 > r1 && pf < NF_AN_ALPHA)
		snprintf(why, sizeof why,
			 "episodes became more frequent: %d of %d runs in the first half of the %.0f weeks, %d of %d "
			 "in the second (Fisher's exact test %s)",
			 e1, e1 + n1, span, e2, e2 + n2, pval(pf, pb));
	if (rec_up) {
		size_t k = strlen(why);
		snprintf(why + k, sizeof why - k,
			 "%srecovery lengthened from %.0f to %.0f min (%zu episodes with a recovery time, trend of the "
			 "log minutes %s)",
			 k ? "; " : "", rfirst, rlast, nrec, pval(pr, pb3));
	}
	if (why[0])
		FIND_BOOL(a, "progressive", true, (int)nr, eps, "%s", why);
	else if (season)
		need(a, "The numbness got worse as the runs got colder: with the temperature taken into account, "
			"no worsening over the weeks is seen%s%s%s. Log through a milder spell to tell the weather "
			"from the course.",
		     isfinite(pa) ? " (severity trend " : "", isfinite(pa) ? pval(pa, pb2) : "", isfinite(pa) ? ")" : "");
	else if (eps >= NF_AN_STEADY_EPISODES && span >= NF_AN_STEADY_WEEKS && r2 <= r1 + NF_AN_RATE_MARGIN &&
		 (!isfinite(slope) || slope <= 0 || ps >= NF_AN_OPEN_TREND_P) &&
		 (!isfinite(rslope) || rslope <= 0 || pr >= NF_AN_OPEN_TREND_P))
		FIND_BOOL_OPEN(a, "progressive", (int)nr, eps,
			  "no worsening over %.0f weeks: %d of %d runs with numbness in the first half, %d of %d in "
			  "the second%s%s",
			  span, e1, e1 + n1, e2, e2 + n2, isfinite(slope) ? "; severity trend " : "",
			  isfinite(slope) ? pval(ps, pb2) : "");
	else
		need(a, "Keep logging severity (0-10) with each episode for a few more weeks: the trend is not "
			"clear yet (%d of %d runs then %d of %d).",
		     e1, e1 + n1, e2, e2 + n2);
}

static void derive_episode_flags(nf_analysis *a, const struct work *w)
{
	size_t nrec = 0;
	int cy = 0, cn = 0, ly = 0, ln = 0, runs = 0;
	double *rec = w->v[0];
	for (size_t i = 0; i < a->nep; i++) {
		const nf_episode *e = &a->ep[i].ep;
		if (isfinite(e->recover_min))
			rec[nrec++] = e->recover_min;
		cy += e->calf_cramp_first == 1, cn += e->calf_cramp_first == 0;
		ly += e->loosening_helped == 1, ln += e->loosening_helped == 0;
	}
	runs = episode_runs(a);
	if (!a->nep) {
		need(a, "No episodes are logged yet: record numbness when it happens (run add --numb-at, or "
			"episode add) and the analysis can begin.");
		return;
	}
	if (nrec >= NF_AN_RECOVERIES) {
		double med = an_median(rec, nrec), lo = rec[0], hi = rec[0];
		size_t slow = 0;
		for (size_t i = 0; i < nrec; i++) {
			lo = fmin(lo, rec[i]), hi = fmax(hi, rec[i]);
			slow += rec[i] > NF_AN_SETTLED_MIN;
		}
		/* "Goes away after stopping" is the knowledge base's within the hour (its help). Numbness
		 * that took hours or days to come back did not go away on stopping, so a single such episode
		 * makes the answer no. How soon to be seen is the knowledge base's rules, not this line's:
		 * a recent episode that has not settled is urgent there, a standing pattern routine. */
		if (slow)
			FIND_BOOL(a, "resolves_on_stopping", false, runs, (int)nrec,
				  "feeling took more than an hour to come back in %zu of the %zu episodes with a "
				  "recovery time (the longest %.1f hours): numbness that outlasts a run by an hour or "
				  "more is examined, not only treated with shoes",
				  slow, nrec, hi / 60);
		else
			FIND_BOOL(a, "resolves_on_stopping", true, runs, (int)nrec,
				  "feeling came back within the hour after stopping in every one of the %zu episodes "
				  "with a recovery time",
				  nrec);
		/* The assessment asks how long it takes now: the median of the latest few recovery times
		 * (episodes are in run order), not of all of them, which hides a recovery that has
		 * lengthened (4, 6, 10 ... 180, 300 min: median 32.5, latest 300). rec was sorted by
		 * an_median, so the latest are taken again from the episodes. A journal written before
		 * the limit may hold more than the knowledge base's range: taken at the range's end,
		 * and said, never dropped. */
		double *late = w->v[1];
		size_t nl = 0;
		for (size_t i = a->nep; i-- > 0 && nl < NF_AN_RECENT_RECOVERIES;)
			if (isfinite(a->ep[i].ep.recover_min))
				late[nl++] = a->ep[i].ep.recover_min;
		double now_med = an_median(late, nl);
		double x = fmin(round(now_med * 10) / 10, NF_JOURNAL_RECOVER_MAX_MIN);
		const char *capped = x < round(now_med * 10) / 10
					     ? ", taken as 43200 min (30 days), the most the assessment takes"
					     : "";
		if (nrec > nl)
			FIND_NUM(a, "resolve_minutes", x, runs, (int)nl,
				 "median %.0f min until feeling came back over the latest %zu episodes with a recovery "
				 "time (all %zu: %.0f to %.0f min, median %.0f)%s",
				 now_med, nl, nrec, lo, hi, med, capped);
		else
			FIND_NUM(a, "resolve_minutes", x, runs, (int)nrec,
				 "median %.0f min until feeling came back (%.0f to %.0f min) over %zu episodes%s", med, lo,
				 hi, nrec, capped);
	} else {
		need(a, "Note the minutes until feeling comes back (--recover MIN) on %d more episode%s.",
		     NF_AN_RECOVERIES - (int)nrec, plural(NF_AN_RECOVERIES - (int)nrec));
	}
	if (cy + cn >= NF_AN_FLAG_YES_MIN && cy * 2 >= cy + cn)
		FIND_BOOL(a, "calf_cramp", true, runs, cy + cn, "a calf cramp came first in %d of %d episodes", cy,
			  cy + cn);
	else if (cy + cn >= NF_AN_FLAG_NO_MIN && cy * 4 < cy + cn)
		FIND_BOOL(a, "calf_cramp", false, runs, cy + cn, "no calf cramp first in %d of %d episodes", cn,
			  cy + cn);
	else
		need(a, "Say whether a calf cramp came first (--cramp or --no-cramp) on the next episodes (%d "
			"recorded).",
		     cy + cn);
	if (ly + ln >= NF_AN_FLAG_YES_MIN && ly * 2 >= ly + ln)
		FIND_BOOL(a, "relief_loosening", true, runs, ly + ln,
			  "loosening the laces brought feeling back in %d of %d episodes", ly, ly + ln);
	else if (ly + ln >= NF_AN_FLAG_NO_MIN && ly * 4 < ly + ln)
		FIND_BOOL(a, "relief_loosening", false, runs, ly + ln,
			  "loosening the laces did not help in %d of %d episodes", ln, ly + ln);
	else
		need(a, "Try loosening the laces when it starts and record whether it helped "
			"(--loosening-helped or --no-loosening-helped; %d recorded).",
		     ly + ln);
}

/* Where the numbness is (the assessment's location): the places named in at least half of the
 * episodes that name any, once NF_AN_PLACES_MIN do. A place named once among many is left to the
 * interview rather than counted against the others. */
static void derive_places(nf_analysis *a)
{
	int count[NF_LOCATION_COUNT] = {0}, named = 0, runs = episode_runs(a);
	for (size_t i = 0; i < a->nep; i++) {
		uint32_t set = a->ep[i].ep.locations;
		if (!set)
			continue;
		named++;
		for (int k = 0; k < NF_LOCATION_COUNT; k++)
			count[k] += (int)(set >> k & 1);
	}
	if (named < NF_AN_PLACES_MIN)
		return;
	uint32_t places = 0;
	bool all = true;
	for (int k = 0; k < NF_LOCATION_COUNT; k++) {
		if (count[k] * 2 >= named)
			places |= UINT32_C(1) << k;
		all = all && (count[k] == 0 || count[k] == named);
	}
	if (!places)
		return;
	nf_derived *d = named == 1 ? add_find(a, "location", runs, named, "the places named in the 1 episode that says "
									   "where")
			: all ? add_find(a, "location", runs, named, "the same places in every one of the %d episodes "
								   "that say where",
					named)
			    : add_find(a, "location", runs, named, "each place named in at least half of the %d "
								   "episodes that say where (the others left out)",
					named);
	if (d)
		d->is_places = true, d->places = places;
}

/* Which foot: whether it is always the same one (same_foot, the journal's own finding) and the
 * assessment's one-or-both (side). Both feet are the answer as soon as one episode had both, or
 * two had different feet, whatever the rest say; one foot only when every episode names the same
 * one, since an episode that does not say may have been the other. */
static void derive_foot(nf_analysis *a)
{
	int n[NF_FOOT_BOTH + 1] = {0}, runs = episode_runs(a);
	for (size_t i = 0; i < a->nep; i++) {
		nf_foot f = a->ep[i].ep.foot;
		n[f >= NF_FOOT_UNKNOWN && f <= NF_FOOT_BOTH ? f : NF_FOOT_UNKNOWN]++;
	}
	int named = n[NF_FOOT_LEFT] + n[NF_FOOT_RIGHT] + n[NF_FOOT_BOTH], unnamed = n[NF_FOOT_UNKNOWN];
	if (!a->nep)
		return;
	/* "the left foot in 3, the right foot in 2 of 6 episodes (1 does not say)" */
	char counts[160];
	size_t k = 0;
	static const char *const words[] = {"", "the left foot", "the right foot", "both feet"};
	for (int f = NF_FOOT_LEFT; f <= NF_FOOT_BOTH; f++)
		if (n[f])
			k += (size_t)snprintf(counts + k, sizeof counts - k, "%s%s in %d", k ? ", " : "", words[f], n[f]);
	snprintf(counts + k, sizeof counts - k, " of %zu episode%s", a->nep, plural((int)a->nep));
	if (unnamed) {
		k = strlen(counts);
		snprintf(counts + k, sizeof counts - k, " (%d %s not say)", unnamed, unnamed == 1 ? "does" : "do");
	}
	nf_foot single = n[NF_FOOT_LEFT] == named ? NF_FOOT_LEFT : n[NF_FOOT_RIGHT] == named ? NF_FOOT_RIGHT
											: NF_FOOT_UNKNOWN;
	bool both = n[NF_FOOT_BOTH] || (n[NF_FOOT_LEFT] && n[NF_FOOT_RIGHT]);
	/* Both feet on every episode is one pattern, held each time, not a foot that changes: the
	 * words say so, since "not always the same foot" reads as alternating feet. */
	bool always_both = named >= 1 && n[NF_FOOT_BOTH] == named;
	/* The assessment's one or both: "both feet" to a doctor is a bilateral process, so it is the
	 * answer only when most episodes (more than half, those that do not say counted against it)
	 * were in both feet; one foot when most name the same one foot, which an episode that does
	 * not say cannot overturn. Mixed feet (2 left, 1 right, 1 both) are left to the interview. */
	int total = (int)a->nep;
	nf_foot most = n[NF_FOOT_BOTH] * 2 > total   ? NF_FOOT_BOTH
		       : n[NF_FOOT_LEFT] * 2 > total  ? NF_FOOT_LEFT
		       : n[NF_FOOT_RIGHT] * 2 > total ? NF_FOOT_RIGHT
						      : NF_FOOT_UNKNOWN;
	/* "every one of" one episode claims a pattern that one episode cannot show. */
	if (always_both && !unnamed && named == 1)
		FIND_CHOICE(a, "side", "both", runs, named, "both feet (1 episode)");
	else if (always_both && !unnamed)
		FIND_CHOICE(a, "side", "both", runs, named, "both feet in every one of the %d episodes", named);
	else if (most == NF_FOOT_BOTH)
		FIND_CHOICE(a, "side", "both", runs, named, "both feet in most episodes: %s", counts);
	else if (named == 1 && !unnamed)
		FIND_CHOICE(a, "side", "one", runs, named, "%s (1 episode)", words[single]);
	else if (named && !unnamed && !both)
		FIND_CHOICE(a, "side", "one", runs, named, "%s in every one of the %d episodes", words[single], named);
	else if (most != NF_FOOT_UNKNOWN)
		FIND_CHOICE(a, "side", "one", runs, named, "one foot, %s in most episodes: %s", words[most], counts);
	else if (named && (both || !unnamed))
		need(a, "Record which foot (--foot left, right or both) on the next episodes: the feet are mixed "
			"(%s), so whether it is one foot or both is left to the interview until most episodes agree.",
		     counts);
	if (always_both && !unnamed && named >= NF_AN_SAME_FOOT_MIN)
		FIND_BOOL(a, "same_foot", true, runs, named, "always both feet: every one of the %d episodes", named);
	else if (both && !always_both && named >= NF_AN_SAME_FOOT_MIN)
		FIND_BOOL(a, "same_foot", false, runs, named, "not always the same foot: %s", counts);
	else if (named >= NF_AN_SAME_FOOT_MIN && !unnamed)
		FIND_BOOL(a, "same_foot", true, runs, named, "always %s: every one of the %d episodes", words[single], named);
	if ((!both || always_both) && unnamed)
		need(a, "Record which foot (--foot left, right or both) on each episode: %d of %zu do not say, and "
			"whether it is always the same foot needs them all.",
		     unnamed, a->nep);
	else if (!both && named < NF_AN_SAME_FOOT_MIN)
		need(a, "Record which foot on the next episode too: whether it is always the same foot needs at "
			"least %d.",
		     NF_AN_SAME_FOOT_MIN);
}

static void derive_weeks(nf_analysis *a)
{
	int64_t first = -1;
	for (size_t r = 0; r < a->nrun && first < 0; r++)
		if (a->run[r].episodes && a->run[r].time >= 0)
			first = a->run[r].time;
	if (first < 0 || first > a->now)
		return;
	double w = (double)(a->now - first) / WEEK;
	char d[11], n[11];
	an_date(first, d);
	an_date(a->now, n);
	FIND_NUM(a, "weeks_since_onset", round(w * 10) / 10, 1, 1,
		 "the first episode logged was on %s, %.1f weeks before %s", d, w, n);
}

/* ---- training ---- */

static int64_t week_start(int64_t t)
{
	/* 1970-01-01 was a Thursday; Monday 1969-12-29 is day -3. */
	int64_t days = (t >= 0 ? t / DAY : (t - DAY + 1) / DAY) + 3;
	int64_t w = days >= 0 ? days / 7 : (days - 6) / 7;
	return (w * 7 - 3) * DAY;
}

static nf_err derive_training(nf_analysis *a, nf_error *err)
{
	nf_training *t = &a->training;
	int64_t lo = -1, hi = week_start(a->now);
	for (size_t r = 0; r < a->nrun; r++)
		if (a->run[r].time >= 0) {
			lo = week_start(a->run[r].time);
			break;
		}
	for (size_t r = a->nrun; r-- > 0;)
		if (a->run[r].time >= 0) {
			int64_t w = week_start(a->run[r].time);
			if (w > hi)
				hi = w;
			break;
		}
	if (lo >= 0 && lo < hi - (int64_t)(MAX_WEEKS - 1) * WEEK)
		lo = hi - (int64_t)(MAX_WEEKS - 1) * WEEK;
	if (lo >= 0) {
		a->nweek = (size_t)((hi - lo) / WEEK) + 1;
		a->week = core_calloc(a->nweek, sizeof *a->week);
		if (!a->week)
			return nf_error_set(err, NF_ENOMEM, "out of memory");
		double *sev = core_calloc(a->nweek, sizeof *sev);
		if (!sev)
			return nf_error_set(err, NF_ENOMEM, "out of memory");
		int *nsev = core_calloc(a->nweek, sizeof *nsev);
		if (!nsev) {
			free(sev);
			return nf_error_set(err, NF_ENOMEM, "out of memory");
		}
		for (size_t w = 0; w < a->nweek; w++)
			a->week[w].start = lo + (int64_t)w * WEEK;
		for (size_t r = 0; r < a->nrun; r++) {
			const nf_an_run *x = &a->run[r];
			if (x->time < lo)
				continue;
			size_t w = (size_t)((week_start(x->time) - lo) / WEEK);
			if (w >= a->nweek)
				continue;
			a->week[w].runs++;
			if (isfinite(x->km))
				a->week[w].km += x->km;
			a->week[w].episodes += x->episodes;
			if (x->severity >= 0)
				sev[w] += x->severity, nsev[w]++;
		}
		for (size_t w = 0; w < a->nweek; w++)
			a->week[w].severity = nsev[w] ? sev[w] / nsev[w] : NAN;
		free(sev);
		free(nsev);
	}
	double recent = 0, before = 0;
	int nrec = 0, nbef = 0;
	t->first_run = -1;
	for (size_t r = 0; r < a->nrun; r++) {
		const nf_an_run *x = &a->run[r];
		if (x->time < 0 || x->time >= a->now)
			continue;
		if (t->first_run < 0 || x->time < t->first_run)
			t->first_run = x->time;
		if (!isfinite(x->km))
			continue;
		if (x->time >= a->now - 4 * WEEK)
			recent += x->km, nrec++;
		else if (x->time >= a->now - 8 * WEEK)
			before += x->km, nbef++;
	}
	/* Where the record that covers the windows begins: the first run after the last gap of more
	 * than NF_AN_RECORD_GAP_DAYS. One old run imported from years ago does not make the weeks
	 * between it and the journal's start weeks of rest; they are weeks nobody logged. */
	t->record_start = -1;
	int64_t prev = -1;
	for (size_t r = 0; r < a->nrun; r++) {
		const nf_an_run *x = &a->run[r];
		if (x->time < 0 || x->time >= a->now)
			continue;
		if (prev < 0 || x->time - prev > (int64_t)NF_AN_RECORD_GAP_DAYS * DAY)
			t->record_start = x->time;
		prev = x->time;
	}
	/* A window counts when the record begins at most a week after its start: a window whose
	 * first weeks come before the record would count them as 0 km. */
	bool has_recent = t->record_start >= 0 && t->record_start < a->now - 3 * WEEK;
	bool has_before = t->record_start >= 0 && t->record_start < a->now - 7 * WEEK;
	t->km_recent = nrec || nbef ? recent : NAN;
	t->week_km_recent = has_recent && (nrec || nbef) ? recent / 4 : NAN;
	t->week_km_before = has_before && (nrec || nbef) ? before / 4 : NAN;
	t->week_change_pct = has_before && has_recent && before > 0 ? (recent - before) / before * 100 : NAN;
	double cad[10], str[10];
	int nc = 0, ns = 0;
	for (size_t r = a->nrun; r-- > 0;) {
		const nf_an_run *x = &a->run[r];
		if (x->time > a->now)
			continue;
		if (nc < 10 && isfinite(x->cadence_spm) && x->cadence_spm > 0)
			cad[nc++] = x->cadence_spm;
		if (ns < 10 && isfinite(x->stride_m) && x->stride_m > 0)
			str[ns++] = x->stride_m;
	}
	t->cadence_spm = an_median(cad, (size_t)nc);
	t->cadence_runs = nc;
	t->stride_m = an_median(str, (size_t)ns);
	t->stride_runs = ns;
	return NF_OK;
}

/* Sums the distance of the runs in [from, to] (to included) with a known distance. */
static double km_between(const nf_analysis *a, int64_t from, int64_t to, int *runs)
{
	double km = 0;
	*runs = 0;
	for (size_t r = 0; r < a->nrun; r++) {
		const nf_an_run *x = &a->run[r];
		if (x->time >= from && x->time <= to && isfinite(x->km))
			km += x->km, (*runs)++;
	}
	return km;
}

/* training_increase: whether the weekly distance went up in the weeks before the first episode
 * (the question asks about those weeks, not the latest ones). Two comparisons, both ending with
 * the first episode's run (its distance is part of the load it came on): the 7 days up to it
 * against the mean week of the 4 weeks before those, which sees a jump days before; and the 4
 * weeks up to it against the 4 before, which sees one a few weeks before. Yes when either rose
 * by NF_AN_VOLUME_RISE_PCT or more; no when both are known, the 4 weeks rose by no more than
 * NF_AN_LOAD_FLAT_PCT and the 7 days by less than NF_AN_VOLUME_RISE_PCT (one week holds 3 or 4 of
 * a runner's every-other-day runs, so it swings by 15% with no change at all); else the interview
 * asks. A window counts when the unbroken record (as in
 * derive_training) begins at most a week after its start and it holds NF_AN_LOAD_RUNS_MIN runs
 * with a distance: weeks nobody logged are not weeks of rest. Distance only: intensity is not
 * measured here, and the evidence says so. */
static void derive_load(nf_analysis *a)
{
	const nf_an_run *first = NULL;
	for (size_t r = 0; r < a->nrun && !first; r++)
		if (a->run[r].episodes && a->run[r].time >= 0)
			first = &a->run[r];
	if (!first || first->time > a->now)
		return;
	int64_t t = first->time, day = t - (t % DAY + DAY) % DAY, start = -1, prev = -1;
	for (size_t r = 0; r < a->nrun; r++) {
		const nf_an_run *x = &a->run[r];
		if (x->time < 0 || x->time > t)
			continue;
		if (prev < 0 || x->time - prev > (int64_t)NF_AN_RECORD_GAP_DAYS * DAY)
			start = x->time;
		prev = x->time;
	}
	int64_t week0 = day - 6 * DAY, last4 = day - 27 * DAY, prev4 = day - 55 * DAY;
	int nweek, nbase, nlast, nprev;
	double kweek = km_between(a, week0, t, &nweek), kbase = km_between(a, week0 - 4 * WEEK, week0 - 1, &nbase);
	double klast = km_between(a, last4, t, &nlast), kprev = km_between(a, prev4, last4 - 1, &nprev);
	bool week_known = start >= 0 && start < week0 - 3 * WEEK && nbase >= NF_AN_LOAD_RUNS_MIN && kbase > 0;
	bool four_known = start >= 0 && start < prev4 + WEEK && nprev >= NF_AN_LOAD_RUNS_MIN &&
			  nlast >= NF_AN_LOAD_RUNS_MIN && kprev > 0;
	double week_pct = week_known ? (kweek - kbase / 4) / (kbase / 4) * 100 : NAN;
	double four_pct = four_known ? (klast - kprev) / kprev * 100 : NAN;
	/* whole percent, and a change under half of one printed as +0%, not -0% */
	if (round(week_pct) == 0)
		week_pct = 0;
	if (round(four_pct) == 0)
		four_pct = 0;
	char d[11], from[11], words[NF_AN_EVIDENCE_MAX] = "";
	an_date(t, d);
	size_t k = 0;
	if (week_known)
		k += (size_t)snprintf(words + k, sizeof words - k, "%.0f %s in the 7 days up to it against %.0f %s a week "
				      "over the 4 weeks before (%+.0f%%)",
				      an_dist(a, kweek), an_unit(a), an_dist(a, kbase / 4), an_unit(a), week_pct);
	if (four_known && k < sizeof words)
		snprintf(words + k, sizeof words - k, "%s%.0f %s a week over the 4 weeks up to it against %.0f %s the 4 "
			 "before (%+.0f%%)",
			 k ? "; " : "", an_dist(a, klast / 4), an_unit(a), an_dist(a, kprev / 4), an_unit(a), four_pct);
	int runs = nbase + nweek + (four_known ? nprev : 0);
	if ((week_known && week_pct >= NF_AN_VOLUME_RISE_PCT) || (four_known && four_pct >= NF_AN_VOLUME_RISE_PCT))
		FIND_BOOL(a, "training_increase", true, runs, 1,
			  "weekly distance rose before the first episode (%s): %s", d, words);
	else if (week_known && four_known && week_pct < NF_AN_VOLUME_RISE_PCT && four_pct <= NF_AN_LOAD_FLAT_PCT)
		FIND_BOOL(a, "training_increase", false, runs, 1,
			  "no rise in weekly distance before the first episode (%s): %s (distance only; harder "
			  "sessions are not counted)",
			  d, words);
	else if (week_known && four_known)
		need(a, "Weekly distance before the first episode (%s) neither clearly rose nor stayed flat (%s): "
			"the assessment asks whether training went up then.",
		     d, words);
	else if (week_known || four_known)
		need(a, "Weekly distance before the first episode (%s): %s; the journal does not cover the %s, so "
			"the assessment asks whether training went up then.",
		     d, words, week_known ? "8 weeks before it with 3 runs in each 4" : "4 weeks before its last 7 days");
	else {
		an_date(prev4, from);
		need(a, "The journal does not cover the weeks before the first episode (%s to %s) with at least %d "
			"runs in each 4: import or log those runs, or the assessment asks whether training went up "
			"then.",
		     from, d, NF_AN_LOAD_RUNS_MIN);
	}
}

/* weekly_km: the usual weekly distance, as the median of the latest NF_AN_WEEKLY_WEEKS complete
 * calendar weeks that have runs (before now), taken from the unbroken record only (the training
 * facts' record_start: the first run after the last gap of more than NF_AN_RECORD_GAP_DAYS), from
 * its first full week. Files imported from years ago are another time of the runner's life, not
 * their usual week now, and a week the record began in part-way holds only part of a week. No
 * figure when that record is too short for the training facts' weekly figure (it begins later
 * than a week into the 4 weeks before now): the two would otherwise disagree on one screen. A
 * week with no run is left out rather than counted as 0 km (a holiday, or a journal that
 * stopped), the median keeps one big or one partial week from moving it, and the evidence names
 * the weeks, the record they come from and, when it was weeks ago, the last run. */
static void derive_weekly(nf_analysis *a)
{
	double v[NF_AN_WEEKLY_WEEKS];
	size_t n = 0, hi = 0, lo = 0;
	int runs = 0, eps = 0;
	int64_t rs = a->training.record_start;
	char from[11];
	if (rs < 0)
		return;
	an_date(rs, from);
	if (rs >= a->now - 3 * WEEK) {
		char now[11];
		an_date(a->now, now);
		if (episode_runs(a))
			need(a, "The journal's record begins on %s, too short for a usual weekly distance (that needs "
				"the 4 weeks before %s): the assessment asks it.",
			     from, now);
		return;
	}
	for (size_t w = a->nweek; w-- > 0 && n < NF_AN_WEEKLY_WEEKS;) {
		const nf_an_week *x = &a->week[w];
		/* the record's first full week: it began on that week's Monday at the latest */
		if (x->start + DAY <= rs)
			break;
		if (x->start + WEEK > a->now || !x->runs || !(x->km > 0))
			continue;
		if (!n)
			hi = w;
		lo = w;
		v[n++] = x->km;
		runs += x->runs;
		eps += x->episodes;
	}
	if (n < NF_AN_WEEKLY_WEEKS_MIN) {
		if (episode_runs(a))
			need(a, "The journal's record since %s has %zu complete week%s with runs: a usual weekly "
				"distance needs %d, so the assessment asks it.",
			     from, n, n == 1 ? "" : "s", NF_AN_WEEKLY_WEEKS_MIN);
		return;
	}
	double med = an_median(v, n);
	char d1[11], d2[11], last[96] = "";
	an_date(a->week[lo].start, d1);
	an_date(a->week[hi].start + WEEK - DAY, d2);
	int64_t latest = -1;
	for (size_t r = 0; r < a->nrun; r++)
		if (a->run[r].time >= 0 && a->run[r].time <= a->now)
			latest = a->run[r].time;
	if (latest >= 0 && a->now - latest > 2 * WEEK) {
		char dl[11], dn[11];
		an_date(latest, dl);
		an_date(a->now, dn);
		snprintf(last, sizeof last, "; the last run logged was on %s, %.0f weeks before %s", dl,
			 floor((double)(a->now - latest) / WEEK), dn);
	}
	size_t gaps = hi - lo + 1 - n;
	FIND_KM(a, "weekly_km", round(med), runs, eps,
		 "median %.0f %s a week over the %zu weeks with runs from %s to %s%s, in the record since %s%s",
		 an_dist(a, med), an_unit(a), n, d1, d2, gaps ? " (weeks without a run left out)" : "", from, last);
}

static void derive_advice(nf_analysis *a)
{
	for (size_t g = 0; g < a->ngear; g++) {
		const nf_an_gear *ag = &a->gear[g];
		if (ag->gear.kind != NF_GEAR_SHOES || ag->gear.retired[0])
			continue;
		if (ag->worn_pattern)
			advise(a, "Replace the shoes '%s': the numbness began when they had run about %g %s, after %d "
				  "runs in them without it, and came on %d of the %d runs since; that is worn "
				  "cushioning more than the lacing, and a new pair is the test (they have run %.0f %s).",
			       ag->gear.nickname, nf_distance_about(ag->km_first_episode, a->units),
			       an_unit(a), ag->clean_before, ag->episode_runs, ag->runs_logged - ag->clean_before,
			       an_dist(a, ag->gear.used_km), an_unit(a));
		else if (ag->wear == NF_WEAR_RETIRE)
			advise(a, "Replace the shoes '%s': they have run %.0f %s, past their %.0f %s retirement "
				  "distance, and their cushioning is largely gone by then.",
			       ag->gear.nickname, an_dist(a, ag->gear.used_km), an_unit(a),
			       an_dist(a, ag->gear.retire_km), an_unit(a));
		else if (ag->wear == NF_WEAR_CHECK)
			advise(a, "Check the shoes '%s' (%.0f %s of %.0f): look for deep creases or a midsole "
				  "compressed on one side, and replace them if so.",
			       ag->gear.nickname, an_dist(a, ag->gear.used_km), an_unit(a),
			       an_dist(a, ag->gear.retire_km));
	}
	const nf_training *t = &a->training;
	if (isfinite(t->cadence_spm) && t->cadence_spm < NF_AN_LOW_CADENCE)
		advise(a, "Your cadence is %.0f steps per minute (median of your last %d runs with one), below "
			  "the usual range: raise it by 5 to 10 percent, to about %.0f to %.0f steps per minute, "
			  "with shorter steps, building up over some weeks.",
		       t->cadence_spm, t->cadence_runs, t->cadence_spm * 1.05, t->cadence_spm * 1.10);
	const nf_derived *d = nf_analysis_find(a, "only_some_shoes");
	if (d && d->b) {
		const nf_an_gear *pair = NULL;
		double best = -1;
		for (size_t g = 0; g < a->ngear; g++) {
			const nf_an_gear *ag = &a->gear[g];
			if (ag->gear.kind == NF_GEAR_SHOES && ag->runs_logged &&
			    (double)ag->episode_runs / ag->runs_logged > best)
				best = (double)ag->episode_runs / ag->runs_logged, pair = ag;
		}
		/* A pair whose earlier runs were clean until it had run far is wearing out: the advice
		 * above is to replace it, and re-lacing it would answer the wrong question. */
		if (pair && !pair->worn_pattern)
			advise(a, "The numbness comes mostly in '%s': in that pair loosen the laces over the numb area "
				  "(skip an eyelet or lace the midfoot in parallel), and check that the toe box is wide "
				  "and deep enough.",
			       pair->gear.nickname);
	}
	if (isfinite(t->week_change_pct) && t->week_change_pct >= NF_AN_VOLUME_RISE_PCT &&
	    t->week_km_before >= NF_AN_VOLUME_MIN_KM)
		advise(a, "Your weekly distance rose by %.0f%% (%.0f to %.0f %s a week over the last 4 weeks): "
			  "hold or cut the volume, then build back gradually.",
		       t->week_change_pct, an_dist(a, t->week_km_before), an_dist(a, t->week_km_recent), an_unit(a));
}

nf_err an_derive(nf_analysis *a, nf_error *err)
{
	/* One allocation for the scratch arrays of every derivation, so that none of them can fail. */
	size_t n = (a->nrun > a->nep ? a->nrun : a->nep) + 1;
	struct work w;
	double *all = core_malloc(WORK_ARRAYS * n * sizeof *all);
	if (!all)
		return nf_error_set(err, NF_ENOMEM, "out of memory analysing %zu runs", a->nrun);
	for (int i = 0; i < WORK_ARRAYS; i++)
		w.v[i] = all + (size_t)i * n;
	derive_onset(a, &w);
	derive_pair_first_episodes(a);
	derive_shoes(a);
	derive_new_shoes(a);
	derive_wear(a, &w);
	derive_cold(a);
	derive_pace(a, &w);
	derive_progress(a, &w);
	derive_episode_flags(a, &w);
	derive_foot(a);
	derive_places(a);
	derive_weeks(a);
	free(all);
	nf_err rc = derive_training(a, err);
	if (rc)
		return rc;
	derive_load(a);
	derive_weekly(a);
	derive_advice(a);
	return NF_OK;
}
