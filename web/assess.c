/* The assessment API: GET /api/kb (the questions, built once) and the stateless POST
 * /api/assess/next, /api/assess/progress and /api/assess/result. The client sends every answer each time; each server
 * thread reuses its own interviews and JSON arena (see thread_state), so a request allocates
 * little beyond its answer. The interview's rules are the library's (nf_interview).
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numbfoot/engine.h"
#include "numbfoot/interview.h"
#include "web.h"


/* Takes a reference to o, serialises it and releases it. */
static void json_reply(struct web_response *rs, int status, json_t *o)
{
	web_json_text(rs, status, o ? json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(6)) : NULL);
	json_decref(o);
}

static const char *const ftype_names[] = {"bool", "enum", "number", "set"};

/* ---- /api/kb, built once ---- */

/* The findings' words (help, a sign's message) in units: the page shows them as they come. */
static json_t *kb_json(const nf_kb *kb, nf_units units)
{
	json_t *root = json_object(), *findings = json_array(), *lists = json_array(), *tri = json_object();
	const char *red_list = NULL;
	json_t *red_lists = json_array();
	if (!root || !findings || !lists || !tri || !red_lists) {
		json_decref(red_lists);
		goto fail;
	}
	json_object_set_new(root, "red_flag_checklists", red_lists);
	json_object_set_new(root, "findings", findings);
	json_object_set_new(root, "checklists", lists);
	json_object_set_new(root, "triage", tri);
	for (size_t f = 0; f < nf_kb_findings(kb); f++) {
		const char *says = NULL;
		int rf = nf_kb_finding_red_flag(kb, f, &says);
		int k = nf_kb_finding_checklist(kb, f);
		char help[1024], said[1024];
		nf_units_text(nf_kb_finding_help(kb, f), units, help, sizeof help);
		says = says ? nf_units_text(says, units, said, sizeof said) : NULL;
		json_t *o = json_pack(
		    "{s:s, s:s, s:b, s:s, s:s, s:s, s:s, s:b, s:o, s:o, s:o}", "id", nf_kb_finding_id(kb, f),
		    "type", ftype_names[nf_kb_finding_type(kb, f)], "clinician",
		    nf_kb_finding_clinician(kb, f), "question", nf_kb_finding_question(kb, f), "help",
		    help, "means", nf_kb_finding_means(kb, f), "unit",
		    nf_kb_finding_unit(kb, f), "distance", nf_kb_finding_is_distance(kb, f), "checklist",
		    k >= 0 ? json_string(nf_kb_checklist_id(kb, (size_t)k)) : json_null(), "red_flag",
		    rf >= 0 ? json_string(nf_triage_id((nf_triage)rf)) : json_null(), "red_flag_says",
		    rf >= 0 && says ? json_string(says) : json_null());
		json_t *values = json_array();
		if (!o || !values || json_array_append_new(findings, o)) {
			json_decref(values);
			goto fail;
		}
		json_object_set_new(o, "values", values);
		/* A number's range, which the page checks before it asks (as the API does after). */
		double lo, hi;
		if (nf_kb_finding_range(kb, f, &lo, &hi))
			json_object_set_new(o, "range", json_pack("[f, f]", lo, hi));
		for (size_t v = 0; v < nf_kb_finding_values(kb, f); v++)
			json_array_append_new(values,
					      json_pack("{s:s, s:s}", "id", nf_kb_finding_value(kb, f, v),
							"means", nf_kb_finding_value_means(kb, f, v)));
	}
	for (size_t k = 0; k < nf_kb_checklists(kb); k++) {
		size_t fs[NF_MAX_CHECKLIST];
		size_t n = nf_kb_checklist_findings(kb, k, fs, NF_MAX_CHECKLIST);
		/* A warning-sign screen, asked before any other question (the engine's order). */
		bool red = nf_kb_checklist_red_flags(kb, k);
		json_t *ids = json_array();
		for (size_t i = 0; i < n && i < NF_MAX_CHECKLIST; i++)
			json_array_append_new(ids, json_string(nf_kb_finding_id(kb, fs[i])));
		json_t *o = json_pack("{s:s, s:s, s:o, s:b}", "id", nf_kb_checklist_id(kb, k), "title",
				      nf_kb_checklist_title(kb, k), "findings", ids, "red_flags", red);
		if (!o || json_array_append_new(lists, o))
			goto fail;
		if (red) {
			json_array_append_new(red_lists, json_string(nf_kb_checklist_id(kb, k)));
			if (!red_list)
				red_list = nf_kb_checklist_id(kb, k);
		}
	}
	json_object_set_new(root, "red_flag_checklist", red_list ? json_string(red_list) : json_null());
	for (int t = 0; t < NF_TRIAGE_LEVELS; t++)
		json_object_set_new(tri, nf_triage_id((nf_triage)t),
				    json_string(nf_triage_words((nf_triage)t)));
	json_object_set_new(root, "max_screens", json_integer(NF_MAX_SCREENS));
	return root;
fail:
	json_decref(root);
	return NULL;
}

/* FNV-1a: the IDs are short, and a request names up to every finding. */
static size_t id_hash(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The finding named id, or -1. */
static int finding_index(const struct web_ctx *ctx, const char *id)
{
	size_t mask = ctx->id_slots - 1;
	for (size_t i = id_hash(id) & mask; ctx->finding_ids[i].id; i = (i + 1) & mask)
		if (!strcmp(ctx->finding_ids[i].id, id))
			return (int)ctx->finding_ids[i].index;
	return -1;
}

/* Each thread keeps an interview per mode and reuses it: its engine is large (the log likelihoods
 * of every finding under every condition), and allocating and clearing one per request cost more
 * than a third of a request. A reset interview is as a new one (nf_interview_reset). */
struct web_engines {
	nf_interview *iv[2];
	struct web_json *json; /* the reader's arena for request bodies */
};

static void engines_free(void *p)
{
	struct web_engines *es = p;
	if (!es)
		return;
	nf_interview_free(es->iv[0]);
	nf_interview_free(es->iv[1]);
	free(es->json);
	free(es);
}

/* The calling thread's reusable state, made on first use; NULL if out of memory. */
static struct web_engines *thread_state(struct web_ctx *ctx)
{
	struct web_engines *es = pthread_getspecific(ctx->engines);
	if (es)
		return es;
	es = calloc(1, sizeof *es);
	if (!es || !(es->json = malloc(sizeof *es->json)) || pthread_setspecific(ctx->engines, es)) {
		if (es)
			free(es->json);
		free(es);
		return NULL;
	}
	return es;
}

/* A new interview for mode, owned by the calling thread (do not free it); NULL if out of memory. */
static nf_interview *thread_interview(struct web_ctx *ctx, nf_mode mode, nf_error *err)
{
	struct web_engines *es = thread_state(ctx);
	if (!es) {
		nf_error_set(err, NF_ENOMEM, "out of memory");
		return NULL;
	}
	nf_interview **iv = &es->iv[mode == NF_MODE_CLINICIAN];
	if (!*iv && nf_interview_new(ctx->kb, mode, iv, err) != NF_OK)
		return NULL;
	nf_interview_reset(*iv);
	/* The result's words in the runner's unit, as the terminal gives them. */
	nf_engine_set_units(nf_interview_engine(*iv), ctx->units);
	return *iv;
}

bool web_assess_init(struct web_ctx *ctx, const nf_kb *kb)
{
	if (pthread_key_create(&ctx->engines, engines_free))
		return false;
	ctx->engines_made = true;
	ctx->kb = kb;
	size_t nf = nf_kb_findings(kb);
	for (ctx->id_slots = 8; ctx->id_slots < 2 * nf;)
		ctx->id_slots *= 2;
	ctx->finding_ids = calloc(ctx->id_slots, sizeof *ctx->finding_ids);
	if (!ctx->finding_ids)
		return false;
	for (size_t f = 0; f < nf; f++) {
		size_t i = id_hash(nf_kb_finding_id(kb, f)) & (ctx->id_slots - 1);
		while (ctx->finding_ids[i].id)
			i = (i + 1) & (ctx->id_slots - 1);
		ctx->finding_ids[i] = (struct web_id){nf_kb_finding_id(kb, f), f};
	}
	json_t *o = kb_json(kb, ctx->units);
	/* The page's starting units ride along with the questions it loads at start. */
	json_object_set_new(o, "units", json_string(ctx->units == NF_UNITS_MI ? "mi" : "km"));
	ctx->kb_json = o ? json_dumps(o, JSON_COMPACT) : NULL;
	json_decref(o);
	ctx->kb_json_len = ctx->kb_json ? strlen(ctx->kb_json) : 0;
	ctx->next_text = web_next_text_new(kb, ctx->units);
	return ctx->kb_json != NULL && ctx->next_text != NULL;
}

void web_assess_release(struct web_ctx *ctx)
{
	free(ctx->kb_json);
	ctx->kb_json = NULL;
	web_next_text_free(ctx->next_text);
	ctx->next_text = NULL;
	free(ctx->finding_ids);
	ctx->finding_ids = NULL;
	if (ctx->engines_made) {
		engines_free(pthread_getspecific(ctx->engines));
		pthread_setspecific(ctx->engines, NULL);
		pthread_key_delete(ctx->engines);
		ctx->engines_made = false;
	}
}

/* ---- the assessment ---- */

/* Parses one answer (node v of j) into the engine. Returns false with rs set to a 400 naming
 * the key. */
static bool apply_answer(const struct web_ctx *ctx, nf_engine *e, const struct web_json *j,
			 const struct web_jnode *val, struct web_response *rs)
{
	const nf_kb *kb = nf_engine_kb(e);
	const char *key = val->key;
	int f = finding_index(ctx, key);
	if (f < 0) {
		web_json_error(rs, 400, "answers.%.100s: unknown finding", key);
		return false;
	}
	if (nf_kb_finding_clinician(kb, (size_t)f) && nf_engine_mode(e) != NF_MODE_CLINICIAN) {
		web_json_error(rs, 400, "answers.%s: a clinician finding needs mode clinician", key);
		return false;
	}
	if (val->type == WEB_JNULL) {
		nf_engine_unknown(e, (size_t)f);
		return true;
	}
	nf_value v = {0};
	switch (nf_kb_finding_type(kb, (size_t)f)) {
	case NF_BOOL:
		if (val->type != WEB_JBOOL) {
			web_json_error(rs, 400, "answers.%s: must be true, false or null", key);
			return false;
		}
		v.b = val->b;
		break;
	case NF_ENUM:
		if (val->type != WEB_JSTRING ||
		    (v.index = nf_kb_finding_value_index(kb, (size_t)f, val->s)) < 0) {
			web_json_error(rs, 400, "answers.%s: must be one of the finding's values or null",
				       key);
			return false;
		}
		break;
	case NF_NUMBER:
		v.x = val->type == WEB_JNUMBER ? val->x : NAN;
		if (!nf_kb_finding_in_range(kb, (size_t)f, v.x)) {
			double lo = 0, hi = 0;
			const char *unit = nf_kb_finding_unit(kb, (size_t)f);
			nf_kb_finding_range(kb, (size_t)f, &lo, &hi);
			web_json_error(rs, 400, "answers.%s: must be a number from %g to %g%s%s or null", key, lo,
				       hi, *unit ? " " : "", unit);
			return false;
		}
		break;
	case NF_SET: {
		size_t i = 0;
		if (val->type != WEB_JARRAY) {
			web_json_error(rs, 400,
				       "answers.%s: must be an array of the finding's values or null", key);
			return false;
		}
		for (int c = val->first; c >= 0; c = j->node[c].next, i++) {
			const struct web_jnode *item = &j->node[c];
			int k = item->type == WEB_JSTRING ? nf_kb_finding_value_index(kb, (size_t)f, item->s)
							  : -1;
			if (k < 0 || k >= 32) {
				web_json_error(rs, 400, "answers.%s[%zu]: not one of the finding's values",
					       key, i);
				return false;
			}
			if (v.set >> k & 1) {
				web_json_error(rs, 400, "answers.%s[%zu]: listed twice", key, i);
				return false;
			}
			v.set |= 1u << k;
		}
		break;
	}
	}
	nf_error err;
	if (nf_engine_answer(e, (size_t)f, &v, &err) != NF_OK) {
		web_json_error(rs, 400, "answers.%s: %s", key, err.msg);
		return false;
	}
	return true;
}

/* Reads {"mode", "answers", "screens"} into the thread's interview (which the caller must not
 * free): the answers so far, asked in that many screens. On a fault sets rs and returns NULL. */
nf_interview *web_assess_interview(struct web_ctx *ctx, const struct web_request *rq, struct web_response *rs)
{
	if (!rq->body || !rq->body_len) {
		web_json_error(rs, 400, "body: a JSON object {\"mode\", \"answers\", \"screens\"} is needed");
		return NULL;
	}
	struct web_engines *es = thread_state(ctx);
	if (!es) {
		web_json_error(rs, 500, "out of memory");
		return NULL;
	}
	struct web_json *j = es->json;
	if (!web_json_read(j, rq->body, rq->body_len)) {
		web_json_error(rs, 400, "body: %s", j->error);
		return NULL;
	}
	const struct web_jnode *root = &j->node[0], *answers = NULL;
	nf_mode mode = NF_MODE_RUNNER;
	size_t screens = 0;
	if (root->type != WEB_JOBJECT) {
		web_json_error(rs, 400, "body: must be a JSON object");
		return NULL;
	}
	for (int c = root->first; c >= 0; c = j->node[c].next) {
		const struct web_jnode *val = &j->node[c];
		if (!strcmp(val->key, "mode")) {
			if (val->type == WEB_JSTRING && !strcmp(val->s, "runner"))
				mode = NF_MODE_RUNNER;
			else if (val->type == WEB_JSTRING && !strcmp(val->s, "clinician"))
				mode = NF_MODE_CLINICIAN;
			else {
				web_json_error(rs, 400, "mode: must be \"runner\" or \"clinician\"");
				return NULL;
			}
		} else if (!strcmp(val->key, "answers")) {
			if (val->type != WEB_JOBJECT) {
				web_json_error(rs, 400,
					       "answers: must be an object of finding IDs to values");
				return NULL;
			}
			answers = val;
		} else if (!strcmp(val->key, "screens")) {
			if (val->type != WEB_JNUMBER || !val->is_integer) {
				web_json_error(rs, 400, "screens: must be an integer from 0 to %d",
					       NF_MAX_SCREENS);
				return NULL;
			}
			/* A negative count reaches nf_interview_resume as too large: refused the same way. */
			screens = val->integer < 0 ? SIZE_MAX : (size_t)val->integer;
		} else {
			web_json_error(rs, 400, "%.100s: unknown key (expected mode, answers, screens)",
				       val->key);
			return NULL;
		}
	}
	nf_error err;
	nf_interview *iv = thread_interview(ctx, mode, &err);
	if (!iv) {
		web_json_error(rs, 500, "%s", err.msg);
		return NULL;
	}
	if (nf_interview_resume(iv, screens, &err) != NF_OK) {
		web_json_error(rs, 400, "%s", err.msg);
		return NULL;
	}
	for (int c = answers ? answers->first : -1; c >= 0; c = j->node[c].next)
		if (!apply_answer(ctx, nf_interview_engine(iv), j, &j->node[c], rs))
			return NULL;
	return iv;
}

/* The progress bar, as in the terminal: screens asked, the engine's estimate of those left (the
 * one shown now included) and the share done, which reaches 1 only when the interview is over. */
bool web_assess_progress(struct web_ctx *ctx, const struct web_request *rq, struct web_response *rs)
{
	nf_interview *iv = web_assess_interview(ctx, rq, rs);
	if (!iv)
		return true;
	nf_progress p;
	nf_interview_progress(iv, &p);
	json_reply(rs, 200,
		   json_pack("{s:i, s:i, s:f}", "screens", (int)p.screens, "left", (int)p.left, "fraction",
			     p.fraction));
	return true;
}

bool web_assess_next(struct web_ctx *ctx, const struct web_request *rq, struct web_response *rs)
{
	nf_interview *iv = web_assess_interview(ctx, rq, rs);
	if (iv)
		web_json_text(rs, 200, web_next_reply(ctx->next_text, iv));
	return true;
}

nf_interview *web_assess_given(struct web_ctx *ctx, const struct web_request *rq, struct web_response *rs)
{
	nf_interview *iv = web_assess_interview(ctx, rq, rs);
	if (iv && !nf_engine_given(nf_interview_engine(iv))) {
		web_json_error(rs, 422, "answers: none given, so there is nothing to assess");
		return NULL;
	}
	return iv;
}

bool web_assess_result(struct web_ctx *ctx, const struct web_request *rq, struct web_response *rs)
{
	nf_interview *iv = web_assess_given(ctx, rq, rs);
	if (!iv)
		return true;
	web_json_text(rs, 200, nf_engine_result_json(nf_interview_engine(iv)));
	return true;
}
