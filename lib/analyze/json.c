/* The analysis as JSON (docs/analysis.md): derived findings, what more to log, training. */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>

#include "analyze/analyze_priv.h"

static json_t *num(double x)
{
	return isfinite(x) ? json_real(x) : json_null();
}

/* A derived finding's value in the vocabulary's JSON: a boolean, a number, a value ID, or the
 * places' IDs. */
static json_t *value_json(const nf_derived *d)
{
	if (d->choice)
		return json_string(d->choice);
	if (d->is_number)
		return json_real(d->x);
	if (!d->is_places)
		return json_boolean(d->b);
	json_t *places = json_array();
	for (int k = 0; places && k < NF_LOCATION_COUNT; k++)
		if (d->places >> k & 1)
			json_array_append_new(places, json_string(nf_location_name(k)));
	return places;
}

char *nf_analysis_json(const nf_analysis *a)
{
	json_t *root = json_object(), *find = json_object(), *needs = json_array(), *adv = json_array();
	json_t *tr = json_object(), *weeks = json_array(), *gear = json_array();
	char *text = NULL, now[24];
	if (!root || !find || !needs || !adv || !tr || !weeks || !gear)
		goto out;
	nf_time_iso(a->now, now, sizeof now);
	json_object_set_new(root, "now", json_string(now));
	for (size_t i = 0; i < a->nfind; i++) {
		const nf_derived *d = &a->find[i];
		json_t *o = json_pack("{s:o, s:s, s:{s:i, s:i}}", "value", value_json(d), "evidence", d->evidence,
				      "support", "runs", d->runs, "episodes", d->episodes);
		if (!o)
			goto out;
		/* A "no" short of significance: shown, but left to the interview (nf_derived.open). */
		if (d->open)
			json_object_set_new(o, "open", json_true());
		json_object_set_new(find, d->id, o);
	}
	for (size_t i = 0; i < a->nneed; i++)
		json_array_append_new(needs, json_string(a->need[i]));
	for (size_t i = 0; i < a->nadvice; i++)
		json_array_append_new(adv, json_string(a->advice[i]));
	const nf_training *t = &a->training;
	json_object_set_new(tr, "runs", json_integer((json_int_t)a->nrun));
	json_object_set_new(tr, "episodes", json_integer((json_int_t)a->nep));
	char first[24];
	nf_time_day(t->first_run, first, sizeof first);
	json_object_set_new(tr, "first_run", *first ? json_string(first) : json_null());
	nf_time_day(t->record_start, first, sizeof first);
	json_object_set_new(tr, "record_start", *first ? json_string(first) : json_null());
	json_object_set_new(tr, "km_recent", num(t->km_recent));
	json_object_set_new(tr, "week_km_recent", num(t->week_km_recent));
	json_object_set_new(tr, "week_km_before", num(t->week_km_before));
	json_object_set_new(tr, "week_change_pct", num(t->week_change_pct));
	json_object_set_new(tr, "cadence_spm", num(t->cadence_spm));
	json_object_set_new(tr, "cadence_runs", json_integer(t->cadence_runs));
	json_object_set_new(tr, "stride_m", num(t->stride_m));
	json_object_set_new(tr, "stride_runs", json_integer(t->stride_runs));
	/* The latest 12 weeks: the report has the rest. */
	for (size_t w = a->nweek > 12 ? a->nweek - 12 : 0; w < a->nweek; w++) {
		char d[24];
		nf_time_day(a->week[w].start, d, sizeof d);
		json_array_append_new(weeks, json_pack("{s:s, s:o, s:i, s:i}", "week", d, "km", num(a->week[w].km),
						       "runs", a->week[w].runs, "episodes", a->week[w].episodes));
	}
	json_object_set_new(tr, "weeks", weeks);
	weeks = NULL;
	for (size_t g = 0; g < a->ngear; g++) {
		const nf_an_gear *ag = &a->gear[g];
		json_array_append_new(
			gear, json_pack("{s:s, s:s, s:o, s:o, s:s, s:i, s:i, s:o, s:o, s:i, s:b, s:b}", "nickname",
					ag->gear.nickname, "kind", nf_gear_kind_name(ag->gear.kind), "km", num(ag->gear.used_km),
					"retire_km", num(ag->gear.retire_km), "wear", nf_wear_name(ag->wear), "runs",
					ag->runs_logged, "episode_runs", ag->episode_runs, "km_at_episodes",
					num(ag->km_at_episodes), "km_at_first_episode", num(ag->km_first_episode),
					"clean_runs_before", ag->clean_before, "worn_pattern", ag->worn_pattern,
					"retired", ag->gear.retired[0] != '\0'));
	}
	json_object_set_new(tr, "gear", gear);
	gear = NULL;
	json_object_set_new(root, "findings", find);
	json_object_set_new(root, "needs", needs);
	json_object_set_new(root, "advice", adv);
	json_object_set_new(root, "training", tr);
	find = needs = adv = tr = NULL;
	text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
out:
	json_decref(root);
	json_decref(find);
	json_decref(needs);
	json_decref(adv);
	json_decref(tr);
	json_decref(weeks);
	json_decref(gear);
	return text;
}
