/* The journal endpoints: gear, runs (with an episode in the same POST), episodes, the import of
 * an uploaded watch file, and saved assessments. All go through include/numbfoot/journal.h under ctx->journal_lock
 * (one SQLite connection shared by the server's threads). The JSON shapes of records are those of
 * `numbfoot export` (docs/journal.md); distances go in as km and come out as metres, like there.
 * A bad field is a 400 naming the key; nothing is written then.
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "numbfoot/engine.h"
#include "numbfoot/import.h"
#include "numbfoot/journal.h"
#include "web.h"

int web_journal_open(struct web_ctx *ctx, const char *db)
{
	nf_error err;
	ctx->journal = NULL;
	if (!db)
		return 0;
	if (nf_journal_open(db, &ctx->journal, &err) != NF_OK) {
		fprintf(stderr, "numbfoot: serve: %s\n", err.msg[0] ? err.msg : nf_errstr(err.code));
		return 1;
	}
	return 0;
}

void web_journal_close(struct web_ctx *ctx)
{
	nf_journal_close(ctx->journal);
	ctx->journal = NULL;
}

/* ---- records as JSON ---- */

static json_t *text_or_null(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}
static json_t *real_or_null(double x)
{
	return isfinite(x) ? json_real(x) : json_null();
}
static json_t *tri(int v)
{
	return v < 0 ? json_null() : json_boolean(v);
}

static json_t *gear_json(const nf_gear *g)
{
	return json_pack("{s:I, s:s, s:s, s:o, s:o, s:o, s:f, s:f, s:I, s:o, s:s, s:o, s:b}", "id",
			 (json_int_t)g->id, "kind", nf_gear_kind_name(g->kind), "nickname", g->nickname,
			 "brand", text_or_null(g->brand), "model", text_or_null(g->model), "first_use",
			 text_or_null(g->first_use), "start_km", g->start_km, "used_km",
			 round(g->used_km * 1000) / 1000, "runs", (json_int_t)g->runs, "retire_km",
			 real_or_null(g->retire_km), "wear", nf_wear_name(nf_gear_wear(g)), "retired",
			 text_or_null(g->retired), "default", g->is_default);
}

static json_t *run_json(const nf_journal_run *r)
{
	char when[32];
	nf_time_iso(r->rec.start_time, when, sizeof when);
	return json_pack(
	    "{s:I, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "id", (json_int_t)r->id,
	    "start_time", text_or_null(when), "distance_m", real_or_null(r->rec.distance_m), "moving_s",
	    real_or_null(r->rec.moving_s), "elapsed_s", real_or_null(r->rec.elapsed_s), "cadence_spm",
	    real_or_null(r->rec.cadence_spm), "heart_rate_bpm", real_or_null(r->rec.heart_rate_bpm),
	    "temperature_c", real_or_null(r->rec.temperature_c), "surface", text_or_null(r->surface), "shoes",
	    text_or_null(r->shoes), "insoles", text_or_null(r->insoles), "notes", text_or_null(r->notes),
	    "source_file", text_or_null(r->rec.source_file));
}

static json_t *episode_json(const nf_episode *e)
{
	json_t *locs = json_array();
	for (int i = 0; i < NF_LOCATION_COUNT; i++)
		if (e->locations & (1u << i))
			json_array_append_new(locs, json_string(nf_location_name(i)));
	return json_pack("{s:I, s:I, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "id", (json_int_t)e->id,
			 "run_id", (json_int_t)e->run_id, "onset_km", real_or_null(e->onset_km), "onset_min",
			 real_or_null(e->onset_min), "locations", locs ? locs : json_null(), "side",
			 text_or_null(nf_side_name(e->side)), "severity",
			 e->severity < 0 ? json_null() : json_integer(e->severity), "recover_min",
			 real_or_null(e->recover_min), "calf_cramp_first", tri(e->calf_cramp_first),
			 "loosening_helped", tri(e->loosening_helped), "notes", text_or_null(e->notes));
}

static void reply(struct web_response *rs, int status, json_t *o)
{
	web_json_text(rs, status, o ? json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(8)) : NULL);
	json_decref(o);
}

/* The journal's error as an HTTP answer. */
static void journal_error(struct web_response *rs, const nf_error *err)
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

/* Fields are read by key from a parsed object; each reader sets rs to a 400 naming the key and
 * returns false on a bad value. Absent keys leave *out as it is. */
struct body {
	json_t *root;
	const char *prefix; /* "" or "episode." for messages */
	struct web_response *rs;
};

static bool check_keys(struct body *b, const char *const *allowed)
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

static bool get_text(struct body *b, const char *key, char *out, size_t cap)
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
static bool get_number(struct body *b, const char *key, double lo, double hi, double *out)
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

/* true/false/null into 1/0/-1. */
static bool get_tri(struct body *b, const char *key, int *out)
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

static bool get_date(struct body *b, const char *key, char *out)
{
	if (!get_text(b, key, out, NF_JOURNAL_DATE_MAX))
		return false;
	int y, m, d;
	char extra;
	if (out[0] && (strlen(out) != 10 || sscanf(out, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 || m < 1 ||
		       m > 12 || d < 1 || d > 31)) {
		web_json_error(b->rs, 400, "%s%s: must be a date YYYY-MM-DD", b->prefix, key);
		return false;
	}
	return true;
}

static json_t *parse_body(const struct web_request *rq, struct web_response *rs)
{
	json_error_t je;
	if (!rq->body || !rq->body_len) {
		web_json_error(rs, 400, "body: a JSON object is needed");
		return NULL;
	}
	json_t *root = json_loadb(rq->body, rq->body_len, JSON_REJECT_DUPLICATES, &je);
	if (!root) {
		web_json_error(rs, 400, "body: line %d column %d: %s", je.line, je.column, je.text);
		return NULL;
	}
	if (!json_is_object(root)) {
		json_decref(root);
		web_json_error(rs, 400, "body: must be a JSON object");
		return NULL;
	}
	return root;
}

static bool read_episode(struct body *b, nf_episode *e)
{
	static const char *const keys[] = {
	    "run_id",	   "onset_km",	       "onset_min",	   "locations", "side", "severity",
	    "recover_min", "calf_cramp_first", "loosening_helped", "notes",	NULL};
	if (!check_keys(b, keys) || !get_number(b, "onset_km", 0, 1000, &e->onset_km) ||
	    !get_number(b, "onset_min", 0, 10000, &e->onset_min) ||
	    !get_number(b, "recover_min", 0, 100000, &e->recover_min) ||
	    !get_tri(b, "calf_cramp_first", &e->calf_cramp_first) ||
	    !get_tri(b, "loosening_helped", &e->loosening_helped) ||
	    !get_text(b, "notes", e->notes, sizeof e->notes))
		return false;
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
static bool get_gear_ref(struct body *b, nf_journal *j, const char *key, nf_gear_kind kind, int64_t *id)
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

static void gear_get(nf_journal *j, struct web_response *rs)
{
	nf_gear *list;
	size_t n;
	nf_error err;
	if (nf_journal_list_gear(j, true, &list, &n, &err) != NF_OK) {
		journal_error(rs, &err);
		return;
	}
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, gear_json(&list[i]));
	nf_gear_list_free(list);
	reply(rs, 200, json_pack("{s:o}", "gear", a));
}

static void gear_post(nf_journal *j, const struct web_request *rq, struct web_response *rs)
{
	static const char *const keys[] = {"kind",     "nickname",  "brand",   "model", "first_use",
					   "start_km", "retire_km", "default", NULL};
	json_t *root = parse_body(rq, rs);
	if (!root)
		return;
	struct body b = {root, "", rs};
	nf_gear g;
	nf_error err;
	json_t *kind = json_object_get(root, "kind");
	int k =
	    kind ? (json_is_string(kind) ? nf_gear_kind_parse(json_string_value(kind)) : -1) : NF_GEAR_SHOES;
	if (!check_keys(&b, keys))
		goto out;
	if (k < 0) {
		web_json_error(rs, 400, "kind: must be \"shoes\" or \"insoles\"");
		goto out;
	}
	nf_gear_init(&g, (nf_gear_kind)k);
	int def = 0;
	if (!get_text(&b, "nickname", g.nickname, sizeof g.nickname) ||
	    !get_text(&b, "brand", g.brand, sizeof g.brand) ||
	    !get_text(&b, "model", g.model, sizeof g.model) || !get_date(&b, "first_use", g.first_use) ||
	    !get_number(&b, "start_km", 0, 100000, &g.start_km) ||
	    !get_number(&b, "retire_km", 1, 100000, &g.retire_km) || !get_tri(&b, "default", &def))
		goto out;
	if (!g.nickname[0]) {
		web_json_error(rs, 400, "nickname: a nickname is needed");
		goto out;
	}
	if (!isfinite(g.start_km))
		g.start_km = 0;
	g.is_default = def == 1;
	if (nf_journal_add_gear(j, &g, &err) != NF_OK) {
		journal_error(rs, &err);
		goto out;
	}
	nf_journal_get_gear(j, g.id, &g, NULL);
	reply(rs, 201, json_pack("{s:o}", "gear", gear_json(&g)));
out:
	json_decref(root);
}

/* Every run, latest last, each with its episodes. */
static void runs_get(nf_journal *j, struct web_response *rs)
{
	nf_journal_run *runs = NULL;
	nf_episode *eps = NULL;
	size_t nr = 0, ne = 0;
	nf_error err;
	if (nf_journal_list_runs(j, 0, &runs, &nr, &err) != NF_OK ||
	    nf_journal_list_episodes(j, 0, &eps, &ne, &err) != NF_OK) {
		nf_journal_run_list_free(runs);
		journal_error(rs, &err);
		return;
	}
	json_t *a = json_array();
	for (size_t i = 0; i < nr; i++) {
		json_t *o = run_json(&runs[i]), *ea = json_array();
		for (size_t k = 0; k < ne; k++)
			if (eps[k].run_id == runs[i].id)
				json_array_append_new(ea, episode_json(&eps[k]));
		json_object_set_new(o, "episodes", ea);
		json_array_append_new(a, o);
	}
	nf_journal_run_list_free(runs);
	nf_episode_list_free(eps);
	reply(rs, 200, json_pack("{s:o}", "runs", a));
}

static void runs_post(nf_journal *j, const struct web_request *rq, struct web_response *rs)
{
	static const char *const keys[] = {"start_time", "distance_km", "duration_min", "surface", "shoes",
					   "insoles",	 "notes",	"episode",	NULL};
	json_t *root = parse_body(rq, rs);
	if (!root)
		return;
	struct body b = {root, "", rs};
	nf_journal_run r;
	nf_episode e;
	nf_error err;
	double km = NAN, min = NAN;
	nf_journal_run_init(&r);
	nf_episode_init(&e);
	if (!check_keys(&b, keys))
		goto out;
	json_t *t = json_object_get(root, "start_time");
	if (t &&
	    (!json_is_string(t) || nf_time_parse_iso(json_string_value(t), &r.rec.start_time) != NF_OK)) {
		web_json_error(rs, 400, "start_time: must be a time YYYY-MM-DDTHH:MM:SSZ");
		goto out;
	}
	if (!get_number(&b, "distance_km", 0, 1000, &km) || !get_number(&b, "duration_min", 0, 10000, &min) ||
	    !get_text(&b, "surface", r.surface, sizeof r.surface) ||
	    !get_text(&b, "notes", r.notes, sizeof r.notes) ||
	    !get_gear_ref(&b, j, "shoes", NF_GEAR_SHOES, &r.shoes_id) ||
	    !get_gear_ref(&b, j, "insoles", NF_GEAR_INSOLES, &r.insoles_id))
		goto out;
	r.rec.distance_m = km * 1000;
	r.rec.moving_s = min * 60;
	json_t *ep = json_object_get(root, "episode");
	bool has_episode = ep && !json_is_null(ep);
	if (has_episode) {
		struct body eb = {ep, "episode.", rs};
		if (!json_is_object(ep)) {
			web_json_error(rs, 400, "episode: must be an object or null");
			goto out;
		}
		if (json_object_get(ep, "run_id")) {
			web_json_error(rs, 400, "episode.run_id: set by the run it comes with");
			goto out;
		}
		if (!read_episode(&eb, &e))
			goto out;
	}
	unsigned crossed = 0;
	if (nf_journal_add_run(j, &r, &e, has_episode ? 1 : 0, &crossed, &err) != NF_OK) {
		journal_error(rs, &err);
		goto out;
	}
	nf_journal_get_run(j, r.id, &r, NULL);
	json_t *o = json_pack("{s:o, s:o, s:b, s:b}", "run", run_json(&r), "episode",
			      has_episode ? episode_json(&e) : json_null(), "shoes_worn_out",
			      (crossed & NF_CROSSED_SHOES) != 0, "insoles_worn_out",
			      (crossed & NF_CROSSED_INSOLES) != 0);
	reply(rs, 201, o);
out:
	json_decref(root);
}

static void episodes_get(nf_journal *j, struct web_response *rs)
{
	nf_episode *eps;
	size_t n;
	nf_error err;
	if (nf_journal_list_episodes(j, 0, &eps, &n, &err) != NF_OK) {
		journal_error(rs, &err);
		return;
	}
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, episode_json(&eps[i]));
	nf_episode_list_free(eps);
	reply(rs, 200, json_pack("{s:o}", "episodes", a));
}

static void episodes_post(nf_journal *j, const struct web_request *rq, struct web_response *rs)
{
	json_t *root = parse_body(rq, rs);
	if (!root)
		return;
	struct body b = {root, "", rs};
	nf_episode e;
	nf_error err;
	nf_episode_init(&e);
	json_t *id = json_object_get(root, "run_id");
	if (!json_is_integer(id) || json_integer_value(id) < 1) {
		web_json_error(rs, 400, "run_id: the id of the run it happened on is needed");
		goto out;
	}
	e.run_id = json_integer_value(id);
	if (!read_episode(&b, &e))
		goto out;
	if (nf_journal_add_episode(j, &e, &err) != NF_OK) {
		journal_error(rs, &err);
		goto out;
	}
	reply(rs, 201, json_pack("{s:o}", "episode", episode_json(&e)));
out:
	json_decref(root);
}

/* Replaces the spool file's path in a message by the uploaded name. */
static void rename_in_message(char *msg, size_t cap, const char *from, const char *to)
{
	char *at = strstr(msg, from);
	if (!at || !*from)
		return;
	char rest[NF_ERROR_MSG_MAX];
	snprintf(rest, sizeof rest, "%s", at + strlen(from));
	snprintf(at, cap - (size_t)(at - msg), "%s%s", to, rest);
}

static void import_post(nf_journal *j, const struct web_request *rq, struct web_response *rs)
{
	if (!rq->upload_path) {
		web_json_error(rs, 400, "body: the watch file's bytes are needed (FIT, GPX or TCX)");
		return;
	}
	/* The uploaded name, reduced to a plain base name for messages and the record. */
	char name[NF_RUN_SOURCE_MAX] = "upload";
	if (rq->upload_name && *rq->upload_name) {
		const char *base = strrchr(rq->upload_name, '/');
		base = base ? base + 1 : rq->upload_name;
		size_t n = 0;
		for (const char *p = base; *p && n + 1 < sizeof name; p++)
			name[n++] = (*p >= 0x20 && *p != 0x7f && *p != '\\') ? *p : '_';
		name[n] = '\0';
		if (!n)
			snprintf(name, sizeof name, "upload");
	}
	nf_journal_run r;
	nf_error err;
	nf_gear g;
	nf_journal_run_init(&r);
	nf_err e = nf_import_file(rq->upload_path, &r.rec, &err);
	if (e != NF_OK) {
		rename_in_message(err.msg, sizeof err.msg, rq->upload_path, name);
		if (e == NF_ESKIP)
			web_json_error(rs, 422, "%s", err.msg);
		else
			journal_error(rs, &err);
		return;
	}
	snprintf(r.rec.source_file, sizeof r.rec.source_file, "%s", name);
	int64_t existing = 0;
	if (nf_journal_find_source(j, r.rec.source_sha256, &existing, NULL) == NF_OK && existing) {
		web_json_error(rs, 409, "%s: already in the journal as run %lld", name, (long long)existing);
		return;
	}
	if (nf_journal_default_gear(j, NF_GEAR_SHOES, &g, NULL) == NF_OK)
		r.shoes_id = g.id;
	if (nf_journal_default_gear(j, NF_GEAR_INSOLES, &g, NULL) == NF_OK)
		r.insoles_id = g.id;
	unsigned crossed = 0;
	if (nf_journal_add_run(j, &r, NULL, 0, &crossed, &err) != NF_OK) {
		journal_error(rs, &err);
		return;
	}
	nf_journal_get_run(j, r.id, &r, NULL);
	reply(rs, 201,
	      json_pack("{s:o, s:b}", "run", run_json(&r), "shoes_worn_out",
			(crossed & NF_CROSSED_SHOES) != 0));
}

/* Stores the assessment the body describes (as for /api/assess/result) with its result. */
static void assessments_post(struct web_ctx *ctx, const struct web_request *rq, struct web_response *rs)
{
	nf_engine *e = web_assess_engine(ctx, rq, rs);
	if (!e)
		return;
	char *result = nf_engine_result_json(e), *answers = NULL;
	json_t *parsed = result ? json_loads(result, 0, NULL) : NULL;
	json_t *ans = json_object_get(parsed, "answers");
	answers = ans ? json_dumps(ans, JSON_COMPACT | JSON_REAL_PRECISION(17)) : NULL;
	if (!answers) {
		web_json_error(rs, 500, "out of memory");
		goto out;
	}
	char when[32];
	nf_time_iso((int64_t)time(NULL), when, sizeof when);
	int64_t id = 0;
	nf_error err;
	if (nf_journal_add_assessment(ctx->journal, when, answers, result, &id, &err) != NF_OK) {
		journal_error(rs, &err);
		goto out;
	}
	reply(rs, 201, json_pack("{s:I, s:s}", "id", (json_int_t)id, "time", when));
out:
	json_decref(parsed);
	free(answers);
	free(result);
}

static void assessments_get(nf_journal *j, struct web_response *rs)
{
	nf_assessment *list;
	size_t n;
	nf_error err;
	if (nf_journal_list_assessments(j, &list, &n, &err) != NF_OK) {
		journal_error(rs, &err);
		return;
	}
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *ans = list[i].answers ? json_loads(list[i].answers, 0, NULL) : NULL;
		json_t *res = list[i].result ? json_loads(list[i].result, 0, NULL) : NULL;
		json_array_append_new(a, json_pack("{s:I, s:s, s:o, s:o}", "id", (json_int_t)list[i].id, "time",
						   list[i].time, "answers", ans ? ans : json_null(), "result",
						   res ? res : json_null()));
	}
	nf_assessment_list_free(list, n);
	reply(rs, 200, json_pack("{s:o}", "assessments", a));
}

bool web_journal_route(struct web_ctx *ctx, const struct web_request *rq, struct web_response *rs)
{
	static const char *const paths[] = {"/api/gear", "/api/runs", "/api/episodes", "/api/import",
					    "/api/assessments"};
	size_t which = 0;
	while (which < 5 && strcmp(rq->path, paths[which]))
		which++;
	if (which == 5)
		return false;
	bool get = !strcmp(rq->method, "GET") || !strcmp(rq->method, "HEAD"),
	     post = !strcmp(rq->method, "POST");
	if ((which == 3 && !post) || (!get && !post)) {
		web_json_error(rs, 405, "%s: use %s", rq->path, which == 3 ? "POST" : "GET or POST");
		return true;
	}
	if (!ctx->journal) {
		web_json_error(rs, 503, "the journal is not open");
		return true;
	}
	pthread_mutex_lock(&ctx->journal_lock);
	switch (which) {
	case 0:
		get ? gear_get(ctx->journal, rs) : gear_post(ctx->journal, rq, rs);
		break;
	case 1:
		get ? runs_get(ctx->journal, rs) : runs_post(ctx->journal, rq, rs);
		break;
	case 2:
		get ? episodes_get(ctx->journal, rs) : episodes_post(ctx->journal, rq, rs);
		break;
	case 3:
		import_post(ctx->journal, rq, rs);
		break;
	default:
		get ? assessments_get(ctx->journal, rs) : assessments_post(ctx, rq, rs);
		break;
	}
	pthread_mutex_unlock(&ctx->journal_lock);
	return true;
}
