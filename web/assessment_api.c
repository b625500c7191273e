/* Saved assessments: GET /api/assessments lists them, POST stores the one the body describes (as
 * for /api/assess/result); GET /api/assessments/ID reads one and POST .../ID/delete deletes it.
 * Each carries "complete": whether the interview had asked all the engine wanted (false for one
 * stopped early), which decides whether the report may head with it.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "numbfoot/engine.h"
#include "numbfoot/interview.h"
#include "web.h"

static void assessment_save(struct web_ctx *ctx, const struct web_request *rq, struct web_response *rs)
{
	nf_interview *iv = web_assess_given(ctx, rq, rs);
	if (!iv)
		return;
	/* The page's "Stop and see the result" saves an incomplete one. */
	bool complete = nf_interview_complete(iv);
	char *result = nf_engine_result_json(nf_interview_engine(iv)), *answers = NULL;
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
	if (nf_journal_add_assessment(ctx->journal, when, answers, result, complete, &id, &err) != NF_OK) {
		web_journal_error(rs, &err);
		goto out;
	}
	web_reply(rs, 201, json_pack("{s:I, s:s, s:b}", "id", (json_int_t)id, "time", when, "complete", complete));
out:
	json_decref(parsed);
	free(answers);
	free(result);
}

static void assessment_list(nf_journal *j, struct web_response *rs)
{
	nf_assessment *all;
	size_t n;
	nf_error err;
	if (nf_journal_list_assessments(j, &all, &n, &err) != NF_OK) {
		web_journal_error(rs, &err);
		return;
	}
	json_t *a = nf_assessment_list_json(all, n);
	nf_assessment_list_free(all, n);
	web_reply(rs, 200, a ? json_pack("{s:o}", "assessments", a) : NULL);
}

static void assessment_get(nf_journal *j, int64_t id, struct web_response *rs)
{
	nf_assessment a;
	nf_error err;
	if (nf_journal_get_assessment(j, id, &a, &err) != NF_OK) {
		web_journal_error(rs, &err);
		return;
	}
	web_reply(rs, 200, json_pack("{s:o}", "assessment", nf_assessment_json(&a)));
	nf_assessment_release(&a);
}

static void assessment_delete(nf_journal *j, int64_t id, struct web_response *rs)
{
	nf_error err;
	if (nf_journal_delete_assessment(j, id, &err) != NF_OK)
		web_journal_error(rs, &err);
	else
		web_reply(rs, 200, json_pack("{s:I}", "deleted", (json_int_t)id));
}

/* "/api/assessments" (*id 0), "/api/assessments/12" or "/api/assessments/12/delete"; false for
 * any other path, or an id past INT64_MAX. */
static bool assessment_path(const char *path, int64_t *id, bool *del)
{
	static const char prefix[] = "/api/assessments";
	if (strncmp(path, prefix, sizeof prefix - 1))
		return false;
	const char *p = path + sizeof prefix - 1;
	*id = 0;
	*del = false;
	if (!*p)
		return true;
	return *p == '/' && web_path_id(p + 1, id, del);
}

bool web_assessment_route(struct web_ctx *ctx, const struct web_request *rq, struct web_response *rs)
{
	int64_t id;
	bool del;
	if (!assessment_path(rq->path, &id, &del))
		return false;
	bool get = !strcmp(rq->method, "GET") || !strcmp(rq->method, "HEAD"),
	     post = !strcmp(rq->method, "POST");
	/* One assessment is read or deleted, never changed: its answers and result belong together. */
	if ((del && !post) || (id && !del && !get) || (!get && !post)) {
		web_method_not_allowed(rs, rq->path, del ? "POST" : id ? "GET" : "GET or POST");
		return true;
	}
	if (!ctx->journal) {
		web_json_error(rs, 503, "the journal is not open");
		return true;
	}
	pthread_mutex_lock(&ctx->journal_lock);
	if (del)
		assessment_delete(ctx->journal, id, rs);
	else if (id)
		assessment_get(ctx->journal, id, rs);
	else if (get)
		assessment_list(ctx->journal, rs);
	else
		assessment_save(ctx, rq, rs);
	pthread_mutex_unlock(&ctx->journal_lock);
	return true;
}
