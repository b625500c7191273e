/* Reading case files: the rules of the case-file contract (docs/cases.md), each held by a test
 * of its own in tests/cli/test_case_rules.sh. */
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "kb/kb_impl.h"
#include "numbfoot/case.h"
#include "numbfoot/text.h"
#include "core/alloc.h"

#define CASE_MAX_BYTES (1 << 20)

struct nf_case {
	json_t *root; /* owns id and source */
	const char *id, *source;
	nf_mode mode;
	int expected;
	bool acceptable[NF_MAX_CONDITIONS];
	nf_triage triage;
	nf_answer_state state[NF_MAX_FINDINGS];
	nf_value value[NF_MAX_FINDINGS];
};

__attribute__((format(printf, 4, 5))) static void fault(struct kb_faults *cx, const char *path, const char *key,
							 const char *fmt, ...)
{
	char msg[300];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	kb_faults_add(cx, path, key, msg);
}

static bool vocab_condition(const nf_kb *kb, const char *id, int *index)
{
	for (int c = 0; c < kb->ncond; c++)
		if (kb->cond[c].in_vocab && !strcmp(kb->cond[c].id, id)) {
			*index = c;
			return true;
		}
	return false;
}

static void read_answer(struct kb_faults *cx, const nf_kb *kb, nf_case *cs, const char *k, json_t *v)
{
	char path[160], key[160];
	snprintf(path, sizeof path, "answers.%s", k);
	snprintf(key, sizeof key, "answers.%s", k);
	int fi = -1;
	for (int f = 0; f < kb->nfind; f++)
		if (!strcmp(kb->find[f].id, k))
			fi = f;
	if (fi < 0) {
		fault(cx, path, key, "unknown finding ID");
		return;
	}
	const struct kb_finding *f = &kb->find[fi];
	if (cs->mode == NF_MODE_RUNNER && f->clinician)
		fault(cx, path, key, "clinician finding in a runner-mode case");
	if (json_is_null(v)) {
		cs->state[fi] = NF_UNKNOWN;
		return;
	}
	nf_value *out = &cs->value[fi];
	switch (f->type) {
	case NF_BOOL:
		if (!json_is_boolean(v)) {
			fault(cx, path, key, "type bool wants true or false");
			return;
		}
		out->b = json_is_true(v);
		break;
	case NF_NUMBER:
		if (!json_is_number(v)) {
			fault(cx, path, key, "type number wants a JSON number");
			return;
		}
		out->x = json_number_value(v);
		if (!isfinite(out->x)) {
			fault(cx, path, key, "number is not finite");
			return;
		}
		if (out->x < 0) {
			fault(cx, path, key, "number %g is negative", out->x);
			return;
		}
		/* Beyond the contract (docs/cases.md): the knowledge base's range for the finding, what
		 * a person can answer, so that a slip (an age of 1e308) is refused, not used. */
		if (out->x < f->lo || out->x > f->hi) {
			fault(cx, path, key, "number %g is outside %g to %g%s%s, the answers a person can give", out->x,
			      f->lo, f->hi, *f->unit ? " " : "", f->unit);
			return;
		}
		break;
	case NF_ENUM: {
		int idx = -1;
		for (int i = 0; json_is_string(v) && i < f->nvalues; i++)
			if (!strcmp(f->value[i], json_string_value(v)))
				idx = i;
		if (idx < 0) {
			fault(cx, path, key, "not one of the values of %s", f->id);
			return;
		}
		out->index = idx;
		break;
	}
	case NF_SET: {
		if (!json_is_array(v)) {
			fault(cx, path, key, "type set wants an array");
			return;
		}
		size_t i;
		json_t *item;
		out->set = 0;
		json_array_foreach(v, i, item)
		{
			int idx = -1;
			for (int k2 = 0; json_is_string(item) && k2 < f->nvalues; k2++)
				if (!strcmp(f->value[k2], json_string_value(item)))
					idx = k2;
			if (idx < 0) {
				fault(cx, path, key, "%s is not one of the values of %s",
				      json_is_string(item) ? json_string_value(item) : "an item", f->id);
				return;
			}
			if (out->set >> idx & 1) {
				fault(cx, path, key, "set repeats a value");
				return;
			}
			out->set |= 1u << idx;
		}
		break;
	}
	}
	cs->state[fi] = NF_ANSWERED;
}

static nf_case *build(struct kb_faults *cx, const nf_kb *kb)
{
	json_error_t je;
	nf_case *cs = core_calloc(1, sizeof *cs);
	if (!cs) {
		nf_error_set(cx->err, NF_ENOMEM, "out of memory");
		cx->count++;
		return NULL;
	}
	/* The scan for a key's line starts past a byte-order mark too. */
	cx->text = nf_text_past_bom(cx->text);
	cs->root = json_loads(cx->text, JSON_REJECT_DUPLICATES, &je);
	if (!cs->root) {
		kb_faults_syntax(cx, &je);
		goto out_fail;
	}
	json_t *root = cs->root;
	if (!json_is_object(root)) {
		fault(cx, "", "(file)", "top level is not a JSON object");
		goto out_fail;
	}
	const char *k;
	json_t *v;
	json_object_foreach(root, k, v)
	{
		if (strcmp(k, "id") && strcmp(k, "source") && strcmp(k, "mode") && strcmp(k, "answers") &&
		    strcmp(k, "expected"))
			fault(cx, k, k, "unknown key (allowed: id, source, mode, answers, expected)");
	}
	json_t *id = json_object_get(root, "id");
	if (!json_is_string(id) || !*json_string_value(id))
		fault(cx, "id", "id", "missing or not a non-empty string");
	else
		cs->id = json_string_value(id);
	json_t *src = json_object_get(root, "source");
	if (src && !json_is_string(src))
		fault(cx, "source", "source", "not a string");
	cs->source = json_is_string(src) ? json_string_value(src) : "";
	json_t *mode = json_object_get(root, "mode");
	if (mode && !(json_is_string(mode) &&
		      (!strcmp(json_string_value(mode), "runner") || !strcmp(json_string_value(mode), "clinician"))))
		fault(cx, "mode", "mode", "must be \"runner\" or \"clinician\"");
	cs->mode = mode && json_is_string(mode) && !strcmp(json_string_value(mode), "clinician") ? NF_MODE_CLINICIAN
												: NF_MODE_RUNNER;
	json_t *answers = json_object_get(root, "answers");
	if (!json_is_object(answers)) {
		fault(cx, "answers", "answers", "missing or not an object");
	} else {
		json_object_foreach(answers, k, v) read_answer(cx, kb, cs, k, v);
	}
	json_t *exp = json_object_get(root, "expected");
	if (!json_is_object(exp)) {
		fault(cx, "expected", "expected", "missing or not an object");
	} else {
		json_object_foreach(exp, k, v)
		{
			char p[80], key[80];
			snprintf(p, sizeof p, "expected.%s", k);
			snprintf(key, sizeof key, "expected.%s", k);
			if (strcmp(k, "condition") && strcmp(k, "acceptable") && strcmp(k, "triage"))
				fault(cx, p, key, "unknown key (allowed: condition, acceptable, triage)");
		}
		json_t *cond = json_object_get(exp, "condition");
		cs->expected = -1;
		if (!cond)
			fault(cx, "expected", "expected.condition", "missing (use null when the cause is outside the vocabulary)");
		else if (!json_is_null(cond) &&
			 !(json_is_string(cond) && vocab_condition(kb, json_string_value(cond), &cs->expected)))
			fault(cx, "expected.condition", "expected.condition", "unknown condition ID");
		if (cs->expected >= 0)
			cs->acceptable[cs->expected] = true;
		json_t *acc = json_object_get(exp, "acceptable");
		if (acc && !json_is_array(acc)) {
			fault(cx, "expected.acceptable", "expected.acceptable", "not an array");
		} else if (acc) {
			size_t i;
			bool seen[NF_MAX_CONDITIONS] = {false};
			json_array_foreach(acc, i, v)
			{
				int c;
				if (!json_is_string(v) || !vocab_condition(kb, json_string_value(v), &c)) {
					fault(cx, "expected.acceptable", "expected.acceptable", "unknown condition ID");
					continue;
				}
				/* An ID twice is one fault; that it is also the expected condition was said
				 * at its first appearance. */
				if (seen[c])
					fault(cx, "expected.acceptable", "expected.acceptable", "an ID repeats");
				else if (c == cs->expected)
					fault(cx, "expected.acceptable", "expected.acceptable", "repeats expected.condition");
				seen[c] = true;
				cs->acceptable[c] = true;
			}
		}
		json_t *tr = json_object_get(exp, "triage");
		int lvl = json_is_string(tr) ? nf_triage_from_id(json_string_value(tr)) : -1;
		if (!tr)
			fault(cx, "expected", "expected.triage", "missing");
		else if (lvl < 0)
			fault(cx, "expected.triage", "expected.triage", "unknown triage level");
		cs->triage = lvl < 0 ? NF_SELF_CARE : (nf_triage)lvl;
	}
	if (cx->count)
		goto out_fail;
	return cs;
out_fail:
	nf_case_free(cs);
	return NULL;
}

nf_err nf_case_load(const nf_kb *kb, const char *text, const char *name, nf_case **out, nf_error *err)
{
	struct kb_faults cx = {.text = text, .name = name, .err = err};
	nf_error_clear(err);
	*out = build(&cx, kb);
	return *out ? NF_OK : (err ? err->code : NF_EPARSE);
}

size_t nf_case_check(const nf_kb *kb, const char *text, const char *name,
		     void (*report)(void *ctx, const char *message), void *ctx)
{
	nf_error err;
	struct kb_faults cx = {.text = text, .name = name, .err = &err, .report = report, .ctx = ctx};
	nf_case_free(build(&cx, kb));
	return cx.count;
}

nf_err nf_case_load_file(const nf_kb *kb, const char *path, nf_case **out, nf_error *err)
{
	char *text;
	nf_err rc = core_read_text_file(path, CASE_MAX_BYTES, &text, err);
	*out = NULL;
	if (rc != NF_OK)
		return rc;
	rc = nf_case_load(kb, text, path, out, err);
	free(text);
	return rc;
}

size_t nf_case_check_file(const nf_kb *kb, const char *path, void (*report)(void *ctx, const char *message),
			  void *ctx)
{
	char *text;
	nf_error err;
	if (core_read_text_file(path, CASE_MAX_BYTES, &text, &err) != NF_OK) {
		if (report)
			report(ctx, err.msg);
		return 1;
	}
	size_t n = nf_case_check(kb, text, path, report, ctx);
	free(text);
	return n;
}

void nf_case_free(nf_case *c)
{
	if (!c)
		return;
	json_decref(c->root);
	free(c);
}

const char *nf_case_id(const nf_case *c) { return c->id; }
const char *nf_case_source(const nf_case *c) { return c->source; }
nf_mode nf_case_mode(const nf_case *c) { return c->mode; }
int nf_case_expected(const nf_case *c) { return c->expected; }
nf_triage nf_case_expected_triage(const nf_case *c) { return c->triage; }

bool nf_case_acceptable(const nf_case *c, size_t condition)
{
	return condition < NF_MAX_CONDITIONS && c->acceptable[condition];
}

nf_answer_state nf_case_answer(const nf_case *c, size_t f, nf_value *v)
{
	if (f >= NF_MAX_FINDINGS)
		return NF_UNASKED;
	if (v && c->state[f] == NF_ANSWERED)
		*v = c->value[f];
	return c->state[f];
}

nf_err nf_case_answer_screen(const nf_case *c, nf_interview *iv, const nf_question *q, nf_error *err)
{
	nf_answer_state state[NF_MAX_CHECKLIST];
	nf_value value[NF_MAX_CHECKLIST];
	for (size_t i = 0; i < q->n && i < NF_MAX_CHECKLIST; i++)
		if ((state[i] = nf_case_answer(c, q->finding[i], &value[i])) != NF_ANSWERED)
			state[i] = NF_UNKNOWN;
	return nf_interview_answer(iv, state, value, err);
}

nf_err nf_case_apply(const nf_case *c, nf_engine *e, nf_error *err)
{
	const nf_kb *kb = nf_engine_kb(e);
	for (size_t f = 0; f < nf_kb_findings(kb); f++) {
		if (c->state[f] == NF_ANSWERED) {
			nf_err rc = nf_engine_answer(e, f, &c->value[f], err);
			if (rc != NF_OK)
				return rc;
		} else if (c->state[f] == NF_UNKNOWN) {
			nf_engine_unknown(e, f);
		}
	}
	return NF_OK;
}
