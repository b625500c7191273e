/* The journal's records as JSON: the one writer of each shape (docs/journal.md), which `numbfoot
 * export`, every journal command's --json and the web API all call, so that the faces cannot
 * drift apart. Builds jansson values and gives them to the caller; prints nothing. */
#include <jansson.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>

#include "core/text.h"
#include "numbfoot/journal.h"
#include "numbfoot/text.h"

static json_t *real_or_null(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}

/* s as a JSON string. The journal refuses text that is not UTF-8, but older versions stored it,
 * and jansson refuses such a string (json_string gives NULL, which read as "out of memory" and
 * failed a whole export over one note): each stray byte is written as U+FFFD instead. */
static json_t *text(const char *s)
{
	if (nf_utf8_valid(s, NULL))
		return json_string(s);
	char *fixed = nf_utf8_repair(s);
	json_t *v = fixed ? json_string(fixed) : NULL;
	free(fixed);
	return v;
}

static json_t *text_or_null(const char *s)
{
	return s && *s ? text(s) : json_null();
}

static json_t *tri(int v)
{
	return v < 0 ? json_null() : json_boolean(v);
}

/* json_object_set_new that remembers a failure in *ok (it releases v either way). */
static void put(json_t *o, const char *k, json_t *v, bool *ok)
{
	if (!v || json_object_set_new(o, k, v))
		*ok = false;
}

/* Ends building o: o when every put succeeded, else NULL with o released. */
static json_t *built(json_t *o, bool ok)
{
	if (!ok) {
		json_decref(o);
		return NULL;
	}
	return o;
}

json_t *nf_gear_json(const nf_gear *g)
{
	bool ok = true;
	json_t *o = json_object();
	if (!o)
		return NULL;
	put(o, "id", json_integer(g->id), &ok);
	put(o, "kind", json_string(nf_gear_kind_name(g->kind)), &ok);
	put(o, "nickname", text(g->nickname), &ok);
	put(o, "brand", text_or_null(g->brand), &ok);
	put(o, "model", text_or_null(g->model), &ok);
	put(o, "first_use", text_or_null(g->first_use), &ok);
	put(o, "start_km", json_real(g->start_km), &ok);
	/* To the metre: the sum of many runs' kilometres carries float dust in its last digits. */
	put(o, "used_km", json_real(round(g->used_km * 1000) / 1000), &ok);
	put(o, "runs", json_integer(g->runs), &ok);
	put(o, "retire_km", real_or_null(g->retire_km), &ok);
	put(o, "wear", json_string(nf_wear_name(nf_gear_wear(g))), &ok);
	put(o, "retired", text_or_null(g->retired), &ok);
	put(o, "default", json_boolean(g->is_default), &ok);
	return built(o, ok);
}

json_t *nf_run_json(const nf_journal_run *r)
{
	bool ok = true;
	char when[32];
	json_t *o = json_object();
	if (!o)
		return NULL;
	nf_time_iso(r->rec.start_time, when, sizeof when);
	put(o, "id", json_integer(r->id), &ok);
	put(o, "start_time", text_or_null(when), &ok);
	put(o, "distance_m", real_or_null(r->rec.distance_m), &ok);
	put(o, "moving_s", real_or_null(r->rec.moving_s), &ok);
	put(o, "elapsed_s", real_or_null(r->rec.elapsed_s), &ok);
	put(o, "cadence_spm", real_or_null(r->rec.cadence_spm), &ok);
	put(o, "cadence_unit", text_or_null(r->cadence_unit), &ok);
	put(o, "stride_m", real_or_null(r->rec.stride_m), &ok);
	put(o, "temperature_c", real_or_null(r->rec.temperature_c), &ok);
	put(o, "heart_rate_bpm", real_or_null(r->rec.heart_rate_bpm), &ok);
	put(o, "surface", text_or_null(r->surface), &ok);
	put(o, "shoes", text_or_null(r->shoes), &ok);
	put(o, "insoles", text_or_null(r->insoles), &ok);
	put(o, "notes", text_or_null(r->notes), &ok);
	put(o, "source_file", text_or_null(r->rec.source_file), &ok);
	put(o, "source_sha256", text_or_null(r->rec.source_sha256), &ok);
	return built(o, ok);
}

json_t *nf_episode_json(const nf_episode *e)
{
	bool ok = true;
	json_t *o = json_object(), *locs = json_array();
	if (!o || !locs) {
		json_decref(o);
		json_decref(locs);
		return NULL;
	}
	for (int i = 0; i < NF_LOCATION_COUNT; i++)
		if (e->locations & (1u << i) && json_array_append_new(locs, json_string(nf_location_name(i))))
			ok = false;
	put(o, "id", json_integer(e->id), &ok);
	put(o, "run_id", json_integer(e->run_id), &ok);
	put(o, "onset_km", real_or_null(e->onset_km), &ok);
	put(o, "onset_min", real_or_null(e->onset_min), &ok);
	put(o, "locations", locs, &ok);
	put(o, "side", text_or_null(nf_side_name(e->side)), &ok);
	put(o, "foot", text_or_null(nf_foot_name(e->foot)), &ok);
	put(o, "severity", e->severity < 0 ? json_null() : json_integer(e->severity), &ok);
	put(o, "recover_min", real_or_null(e->recover_min), &ok);
	put(o, "not_back", json_boolean(e->not_back), &ok);
	put(o, "calf_cramp_first", tri(e->calf_cramp_first), &ok);
	put(o, "loosening_helped", tri(e->loosening_helped), &ok);
	put(o, "notes", text_or_null(e->notes), &ok);
	return built(o, ok);
}

json_t *nf_assessment_json(const nf_assessment *a)
{
	bool ok = true;
	json_t *o = json_object();
	if (!o)
		return NULL;
	/* The stored texts passed SQLite's json_valid; should jansson read one otherwise, the text
	 * is kept as a string rather than lost. */
	json_t *answers = a->answers ? json_loads(a->answers, JSON_DECODE_ANY, NULL) : json_null();
	json_t *result = a->result ? json_loads(a->result, JSON_DECODE_ANY, NULL) : json_null();
	put(o, "id", json_integer(a->id), &ok);
	put(o, "time", text(a->time), &ok);
	put(o, "complete", json_boolean(a->complete), &ok);
	put(o, "answers", answers ? answers : text(a->answers), &ok);
	put(o, "result", result ? result : text(a->result), &ok);
	return built(o, ok);
}

/* An array of n records, items[k] (each size bytes) made into JSON by to_json; NULL when out of
 * memory, with everything built so far released. */
static json_t *array_of(const void *items, size_t n, size_t size, json_t *(*to_json)(const void *))
{
	json_t *arr = json_array();
	for (size_t k = 0; arr && k < n; k++)
		/* json_array_append_new refuses NULL and releases what it refuses. */
		if (json_array_append_new(arr, to_json((const char *)items + k * size))) {
			json_decref(arr);
			arr = NULL;
		}
	return arr;
}

/* The writers with the element type array_of passes. */
static json_t *gear_item(const void *g)
{
	return nf_gear_json(g);
}

static json_t *episode_item(const void *e)
{
	return nf_episode_json(e);
}

static json_t *assessment_item(const void *a)
{
	return nf_assessment_json(a);
}

json_t *nf_gear_list_json(const nf_gear *list, size_t n)
{
	return array_of(list, n, sizeof *list, gear_item);
}

json_t *nf_episode_list_json(const nf_episode *list, size_t n)
{
	return array_of(list, n, sizeof *list, episode_item);
}

json_t *nf_assessment_list_json(const nf_assessment *list, size_t n)
{
	return array_of(list, n, sizeof *list, assessment_item);
}

json_t *nf_run_with_episodes_json(const nf_journal_run *r, const nf_episode *eps, size_t n)
{
	json_t *o = nf_run_json(r), *arr = json_array();
	bool ok = o && arr;
	for (size_t k = 0; ok && k < n; k++)
		if (eps[k].run_id == r->id && json_array_append_new(arr, nf_episode_json(&eps[k])))
			ok = false;
	if (ok)
		put(o, "episodes", arr, &ok); /* takes arr, even when it fails */
	else
		json_decref(arr);
	return built(o, ok);
}
