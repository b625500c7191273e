/* The journal endpoints: gear, runs (with an episode in the same POST), episodes and the import
 * of an uploaded watch file (saved assessments are in web/assessment_api.c). All go through include/numbfoot/journal.h under ctx->journal_lock
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

#include "numbfoot/analyze.h"
#include "numbfoot/date.h"
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


static void gear_get(nf_journal *j, struct web_response *rs)
{
	nf_gear *list;
	size_t n;
	nf_error err;
	if (nf_journal_list_gear(j, true, &list, &n, &err) != NF_OK) {
		web_journal_error(rs, &err);
		return;
	}
	json_t *a = nf_gear_list_json(list, n);
	nf_gear_list_free(list);
	web_reply(rs, 200, a ? json_pack("{s:o}", "gear", a) : NULL);
}

static void gear_post(nf_journal *j, const struct web_request *rq, struct web_response *rs)
{
	static const char *const keys[] = {"kind",     "nickname",  "brand",   "model", "first_use",
					   "start_km", "retire_km", "default", NULL};
	json_t *root = web_parse_body(rq, rs);
	if (!root)
		return;
	struct web_body b = {root, "", rs};
	nf_gear g;
	nf_error err;
	json_t *kind = json_object_get(root, "kind");
	int k =
	    kind ? (json_is_string(kind) ? nf_gear_kind_parse(json_string_value(kind)) : -1) : NF_GEAR_SHOES;
	if (!web_body_keys(&b, keys))
		goto out;
	if (k < 0) {
		web_json_error(rs, 400, "kind: must be \"shoes\" or \"insoles\"");
		goto out;
	}
	nf_gear_init(&g, (nf_gear_kind)k);
	int def = 0;
	if (!web_read_gear(&b, &g) || !web_body_tri(&b, "default", &def))
		goto out;
	g.is_default = def == 1;
	if (nf_journal_add_gear(j, &g, &err) != NF_OK) {
		web_journal_error(rs, &err);
		goto out;
	}
	nf_journal_get_gear(j, g.id, &g, NULL);
	web_reply(rs, 201, json_pack("{s:o}", "gear", nf_gear_json(&g)));
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
		web_journal_error(rs, &err);
		return;
	}
	json_t *a = json_array();
	for (size_t i = 0; a && i < nr; i++)
		/* json_array_append_new refuses NULL and releases what it refuses. */
		if (json_array_append_new(a, nf_run_with_episodes_json(&runs[i], eps, ne))) {
			json_decref(a);
			a = NULL;
		}
	nf_journal_run_list_free(runs);
	nf_episode_list_free(eps);
	web_reply(rs, 200, a ? json_pack("{s:o}", "runs", a) : NULL);
}

/* A run like one stored (typed twice, or typed after its file came), or one whose time overlaps
 * a stored run's, is refused as run add and run edit refuse it, unless the body says force: true:
 * 409 with the other run as "like". r->id is left out (an edit). False when a reply is made. */
bool web_refuse_clash(nf_journal *j, const nf_journal_run *r, json_t *root, struct web_response *rs)
{
	nf_error err;
	json_t *force = json_object_get(root, "force");
	if (force && !json_is_boolean(force)) {
		web_json_error(rs, 400, "force: must be true or false");
		return false;
	}
	if (json_is_true(force))
		return true;
	int64_t like = 0;
	bool overlap = false;
	nf_journal_run other;
	if (nf_journal_find_clash(j, &r->rec, r->id, &like, &overlap, &err) != NF_OK ||
	    (like && nf_journal_get_run(j, like, &other, &err) != NF_OK)) {
		web_journal_error(rs, &err);
		return false;
	}
	if (!like)
		return true;
	/* "like" is the stored run as GET /api/runs/ID gives it: the page words its own question
	 * from it (local time, the runner's unit, the shoes), not from this message, which is for a
	 * client of the API. */
	char when[32], msg[200];
	nf_time_iso(other.rec.start_time, when, sizeof when);
	snprintf(msg, sizeof msg, "%s run %lld (%s, %.2f km): send force: true to %s anyway",
		 overlap ? "overlaps in time with" : "looks like", (long long)like, when,
		 other.rec.distance_m / 1000, r->id ? "change it" : "store it");
	json_t *o = json_pack("{s:s, s:o, s:b}", "error", msg, "like", nf_run_json(&other), "overlap", overlap);
	web_json_text(rs, 409, o ? json_dumps(o, JSON_COMPACT) : NULL);
	json_decref(o);
	return false;
}

json_t *web_warning_sign(const nf_kb *kb, nf_units units, const nf_episode *e, int64_t run_start, int64_t now)
{
	char says[1024], when[24];
	int level = nf_episode_sign(kb, e, run_start, now, units, says, sizeof says);
	if (level < 0)
		return json_null();
	nf_time_iso(run_start, when, sizeof when);
	return json_pack("{s:s, s:s, s:s, s:I, s:I, s:s, s:o, s:b}", "finding", "not_settled_hours", "level",
			 nf_triage_id((nf_triage)level), "says", says, "episode_id", (json_int_t)e->id, "run_id",
			 (json_int_t)e->run_id, "run_start", when, "recover_min",
			 isfinite(e->recover_min) ? json_real(e->recover_min) : json_null(), "not_back", e->not_back);
}

static void runs_post(nf_journal *j, const nf_kb *kb, nf_units units, const struct web_request *rq, struct web_response *rs)
{
	static const char *const keys[] = {"start_time",	 "distance_km",	   "duration_min", "surface",
					   "shoes",	 "insoles",	   "notes",	   "episode",
					   "temperature_c", "cadence_spm", "heart_rate_bpm", "force", NULL};
	json_t *root = web_parse_body(rq, rs);
	if (!root)
		return;
	struct web_body b = {root, "", rs};
	nf_journal_run r;
	nf_episode e;
	nf_error err;
	nf_journal_run_init(&r);
	nf_episode_init(&e);
	if (!web_body_keys(&b, keys) || !web_read_run(&b, j, &r, true))
		goto out;
	/* The default pair on a day it was not in service: the pair in service that day instead (or
	 * none), as run add and an import give it. A pair named in the body is held to its dates. */
	static const struct {
		const char *key;
		nf_gear_kind kind;
	} worn[] = {{"shoes", NF_GEAR_SHOES}, {"insoles", NF_GEAR_INSOLES}};
	for (size_t k = 0; k < 2; k++) {
		int64_t *id = k ? &r.insoles_id : &r.shoes_id;
		nf_error why = {0};
		if (json_object_get(root, worn[k].key) || !*id ||
		    nf_journal_gear_in_service(j, *id, r.rec.start_time, &why) == NF_OK)
			continue;
		if (why.code != NF_EINVAL || nf_journal_gear_on(j, worn[k].kind, r.rec.start_time, id, &err) != NF_OK) {
			web_journal_error(rs, why.code != NF_EINVAL ? &why : &err);
			goto out;
		}
	}
	json_t *ep = json_object_get(root, "episode");
	bool has_episode = ep && !json_is_null(ep);
	if (has_episode) {
		struct web_body eb = {ep, "episode.", rs};
		if (!json_is_object(ep)) {
			web_json_error(rs, 400, "episode: must be an object or null");
			goto out;
		}
		if (json_object_get(ep, "run_id")) {
			web_json_error(rs, 400, "episode.run_id: set by the run it comes with");
			goto out;
		}
		if (!web_read_episode(&eb, &e))
			goto out;
	}
	if (!web_refuse_clash(j, &r, root, rs))
		goto out;
	unsigned crossed = 0;
	if (nf_journal_add_run(j, &r, &e, has_episode ? 1 : 0, &crossed, &err) != NF_OK) {
		web_journal_error(rs, &err);
		goto out;
	}
	nf_journal_get_run(j, r.id, &r, NULL);
	if (has_episode)
		e.run_id = r.id;
	json_t *o = json_pack("{s:o, s:o, s:b, s:b, s:o}", "run", nf_run_json(&r), "episode",
			      has_episode ? nf_episode_json(&e) : json_null(), "shoes_worn_out",
			      (crossed & NF_CROSSED_SHOES) != 0, "insoles_worn_out",
			      (crossed & NF_CROSSED_INSOLES) != 0, "warning_sign",
			      has_episode ? web_warning_sign(kb, units, &e, r.rec.start_time, (int64_t)time(NULL)) : json_null());
	web_reply(rs, 201, o);
out:
	json_decref(root);
}

static void episodes_get(nf_journal *j, struct web_response *rs)
{
	nf_episode *eps;
	size_t n;
	nf_error err;
	if (nf_journal_list_episodes(j, 0, &eps, &n, &err) != NF_OK) {
		web_journal_error(rs, &err);
		return;
	}
	json_t *a = nf_episode_list_json(eps, n);
	nf_episode_list_free(eps);
	web_reply(rs, 200, a ? json_pack("{s:o}", "episodes", a) : NULL);
}

static void episodes_post(nf_journal *j, const nf_kb *kb, nf_units units, const struct web_request *rq, struct web_response *rs)
{
	json_t *root = web_parse_body(rq, rs);
	if (!root)
		return;
	struct web_body b = {root, "", rs};
	nf_episode e;
	nf_error err;
	nf_episode_init(&e);
	json_t *id = json_object_get(root, "run_id");
	if (!json_is_integer(id) || json_integer_value(id) < 1) {
		web_json_error(rs, 400, "run_id: the id of the run it happened on is needed");
		goto out;
	}
	e.run_id = json_integer_value(id);
	if (!web_read_episode(&b, &e))
		goto out;
	if (nf_journal_add_episode(j, &e, &err) != NF_OK) {
		web_journal_error(rs, &err);
		goto out;
	}
	nf_journal_run run;
	json_t *sign = nf_journal_get_run(j, e.run_id, &run, NULL) == NF_OK
			       ? web_warning_sign(kb, units, &e, run.rec.start_time, (int64_t)time(NULL))
			       : json_null();
	web_reply(rs, 201, json_pack("{s:o, s:o}", "episode", nf_episode_json(&e), "warning_sign", sign));
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

/* What an upload gave, run by run, for the reply. */
struct upload {
	nf_journal *j;
	nf_intake *in;
	const char *spool, *name; /* the spooled file's path, and the name it is told by */
	json_t *runs;             /* one entry per run read */
	json_t *first;            /* the first run stored or merged, as the journal has it */
	size_t stored, merged, duplicates, refused, not_runs, broken;
	bool worn_out;
	/* The first message of each kind (broken or refused, duplicate, not a run), for a reply
	 * that stored nothing. */
	char why[3][NF_ERROR_MSG_MAX];
};

enum { WHY_BAD, WHY_DUPLICATE, WHY_NOT_RUN };

static void upload_note(struct upload *u, const char *status, const nf_run_record *rec, int64_t id, const char *msg)
{
	char text[NF_ERROR_MSG_MAX];
	snprintf(text, sizeof text, "%s", msg ? msg : "");
	rename_in_message(text, sizeof text, u->spool, u->name);
	/* An export's entries are named by the archive's base name ("SPOOL:activities.csv:3: ..."). */
	const char *spool_base = strrchr(u->spool, '/');
	rename_in_message(text, sizeof text, spool_base ? spool_base + 1 : u->spool, u->name);
	int kind = !strcmp(status, "duplicate") || !strcmp(status, "like_typed_run") ? WHY_DUPLICATE : !strcmp(status, "not_a_run") ? WHY_NOT_RUN : WHY_BAD;
	if (msg && !u->why[kind][0])
		snprintf(u->why[kind], sizeof u->why[kind], "%s", text);
	json_t *o = json_pack("{s:s, s:s?}", "status", status, "message", msg ? text : NULL);
	if (rec) {
		char src[NF_ERROR_MSG_MAX];
		snprintf(src, sizeof src, "%s", rec->source_file);
		rename_in_message(src, sizeof src, u->spool, u->name);
		json_object_set_new(o, "source_file", json_string(src));
	}
	if (id)
		json_object_set_new(o, "run_id", json_integer(id));
	json_array_append_new(u->runs, o);
}

/* A run like one typed by hand (nf_journal_find_like_run), not stored: its entry names the typed
 * run by run_id and gives it whole as "like" (as GET /api/runs/ID does), from which the page words
 * its offer to merge (local time, the runner's unit); the message is for a client of the API and
 * says how to take the file in: the same upload with ?merge=1. */
static void typed_note(struct upload *u, const nf_run_record *rec, int64_t id)
{
	nf_journal_run t;
	char when[32] = "", msg[NF_ERROR_MSG_MAX];
	bool known = !nf_journal_get_run(u->j, id, &t, NULL);
	if (known)
		nf_time_iso(t.rec.start_time, when, sizeof when);
	snprintf(msg, sizeof msg,
		 "%s: looks like run %lld (%s, %.2f km), typed by hand: that run is kept as it is, with its "
		 "episodes; send the file again with ?merge=1 to take its distance, times, heart rate, cadence "
		 "and route into that run",
		 rec->source_file, (long long)id, when, known ? t.rec.distance_m / 1000 : 0.0);
	upload_note(u, "like_typed_run", rec, id, msg);
	json_t *entry = json_array_get(u->runs, json_array_size(u->runs) - 1);
	if (entry && known)
		json_object_set_new(entry, "like", nf_run_json(&t));
}

/* Stores the runs of one file read; false when the journal failed (the reply is then written). */
static bool upload_runs(struct upload *u, nf_import *im, const char *file, const char *gear,
			struct web_response *rs)
{
	for (size_t i = 0; i < nf_import_count(im); i++) {
		nf_run_record rec = *nf_import_get(im, i);
		size_t nroute = 0;
		const nf_track_point *route = nf_import_route(im, i, &nroute);
		nf_intake_run res;
		nf_error err = {0};
		char msg[NF_ERROR_MSG_MAX * 2];
		/* The file stored by the name it was uploaded with, not the spool's. */
		snprintf(msg, sizeof msg, "%s", rec.source_file);
		rename_in_message(msg, sizeof msg, u->spool, u->name);
		snprintf(rec.source_file, sizeof rec.source_file, "%s", !strcmp(file, u->spool) ? u->name : msg);
		if (nf_intake_store(u->in, &rec, route, nroute, gear, &res, &err)) {
			/* The journal failed: later files would fail the same way. The reply says what was
			 * stored before (whole runs, kept) and that the rest was not read, as the command
			 * does; a bare message read as if nothing had happened to the upload. */
			snprintf(msg, sizeof msg,
				 "%s: %s: the import stopped there; %zu run%s stored before it %s kept, the rest "
				 "of the upload was not read: send it again once the journal is right",
				 rec.source_file, err.msg, u->stored + u->merged,
				 u->stored + u->merged == 1 ? "" : "s", u->stored + u->merged == 1 ? "is" : "are");
			upload_note(u, "error", &rec, 0, msg);
			web_reply(rs, 500,
				  json_pack("{s:s, s:O, s:I, s:I, s:b}", "error", msg, "runs", u->runs, "stored",
					    (json_int_t)u->stored, "merged", (json_int_t)u->merged, "stopped", 1));
			return false;
		}
		if (res.status == NF_INTAKE_STORED || res.status == NF_INTAKE_MERGED) {
			nf_journal_run r;
			bool merged = res.status == NF_INTAKE_MERGED;
			if (merged)
				u->merged++;
			else
				u->stored++;
			u->worn_out |= (res.crossed & NF_CROSSED_SHOES) != 0;
			if (!u->first && !nf_journal_get_run(u->j, res.run_id, &r, NULL))
				u->first = nf_run_json(&r);
			upload_note(u, merged ? "merged" : "imported", &rec, res.run_id, NULL);
			/* Stored, but not with the shoes the export's gear column named: said beside it. */
			if (res.gear_note.code)
				json_object_set_new(json_array_get(u->runs, json_array_size(u->runs) - 1), "message",
						    json_string(res.gear_note.msg));
			continue;
		}
		if (res.status == NF_INTAKE_TYPED_RUN) {
			u->duplicates++;
			typed_note(u, &rec, res.run_id);
			continue;
		}
		nf_intake_words(&res, rec.source_file, msg, sizeof msg);
		if (res.status == NF_INTAKE_REFUSED)
			u->refused++;
		else
			u->duplicates++;
		upload_note(u, res.status == NF_INTAKE_REFUSED ? "error" : "duplicate", &rec,
			    res.status == NF_INTAKE_REFUSED ? 0 : res.run_id, msg);
	}
	return true;
}

/* A file of the upload that gave no run: not a run (a ride) or malformed. */
static void upload_failed(struct upload *u, nf_err e, const nf_error *err)
{
	if (e == NF_ESKIP)
		u->not_runs++;
	else
		u->broken++;
	upload_note(u, e == NF_ESKIP ? "not_a_run" : "error", NULL, 0, err->msg);
}

/* True when the spooled upload is a zip (a Strava or Garmin bulk export), by its first bytes. */
static bool upload_is_zip(const char *path)
{
	unsigned char m[4];
	FILE *f = fopen(path, "rb");
	bool zip = f && fread(m, 1, 4, f) == 4 && m[0] == 'P' && m[1] == 'K' && m[2] == 3 && m[3] == 4;
	if (f)
		fclose(f);
	return zip;
}

/* Reads every run of the upload (a watch file with one run or several, or a bulk export) into
 * the journal; false when the journal failed and the reply is written. */
static bool upload_read(struct upload *u, struct web_response *rs)
{
	nf_import_opts o;
	nf_error err = {0};
	nf_import *im = NULL;
	nf_import_opts_init(&o);
	o.route = true;
	/* As 'numbfoot import': a run that starts more than a day past now is a watch's clock set
	 * wrong, refused with the file named. */
	o.now = (int64_t)time(NULL);
	if (!upload_is_zip(u->spool)) {
		nf_err e = nf_import_read(u->spool, &o, &im, &err);
		if (e) {
			upload_failed(u, e, &err);
			return true;
		}
		bool ok = upload_runs(u, im, u->spool, NULL, rs);
		nf_import_free(im);
		return ok;
	}
	nf_export *x = NULL;
	nf_export_item item;
	nf_error entry = {0};
	nf_err e = nf_export_open(u->spool, &x, &err);
	if (e) {
		upload_failed(u, e, &err);
		return true;
	}
	bool ok = true;
	while (ok && (e = nf_export_next(x, &o, &item, &im, &entry, &err)) == NF_OK) {
		if (!im) {
			upload_failed(u, entry.code, &entry);
			continue;
		}
		ok = upload_runs(u, im, item.name, item.gear, rs);
		nf_import_free(im);
	}
	if (ok && e != NF_ENOTFOUND)
		upload_failed(u, e, &err);
	nf_export_close(x);
	return ok;
}

static void import_post(nf_journal *j, const struct web_request *rq, struct web_response *rs)
{
	if (!rq->upload_path) {
		web_json_error(rs, 400, "body: the watch file's bytes are needed (FIT, GPX or TCX, or a zip export)");
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
	/* ?merge=1: a run like one typed by hand is taken into it, as 'import --merge' does. */
	bool merge = false;
	if (rq->merge) {
		if (strcmp(rq->merge, "0") && strcmp(rq->merge, "1")) {
			web_json_error(rs, 400,
				       "merge: must be 1 (take a run like one typed by hand into that run) or 0");
			return;
		}
		merge = !strcmp(rq->merge, "1");
	}
	struct upload u = {.j = j, .spool = rq->upload_path, .name = name, .runs = json_array()};
	nf_intake_opts io;
	nf_error err = {0};
	nf_intake_opts_init(&io);
	io.merge = merge;
	if (!u.runs || nf_intake_open(j, &io, &u.in, &err)) {
		json_decref(u.runs);
		web_json_error(rs, 500, "out of memory");
		return;
	}
	bool ok = upload_read(&u, rs);
	nf_intake_close(u.in, NULL);
	if (!ok) {
		json_decref(u.runs);
		json_decref(u.first);
		return;
	}
	if (u.stored || u.merged) {
		/* 201 when a run was made; a merge alone changed runs that were there. */
		web_reply(rs, u.stored ? 201 : 200,
			  json_pack("{s:o, s:o, s:I, s:I, s:b}", "run", u.first ? u.first : json_null(), "runs", u.runs,
				    "stored", (json_int_t)u.stored, "merged", (json_int_t)u.merged, "shoes_worn_out",
				    u.worn_out));
		return;
	}
	/* Nothing stored: the reason of the first run or file, with the status that fits all. */
	int kind = u.broken || u.refused ? WHY_BAD : u.duplicates ? WHY_DUPLICATE : u.not_runs ? WHY_NOT_RUN : WHY_BAD;
	if (!u.why[kind][0])
		snprintf(u.why[kind], sizeof u.why[kind], "%s: no run in this file", name);
	json_t *o = json_pack("{s:s, s:o}", "error", u.why[kind], "runs", u.runs);
	int status = kind == WHY_DUPLICATE ? 409 : kind == WHY_NOT_RUN ? 422 : 400;
	web_reply(rs, status, o);
}

bool web_journal_route(struct web_ctx *ctx, const struct web_request *rq, struct web_response *rs)
{
	static const char *const paths[] = {"/api/gear", "/api/runs", "/api/episodes", "/api/import"};
	size_t which = 0;
	while (which < 4 && strcmp(rq->path, paths[which]))
		which++;
	if (which == 4)
		return false;
	bool get = !strcmp(rq->method, "GET") || !strcmp(rq->method, "HEAD"),
	     post = !strcmp(rq->method, "POST");
	if ((which == 3 && !post) || (!get && !post)) {
		web_method_not_allowed(rs, rq->path, which == 3 ? "POST" : "GET or POST");
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
		get ? runs_get(ctx->journal, rs) : runs_post(ctx->journal, ctx->kb, ctx->units, rq, rs);
		break;
	case 2:
		get ? episodes_get(ctx->journal, rs) : episodes_post(ctx->journal, ctx->kb, ctx->units, rq, rs);
		break;
	default:
		import_post(ctx->journal, rq, rs);
		break;
	}
	pthread_mutex_unlock(&ctx->journal_lock);
	return true;
}
