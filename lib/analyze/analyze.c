/* numbfoot analysis: the journal's runs, episodes and gear -> derived findings, what more to log,
 * training facts and advice (docs/analysis.md). Reads the journal through its public API only. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analyze/analyze_priv.h"
#include "core/alloc.h"


/* Midnight UTC of date d (YYYY-MM-DD), or -1 when d is empty or not a date. */
static int64_t date_to_time(const char *d)
{
	nf_date day;
	return nf_date_parse(d, &day, NULL) == NF_OK ? nf_date_time(&day) : -1;
}

/* ---- reading the journal ---- */

struct idx {
	int64_t id;
	size_t i;
};

static int cmp_idx(const void *x, const void *y)
{
	const struct idx *p = x, *q = y;
	return (p->id > q->id) - (p->id < q->id);
}

static nf_err load(nf_analysis *a, nf_journal *j, nf_error *err)
{
	nf_journal_run *runs = NULL;
	nf_episode *eps = NULL;
	nf_gear *gear = NULL;
	struct idx *ix = NULL;
	size_t nruns = 0, neps = 0, ngear = 0;
	nf_err rc;

	if ((rc = nf_journal_list_runs(j, 0, &runs, &nruns, err)))
		goto out;
	if ((rc = nf_journal_list_episodes(j, 0, &eps, &neps, err)))
		goto out;
	if ((rc = nf_journal_list_gear(j, true, &gear, &ngear, err)))
		goto out;
	rc = NF_ENOMEM;
	a->run = core_calloc(nruns ? nruns : 1, sizeof *a->run);
	a->ep = core_calloc(neps ? neps : 1, sizeof *a->ep);
	a->gear = core_calloc(ngear ? ngear : 1, sizeof *a->gear);
	ix = core_calloc(nruns ? nruns : 1, sizeof *ix);
	if (!a->run || !a->ep || !a->gear || !ix) {
		nf_error_set(err, rc, "out of memory analysing %zu runs", nruns);
		goto out;
	}
	for (size_t i = 0; i < ngear; i++) {
		/* Gear first used after the clock did not exist then; gear retired after it was not
		 * retired yet (the clock is the data's cut-off, see below). */
		int64_t first = date_to_time(gear[i].first_use);
		if (first > a->now)
			continue;
		nf_an_gear *g = &a->gear[a->ngear++];
		g->gear = gear[i];
		if (g->gear.retired[0] && date_to_time(g->gear.retired) > a->now)
			g->gear.retired[0] = '\0';
		g->wear = nf_gear_wear(&gear[i]);
		g->in_service = first;
		g->first_episode = -1;
		g->km_at_episodes = NAN;
		g->km_first_episode = NAN;
	}
	/* Distance each pair had at the end of each run: its start distance plus the runs in it so
	 * far, in start-time order. */
	double *gkm = core_calloc(ngear ? ngear : 1, sizeof *gkm);
	if (!gkm) {
		nf_error_set(err, rc, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < ngear; i++)
		gkm[i] = a->gear[i].gear.start_km;
	size_t nix = 0;
	for (size_t i = 0; i < nruns; i++) {
		const nf_journal_run *r = &runs[i];
		/* The clock is the data's cut-off too: a run that starts after now (logged later than
		 * the day a tester sets with --now) is left out with its episodes, and its distance is
		 * taken off the gear it was in, so that the analysis is the one that day would give. */
		if (r->rec.start_time > a->now) {
			for (size_t g = 0; g < a->ngear; g++)
				if ((a->gear[g].gear.id == r->shoes_id || a->gear[g].gear.id == r->insoles_id) &&
				    isfinite(r->rec.distance_m)) {
					nf_gear *gg = &a->gear[g].gear;
					gg->used_km = fmax(gg->start_km, gg->used_km - r->rec.distance_m / 1000);
					a->gear[g].wear = nf_gear_wear(gg);
				}
			continue;
		}
		nf_an_run *x = &a->run[a->nrun++];
		x->id = r->id;
		x->time = r->rec.start_time;
		x->km = r->rec.distance_m / 1000;
		double secs = isfinite(r->rec.moving_s) ? r->rec.moving_s : r->rec.elapsed_s;
		x->pace_s_km = isfinite(secs) && x->km > 0.2 ? secs / x->km : NAN;
		x->cadence_spm = r->rec.cadence_spm;
		x->stride_m = r->rec.stride_m;
		if (!isfinite(x->stride_m) && isfinite(x->cadence_spm) && x->cadence_spm > 0 && isfinite(secs) && secs > 0 &&
		    isfinite(r->rec.distance_m))
			x->stride_m = r->rec.distance_m / (x->cadence_spm * secs / 60);
		x->temperature_c = r->rec.temperature_c;
		x->heart_rate_bpm = r->rec.heart_rate_bpm;
		x->shoes_id = r->shoes_id;
		x->insoles_id = r->insoles_id;
		x->shoe_km = x->insole_km = NAN;
		x->onset_km = x->onset_min = NAN;
		x->severity = -1;
		for (size_t g = 0; g < a->ngear; g++) {
			int64_t gid = a->gear[g].gear.id;
			if (gid != r->shoes_id && gid != r->insoles_id)
				continue;
			if (isfinite(x->km))
				gkm[g] += x->km;
			a->gear[g].runs_logged++;
			if (a->gear[g].in_service < 0 && x->time >= 0)
				a->gear[g].in_service = x->time;
			if (gid == r->shoes_id)
				x->shoe_km = gkm[g];
			else
				x->insole_km = gkm[g];
		}
		ix[nix++] = (struct idx){r->id, a->nrun - 1};
	}
	free(gkm);
	qsort(ix, nix, sizeof *ix, cmp_idx);
	for (size_t i = 0; i < neps; i++) {
		struct idx key = {eps[i].run_id, 0}, *hit = bsearch(&key, ix, nix, sizeof *ix, cmp_idx);
		if (!hit)
			continue;
		nf_an_episode *e = &a->ep[a->nep++];
		e->ep = eps[i];
		e->run = hit->i;
		nf_an_run *x = &a->run[hit->i];
		x->episodes++;
		if (isfinite(eps[i].onset_km) && !(x->onset_km <= eps[i].onset_km))
			x->onset_km = eps[i].onset_km;
		if (isfinite(eps[i].onset_min) && !(x->onset_min <= eps[i].onset_min))
			x->onset_min = eps[i].onset_min;
		if (eps[i].severity > x->severity)
			x->severity = eps[i].severity;
	}
	rc = NF_OK;
out:
	free(ix);
	nf_journal_run_list_free(runs);
	nf_episode_list_free(eps);
	nf_gear_list_free(gear);
	return rc;
}

/* ---- the public functions ---- */

nf_err nf_analyze(nf_journal *j, int64_t now, nf_analysis **out, nf_error *err)
{
	return nf_analyze_in(j, now, NF_UNITS_KM, out, err);
}

nf_units nf_analysis_units(const nf_analysis *a)
{
	return a->units;
}

nf_err nf_analyze_in(nf_journal *j, int64_t now, nf_units units, nf_analysis **out, nf_error *err)
{
	*out = NULL;
	nf_analysis *a = core_calloc(1, sizeof *a);
	if (!a)
		return nf_error_set(err, NF_ENOMEM, "out of memory");
	a->now = now;
	a->units = units == NF_UNITS_MI ? NF_UNITS_MI : NF_UNITS_KM;
	nf_err rc = load(a, j, err);
	if (rc)
		goto fail;
	if ((rc = an_derive(a, err)))
		goto fail;
	*out = a;
	return NF_OK;
fail:
	nf_analysis_free(a);
	return rc;
}

void nf_analysis_free(nf_analysis *a)
{
	if (!a)
		return;
	free(a->run);
	free(a->ep);
	free(a->gear);
	free(a->week);
	free(a);
}

int64_t nf_analysis_now(const nf_analysis *a)
{
	return a->now;
}

size_t nf_analysis_findings(const nf_analysis *a)
{
	return a->nfind;
}

const nf_derived *nf_analysis_finding(const nf_analysis *a, size_t i)
{
	return i < a->nfind ? &a->find[i] : NULL;
}

const nf_derived *nf_analysis_find(const nf_analysis *a, const char *id)
{
	for (size_t i = 0; i < a->nfind; i++)
		if (!strcmp(a->find[i].id, id))
			return &a->find[i];
	return NULL;
}

size_t nf_analysis_needs(const nf_analysis *a)
{
	return a->nneed;
}

const char *nf_analysis_need(const nf_analysis *a, size_t i)
{
	return i < a->nneed ? a->need[i] : NULL;
}

size_t nf_analysis_advice(const nf_analysis *a)
{
	return a->nadvice;
}

const char *nf_analysis_advice_text(const nf_analysis *a, size_t i)
{
	return i < a->nadvice ? a->advice[i] : NULL;
}

bool nf_episode_not_settled(const nf_episode *e, int64_t run_start, int64_t now)
{
	/* Feeling not back when the episode was logged says the same as hours of it: a runner logs
	 * a run after it, and numbness still there then has not settled within the half hour to an
	 * hour after stopping that the dossier gives (§3.14). */
	if (!e || run_start < 0 || (!e->not_back && (!isfinite(e->recover_min) || e->recover_min < NF_AN_NOT_SETTLED_MIN)))
		return false;
	/* the clock's own slack: a run logged "now" from a watch a few minutes ahead is today's */
	return run_start >= now - (int64_t)NF_AN_NOT_SETTLED_DAYS * 86400 && run_start <= now + NF_CLOCK_AHEAD_S;
}

int nf_episode_sign(const nf_kb *kb, const nf_episode *e, int64_t run_start, int64_t now, nf_units units,
		    char *says, size_t cap)
{
	const char *words = NULL;
	int f = nf_kb_finding_index(kb, "not_settled_hours");
	int level = f >= 0 ? nf_kb_finding_red_flag(kb, (size_t)f, &words) : -1;
	if (cap)
		says[0] = '\0';
	if (level < 0 || !words || !nf_episode_not_settled(e, run_start, now))
		return -1;
	nf_units_text(words, units, says, cap);
	return level;
}

const nf_an_episode *nf_analysis_not_settled(const nf_analysis *a)
{
	const nf_an_episode *latest = NULL;
	for (size_t i = 0; i < a->nep; i++) {
		const nf_an_episode *e = &a->ep[i];
		int64_t t = a->run[e->run].time;
		if (nf_episode_not_settled(&e->ep, t, a->now) && (!latest || t >= a->run[latest->run].time))
			latest = e;
	}
	return latest;
}

const nf_an_run *nf_analysis_runs(const nf_analysis *a, size_t *n)
{
	*n = a->nrun;
	return a->run;
}

const nf_an_episode *nf_analysis_episodes(const nf_analysis *a, size_t *n)
{
	*n = a->nep;
	return a->ep;
}

const nf_an_gear *nf_analysis_gear(const nf_analysis *a, size_t *n)
{
	*n = a->ngear;
	return a->gear;
}

const nf_an_week *nf_analysis_weeks(const nf_analysis *a, size_t *n)
{
	*n = a->nweek;
	return a->week;
}

const nf_training *nf_analysis_training(const nf_analysis *a)
{
	return &a->training;
}

nf_err nf_analysis_apply(const nf_analysis *a, nf_engine *e, size_t *applied, nf_error *err)
{
	const nf_kb *kb = nf_engine_kb(e);
	size_t n = 0;
	for (size_t i = 0; i < a->nfind; i++) {
		const nf_derived *d = &a->find[i];
		int f = nf_kb_finding_index(kb, d->id);
		if (f < 0 || d->open)
			continue;
		nf_value v = {.b = d->b, .x = d->x};
		nf_ftype t = nf_kb_finding_type(kb, (size_t)f);
		if (d->is_places) {
			/* The journal's place names are the vocabulary's values of where it is. */
			if (t != NF_SET)
				continue;
			for (int k = 0; k < NF_LOCATION_COUNT; k++) {
				int vi = d->places >> k & 1 ? nf_kb_finding_value_index(kb, (size_t)f, nf_location_name(k)) : -1;
				if (vi >= 0)
					v.set |= UINT32_C(1) << vi;
			}
			if (!v.set)
				continue;
		} else if (d->choice) {
			v.index = t == NF_ENUM ? nf_kb_finding_value_index(kb, (size_t)f, d->choice) : -1;
			if (v.index < 0)
				continue;
		} else if ((t == NF_NUMBER) != d->is_number || (t != NF_NUMBER && t != NF_BOOL)) {
			continue;
		}
		/* A value the knowledge base refuses (out of its range) is left for the interview to ask. */
		if (nf_engine_answer(e, (size_t)f, &v, NULL) == NF_OK)
			n++;
	}
	if (applied)
		*applied = n;
	nf_error_clear(err);
	return NF_OK;
}

double an_dist(const nf_analysis *a, double km)
{
	return a->units == NF_UNITS_MI ? km / NF_KM_PER_MILE : km;
}

const char *an_unit(const nf_analysis *a)
{
	return a->units == NF_UNITS_MI ? "mi" : "km";
}
