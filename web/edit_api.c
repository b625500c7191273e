/* One record of the journal by id: GET /api/{runs,episodes,gear}/ID reads it, POST changes the
 * fields the body names (the others stay as they are), POST .../ID/delete deletes it. A bad field
 * is a 400 naming the key, and then nothing is written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "web.h"

enum kind { RUNS, EPISODES, GEAR };

/* Splits "/api/runs/12" or "/api/runs/12/delete" into its kind, id and whether it deletes. */
static bool parse_path(const char *path, enum kind *kind, int64_t *id, bool *del)
{
	static const char *const prefix[] = {[RUNS] = "/api/runs/", [EPISODES] = "/api/episodes/",
					     [GEAR] = "/api/gear/"};
	for (int k = RUNS; k <= GEAR; k++) {
		size_t n = strlen(prefix[k]);
		if (strncmp(path, prefix[k], n))
			continue;
		if (!web_path_id(path + n, id, del))
			return false;
		*kind = (enum kind)k;
		return true;
	}
	return false;
}

static void run_edit(nf_journal *j, int64_t id, const struct web_request *rq, struct web_response *rs)
{
	static const char *const keys[] = {"start_time",	 "distance_km", "duration_min",   "surface",
					   "shoes",	 "insoles",	"notes",	  "temperature_c",
					   "cadence_spm", "heart_rate_bpm", "force", NULL};
	nf_journal_run r;
	nf_error err;
	if (nf_journal_get_run(j, id, &r, &err) != NF_OK) {
		web_journal_error(rs, &err);
		return;
	}
	json_t *root = web_parse_body(rq, rs);
	if (!root)
		return;
	struct web_body b = {root, "", rs};
	if (!web_body_keys(&b, keys) || !web_read_run(&b, j, &r, false))
		goto out;
	/* The check of POST /api/runs and run edit: a new start, distance or time can make the run a
	 * copy of another, or lay it over one. Other edits leave that as it was. */
	bool moved = json_object_get(root, "start_time") || json_object_get(root, "distance_km") ||
		     json_object_get(root, "duration_min");
	if (moved ? !web_refuse_clash(j, &r, root, rs)
		  : json_object_get(root, "force") && !json_is_boolean(json_object_get(root, "force"))) {
		if (!moved)
			web_json_error(rs, 400, "force: must be true or false");
		goto out;
	}
	if (nf_journal_update_run(j, &r, &err) != NF_OK) {
		web_journal_error(rs, &err);
		goto out;
	}
	nf_journal_get_run(j, id, &r, NULL);
	web_reply(rs, 200, json_pack("{s:o}", "run", nf_run_json(&r)));
out:
	json_decref(root);
}

static void episode_edit(nf_journal *j, int64_t id, const struct web_request *rq, struct web_response *rs)
{
	nf_episode e;
	nf_error err;
	if (nf_journal_get_episode(j, id, &e, &err) != NF_OK) {
		web_journal_error(rs, &err);
		return;
	}
	json_t *root = web_parse_body(rq, rs);
	if (!root)
		return;
	struct web_body b = {root, "", rs};
	json_t *run = json_object_get(root, "run_id");
	if (run && (!json_is_integer(run) || json_integer_value(run) < 1)) {
		web_json_error(rs, 400, "run_id: must be the id of a run");
		goto out;
	}
	if (run)
		e.run_id = json_integer_value(run);
	if (!web_read_episode(&b, &e))
		goto out;
	if (nf_journal_update_episode(j, &e, &err) != NF_OK) {
		web_journal_error(rs, &err);
		goto out;
	}
	nf_journal_get_episode(j, id, &e, NULL);
	web_reply(rs, 200, json_pack("{s:o}", "episode", nf_episode_json(&e)));
out:
	json_decref(root);
}

/* Gear: its fields, "retired" (a date, or null to bring it back into use) and "default": true. */
static void gear_edit(nf_journal *j, int64_t id, const struct web_request *rq, struct web_response *rs)
{
	static const char *const keys[] = {"nickname", "brand",	  "model",   "first_use", "start_km",
					   "retire_km", "retired", "default", NULL};
	nf_gear g;
	nf_error err;
	if (nf_journal_get_gear(j, id, &g, &err) != NF_OK) {
		web_journal_error(rs, &err);
		return;
	}
	json_t *root = web_parse_body(rq, rs);
	if (!root)
		return;
	struct web_body b = {root, "", rs};
	json_t *def = json_object_get(root, "default");
	if (!web_body_keys(&b, keys) || !web_read_gear(&b, &g) || !web_body_date(&b, "retired", g.retired))
		goto out;
	if (def && !json_is_true(def)) {
		web_json_error(rs, 400, "default: only true (make another pair the default instead)");
		goto out;
	}
	/* As gear retire --date refuses it (and first_use a day to come): a pair is retired once it
	 * is put away, or it would leave the list and the default before then. */
	char today[NF_JOURNAL_DATE_MAX];
	if (json_object_get(root, "retired") && g.retired[0] && nf_journal_day_after(g.retired, time(NULL), today)) {
		web_json_error(rs, 400, "retired: %s is in the future (today is %s): retire them on the day they are put away",
			       g.retired, today);
		goto out;
	}
	if (def && g.retired[0]) {
		web_json_error(rs, 400, "default: a retired pair cannot be the default");
		goto out;
	}
	if (nf_journal_update_gear(j, &g, &err) != NF_OK ||
	    (def && nf_journal_set_default_gear(j, id, &err) != NF_OK)) {
		web_journal_error(rs, &err);
		goto out;
	}
	nf_journal_get_gear(j, id, &g, NULL);
	web_reply(rs, 200, json_pack("{s:o}", "gear", nf_gear_json(&g)));
out:
	json_decref(root);
}

static void record_get(nf_journal *j, enum kind kind, int64_t id, struct web_response *rs)
{
	nf_error err;
	nf_err rc;
	json_t *o = NULL;
	if (kind == RUNS) {
		nf_journal_run r;
		if ((rc = nf_journal_get_run(j, id, &r, &err)) == NF_OK)
			o = json_pack("{s:o}", "run", nf_run_json(&r));
	} else if (kind == EPISODES) {
		nf_episode e;
		if ((rc = nf_journal_get_episode(j, id, &e, &err)) == NF_OK)
			o = json_pack("{s:o}", "episode", nf_episode_json(&e));
	} else {
		nf_gear g;
		if ((rc = nf_journal_get_gear(j, id, &g, &err)) == NF_OK)
			o = json_pack("{s:o}", "gear", nf_gear_json(&g));
	}
	if (rc != NF_OK)
		web_journal_error(rs, &err);
	else
		web_reply(rs, 200, o);
}

static void record_delete(nf_journal *j, enum kind kind, int64_t id, const struct web_request *rq,
			  struct web_response *rs)
{
	nf_error err;
	/* Gear that runs use is the shoe analysis's evidence: refused, as 'gear delete' refuses it,
	 * unless ?force=1. */
	if (kind == GEAR && !(rq->force && !strcmp(rq->force, "1"))) {
		nf_gear_use u;
		nf_gear g;
		if (nf_journal_get_gear(j, id, &g, &err) != NF_OK || nf_journal_gear_use(j, id, &u, &err) != NF_OK) {
			web_journal_error(rs, &err);
			return;
		}
		if (u.runs) {
			web_json_error(rs, 409,
				       "%lld run%s (%lld with numbness) use '%s': retire them instead, or delete "
				       "with ?force=1 to leave those runs without %s",
				       (long long)u.runs, u.runs == 1 ? "" : "s", (long long)u.runs_numb, g.nickname,
				       nf_gear_kind_name(g.kind));
			return;
		}
	}
	nf_err rc = kind == RUNS	 ? nf_journal_delete_run(j, id, &err)
		    : kind == EPISODES ? nf_journal_delete_episode(j, id, &err)
				       : nf_journal_delete_gear(j, id, &err);
	if (rc != NF_OK)
		web_journal_error(rs, &err);
	else
		web_reply(rs, 200, json_pack("{s:I}", "deleted", (json_int_t)id));
}

bool web_edit_route(struct web_ctx *ctx, const struct web_request *rq, struct web_response *rs)
{
	enum kind kind;
	int64_t id;
	bool del;
	if (!parse_path(rq->path, &kind, &id, &del))
		return false;
	bool get = !strcmp(rq->method, "GET") || !strcmp(rq->method, "HEAD"),
	     post = !strcmp(rq->method, "POST");
	if (!post && (del || !get)) {
		web_method_not_allowed(rs, rq->path, del ? "POST" : "GET or POST");
		return true;
	}
	if (!ctx->journal) {
		web_json_error(rs, 503, "the journal is not open");
		return true;
	}
	pthread_mutex_lock(&ctx->journal_lock);
	if (get)
		record_get(ctx->journal, kind, id, rs);
	else if (del)
		record_delete(ctx->journal, kind, id, rq, rs);
	else if (kind == RUNS)
		run_edit(ctx->journal, id, rq, rs);
	else if (kind == EPISODES)
		episode_edit(ctx->journal, id, rq, rs);
	else
		gear_edit(ctx->journal, id, rq, rs);
	pthread_mutex_unlock(&ctx->journal_lock);
	return true;
}
