/* The answers and the readers of request bodies shared by the journal endpoints
 * (web/journal_api.c) and the endpoints that change one record (web/edit_api.c). Records go out
 * through the library's writers (nf_run_json and friends), the shapes of `numbfoot export`
 * (docs/journal.md): a run's distance goes in as km and comes out as metres.
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "numbfoot/journal.h"
#include "web.h"
/* ---- answers ---- */

void web_reply(struct web_response *rs, int status, json_t *o)
{
	web_json_text(rs, status, o ? json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(8)) : NULL);
	json_decref(o);
}

/* The journal's error as an HTTP answer. */
void web_journal_error(struct web_response *rs, const nf_error *err)
{
	int status = 500;
	switch (err->code) {
	case NF_EINVAL:
	case NF_EPARSE:
	case NF_ELIMIT:
		status = 400;
		break;
	case NF_ENOTFOUND:
		status = 404;
		break;
	case NF_EEXIST:
		status = 409;
		break;
	case NF_ESKIP:
		status = 422;
		break;
	default:
		break;
	}
	web_json_error(rs, status, "%s", err->msg[0] ? err->msg : nf_errstr(err->code));
}

/* ---- reading request bodies ---- */


bool web_body_keys(struct web_body *b, const char *const *allowed)
{
	const char *key;
	json_t *v;
	json_object_foreach(b->root, key, v)
	{
		size_t i = 0;
		while (allowed[i] && strcmp(allowed[i], key))
			i++;
		if (!allowed[i]) {
			web_json_error(b->rs, 400, "%s%.60s: unknown key", b->prefix, key);
			return false;
		}
	}
	return true;
}

bool web_body_text(struct web_body *b, const char *key, char *out, size_t cap)
{
	json_t *v = json_object_get(b->root, key);
	if (!v)
		return true;
	if (json_is_null(v)) {
		out[0] = '\0';
		return true;
	}
	if (!json_is_string(v) || json_string_length(v) >= cap ||
	    strlen(json_string_value(v)) != json_string_length(v)) {
		web_json_error(b->rs, 400, "%s%s: must be a text of at most %zu bytes", b->prefix, key,
			       cap - 1);
		return false;
	}
	memcpy(out, json_string_value(v), json_string_length(v) + 1);
	return true;
}

/* A number in [lo, hi]; null gives NaN (unknown). */
bool web_body_number(struct web_body *b, const char *key, double lo, double hi, double *out)
{
	json_t *v = json_object_get(b->root, key);
	if (!v)
		return true;
	if (json_is_null(v)) {
		*out = NAN;
		return true;
	}
	double x = json_is_number(v) ? json_number_value(v) : NAN;
	if (!isfinite(x) || x < lo || x > hi) {
		web_json_error(b->rs, 400, "%s%s: must be a number from %g to %g or null", b->prefix, key, lo,
			       hi);
		return false;
	}
	*out = x;
	return true;
}

/* A distance in km of kind (nf_distance_check, the commands' checker); null gives NaN (unknown). */
bool web_body_distance(struct web_body *b, const char *key, nf_distance_of kind, double *out)
{
	json_t *v = json_object_get(b->root, key);
	nf_error err = {0};
	if (!v)
		return true;
	if (json_is_null(v)) {
		*out = NAN;
		return true;
	}
	if (!json_is_number(v)) {
		web_json_error(b->rs, 400, "%s%s: must be a distance in km or null", b->prefix, key);
		return false;
	}
	if (nf_distance_check(json_number_value(v), kind, &err)) {
		web_json_error(b->rs, 400, "%s%s: %s", b->prefix, key, err.msg);
		return false;
	}
	*out = json_number_value(v);
	return true;
}

/* true/false/null into 1/0/-1. */
bool web_body_tri(struct web_body *b, const char *key, int *out)
{
	json_t *v = json_object_get(b->root, key);
	if (!v)
		return true;
	if (!json_is_boolean(v) && !json_is_null(v)) {
		web_json_error(b->rs, 400, "%s%s: must be true, false or null", b->prefix, key);
		return false;
	}
	*out = json_is_null(v) ? -1 : json_is_true(v);
	return true;
}

bool web_body_date(struct web_body *b, const char *key, char *out)
{
	if (!web_body_text(b, key, out, NF_JOURNAL_DATE_MAX))
		return false;
	if (!out[0])
		return true;
	nf_error err = {0};
	if (nf_date_parse(out, NULL, &err)) {
		web_json_error(b->rs, 400, "%s%s: %s", b->prefix, key, err.msg);
		return false;
	}
	return true;
}

json_t *web_parse_body(const struct web_request *rq, struct web_response *rs)
{
	json_error_t je;
	if (!rq->body || !rq->body_len) {
		web_json_error(rs, 400, "body: a JSON object is needed");
		return NULL;
	}
	json_t *root = json_loadb(rq->body, rq->body_len, JSON_REJECT_DUPLICATES, &je);
	if (!root) {
		/* The assessment API's words and byte (web/jsonread.c), not jansson's line and column
		 * or its flag names; jansson's own text, cut before its "near", only past that reader's
		 * caps. */
		char why[160];
		if (web_json_fault(rq->body, rq->body_len, why, sizeof why)) {
			web_json_error(rs, 400, "body: %s", why);
		} else {
			const char *near = strstr(je.text, " near ");
			int n = near ? (int)(near - je.text) : (int)strlen(je.text);
			bool nul = strstr(je.text, "JSON_ALLOW_NUL") || strstr(je.text, "NUL byte");
			web_json_error(rs, 400, "body: byte %d: %.*s", je.position, nul ? 31 : n,
				       nul ? "a NUL character is not allowed" : je.text);
		}
		return NULL;
	}
	if (!json_is_object(root)) {
		json_decref(root);
		web_json_error(rs, 400, "body: must be a JSON object");
		return NULL;
	}
	return root;
}

bool web_read_episode(struct web_body *b, nf_episode *e)
{
	static const char *const keys[] = {
	    "run_id",	   "onset_km",	       "onset_min",	   "locations", "side", "foot",
	    "severity",	   "recover_min", "not_back", "calf_cramp_first", "loosening_helped", "notes", NULL};
	int not_back = e->not_back;
	if (!web_body_keys(b, keys) || !web_body_distance(b, "onset_km", NF_DISTANCE_IN_RUN, &e->onset_km) ||
	    !web_body_number(b, "onset_min", 0, 10000, &e->onset_min) ||
	    !web_body_number(b, "recover_min", 0, NF_JOURNAL_RECOVER_MAX_MIN, &e->recover_min) ||
	    !web_body_tri(b, "calf_cramp_first", &e->calf_cramp_first) ||
	    !web_body_tri(b, "loosening_helped", &e->loosening_helped) || !web_body_tri(b, "not_back", &not_back) ||
	    !web_body_text(b, "notes", e->notes, sizeof e->notes))
		return false;
	/* Feeling came back after some minutes, or has not come back yet: a recovery time given
	 * clears a stored "not back", and "not back" clears a stored recovery time; both at once is
	 * the journal's to refuse. */
	json_t *rec = json_object_get(b->root, "recover_min"), *nb = json_object_get(b->root, "not_back");
	if (not_back < 0)
		not_back = 0;
	if (rec && !json_is_null(rec) && !json_is_true(nb))
		not_back = 0;
	if (not_back && !rec)
		e->recover_min = NAN;
	e->not_back = not_back;
	json_t *v = json_object_get(b->root, "locations");
	if (v && !json_is_null(v)) {
		size_t i;
		json_t *item;
		if (!json_is_array(v)) {
			web_json_error(b->rs, 400, "%slocations: must be an array of places", b->prefix);
			return false;
		}
		e->locations = 0;
		json_array_foreach(v, i, item)
		{
			int k = json_is_string(item) ? nf_location_index(json_string_value(item)) : -1;
			if (k < 0) {
				web_json_error(b->rs, 400, "%slocations[%zu]: not a known place", b->prefix,
					       i);
				return false;
			}
			e->locations |= 1u << k;
		}
	}
	v = json_object_get(b->root, "side");
	if (v && !json_is_null(v)) {
		const char *s = json_string_value(v);
		if (s && !strcmp(s, "one"))
			e->side = NF_SIDE_ONE;
		else if (s && !strcmp(s, "both"))
			e->side = NF_SIDE_BOTH;
		else {
			web_json_error(b->rs, 400, "%sside: must be \"one\", \"both\" or null", b->prefix);
			return false;
		}
	} else if (v) {
		e->side = NF_SIDE_UNKNOWN; /* null: not known, as for every other field */
	}
	/* Which foot decides the side; a side alone that the stored foot contradicts leaves the foot
	 * unknown (the journal refuses the two disagreeing). */
	json_t *side = v;
	v = json_object_get(b->root, "foot");
	if (v && !json_is_null(v)) {
		int foot = nf_foot_parse(json_string_value(v));
		if (foot < 0) {
			web_json_error(b->rs, 400, "%sfoot: must be \"left\", \"right\", \"both\" or null", b->prefix);
			return false;
		}
		if (side && !json_is_null(side) && nf_foot_side((nf_foot)foot) != e->side) {
			web_json_error(b->rs, 400, "%sfoot: %s contradicts side %s", b->prefix, json_string_value(v),
				       json_string_value(side));
			return false;
		}
		e->foot = (nf_foot)foot;
		e->side = nf_foot_side(e->foot);
	} else if (v) {
		e->foot = NF_FOOT_UNKNOWN;
	} else if (side && e->foot != NF_FOOT_UNKNOWN && nf_foot_side(e->foot) != e->side) {
		e->foot = NF_FOOT_UNKNOWN;
	}
	v = json_object_get(b->root, "severity");
	if (v && !json_is_null(v)) {
		if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > 10) {
			web_json_error(b->rs, 400, "%sseverity: must be a whole number from 0 to 10 or null",
				       b->prefix);
			return false;
		}
		e->severity = (int)json_integer_value(v);
	}
	return true;
}

/* Gear named by nickname for a run's shoes or insoles: absent keeps the default of its kind,
 * null or "" means none. */
bool web_body_gear_ref(struct web_body *b, nf_journal *j, const char *key, nf_gear_kind kind, int64_t *id)
{
	json_t *v = json_object_get(b->root, key);
	nf_gear g;
	if (!v) {
		*id = nf_journal_default_gear(j, kind, &g, NULL) == NF_OK ? g.id : 0;
		return true;
	}
	if (json_is_null(v) || (json_is_string(v) && !json_string_length(v))) {
		*id = 0;
		return true;
	}
	if (!json_is_string(v) || nf_journal_find_gear(j, json_string_value(v), &g, NULL) != NF_OK) {
		web_json_error(b->rs, 400, "%s: no gear with that nickname", key);
		return false;
	}
	*id = g.id;
	return true;
}

/* ---- the endpoints ---- */

/* What a watch records, typed by hand: temperature_c, cadence_spm and heart_rate_bpm, in the
 * ranges run add takes (--temp, --cadence, --hr); null clears one. Only the keys named. */
static bool read_run_measures(struct web_body *b, nf_journal_run *r)
{
	double temp = r->rec.temperature_c, cadence = r->rec.cadence_spm, hr = r->rec.heart_rate_bpm;
	if (!web_body_number(b, "temperature_c", -60, 60, &temp) ||
	    !web_body_number(b, "cadence_spm", NF_RUN_CADENCE_MIN, NF_RUN_CADENCE_MAX, &cadence) ||
	    !web_body_number(b, "heart_rate_bpm", NF_TYPED_HR_MIN, NF_RUN_HR_MAX, &hr))
		return false;
	r->rec.temperature_c = temp;
	r->rec.heart_rate_bpm = hr;
	if (json_object_get(b->root, "cadence_spm")) {
		r->rec.cadence_spm = cadence;
		snprintf(r->cadence_unit, sizeof r->cadence_unit, "%s", isfinite(cadence) ? "spm" : "");
	}
	return true;
}

bool web_read_run(struct web_body *b, nf_journal *j, nf_journal_run *r, bool new_run)
{
	json_t *t = json_object_get(b->root, "start_time");
	/* Seconds 60 is a leap second, which the reader takes from a watch's file (as the next
	 * minute's 0); a time typed or sent for a run has none: :60 is a slip, stored as 10:01:00. */
	if (t && !json_is_null(t) &&
	    (!json_is_string(t) || nf_time_parse_iso(json_string_value(t), &r->rec.start_time) != NF_OK ||
	     !strcmp(json_string_value(t) + 17, "60Z"))) {
		web_json_error(b->rs, 400, "start_time: must be a time YYYY-MM-DDTHH:MM:SSZ (seconds 00 to 59) or null");
		return false;
	}
	if (t && json_is_null(t))
		r->rec.start_time = -1;
	/* As run add refuses it: a run is recorded once it is run, and a later day would count in
	 * weeks that have not come. */
	if (t && r->rec.start_time >= 0) {
		char day[NF_JOURNAL_DATE_MAX], today[NF_JOURNAL_DATE_MAX];
		nf_journal_local_day(r->rec.start_time, day);
		if (nf_journal_day_after(day, time(NULL), today)) {
			web_json_error(b->rs, 400, "start_time: %s is in the future (today is %s): record a run once it is run",
				       day, today);
			return false;
		}
	}
	double km = NAN, min = NAN;
	if (!web_body_distance(b, "distance_km", NF_DISTANCE_RUN, &km) || !web_body_number(b, "duration_min", 0, 10000, &min) ||
	    !web_body_text(b, "surface", r->surface, sizeof r->surface) ||
	    !web_body_text(b, "notes", r->notes, sizeof r->notes) ||
	    ((new_run || json_object_get(b->root, "shoes")) &&
	     !web_body_gear_ref(b, j, "shoes", NF_GEAR_SHOES, &r->shoes_id)) ||
	    ((new_run || json_object_get(b->root, "insoles")) &&
	     !web_body_gear_ref(b, j, "insoles", NF_GEAR_INSOLES, &r->insoles_id)) ||
	    !read_run_measures(b, r))
		return false;
	/* Only the fields named: x / 1000 * 1000 is not always x, so an imported run's distance or
	 * time would otherwise change in its last bit when only its notes are edited. */
	if (json_object_get(b->root, "distance_km"))
		r->rec.distance_m = km * 1000;
	/* The running time typed, as run edit --duration stores it: both times, so that a file's
	 * elapsed time cannot stay beside a moving time it no longer goes with. */
	if (json_object_get(b->root, "duration_min"))
		r->rec.moving_s = r->rec.elapsed_s = min * 60;
	return true;
}

bool web_read_gear(struct web_body *b, nf_gear *g)
{
	if (!web_body_text(b, "nickname", g->nickname, sizeof g->nickname) ||
	    !web_body_text(b, "brand", g->brand, sizeof g->brand) ||
	    !web_body_text(b, "model", g->model, sizeof g->model) || !web_body_date(b, "first_use", g->first_use) ||
	    !web_body_distance(b, "start_km", NF_DISTANCE_GEAR, &g->start_km) ||
	    !web_body_distance(b, "retire_km", NF_DISTANCE_RETIRE, &g->retire_km))
		return false;
	if (!g->nickname[0]) {
		web_json_error(b->rs, 400, "nickname: a nickname is needed");
		return false;
	}
	/* As gear add --first-use refuses it: a pair is first used once it is run in. Today is the
	 * server's local day, the day the runner's calendar shows. */
	if (json_object_get(b->root, "first_use") && g->first_use[0]) {
		char today[NF_JOURNAL_DATE_MAX];
		if (nf_journal_day_after(g->first_use, time(NULL), today)) {
			web_json_error(b->rs, 400,
				       "%sfirst_use: %s is in the future (today is %s): give the day of the first run in them",
				       b->prefix, g->first_use, today);
			return false;
		}
	}
	if (!isfinite(g->start_km))
		g->start_km = 0;
	return true;
}
