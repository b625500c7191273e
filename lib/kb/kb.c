/* Loading and validating the knowledge base (docs/kb-format.md).
 *
 * The loader checks everything before it keeps anything: a fault anywhere means no nf_kb. Each
 * fault is placed as FILE:LINE: PATH: message, the line found by kb_json_path_line(). The parsed
 * jansson trees stay alive inside the nf_kb, so every string the accessors return points into them.
 * The sections are read by conditions.c, findings.c and sections.c with the helpers of check.c.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "kb/check.h"
#include "core/alloc.h"

void nf_kb_free(nf_kb *kb)
{
	if (!kb)
		return;
	if (kb->image) {
		free(kb->image); /* holds kb itself and all it points to */
		return;
	}
	if (kb->find) {
		for (int i = 0; i < kb->nfind; i++) {
			free(kb->find[i].p);
			free(kb->find[i].lp);
			free(kb->find[i].lq);
			free(kb->find[i].h);
			free(kb->find[i].source);
			free(kb->find[i].evidence);
			free(kb->find[i].listed);
		}
		free(kb->find);
	}
	free(kb->list);
	free(kb->ref);
	free(kb->cols);
	kb_free_sources(kb);
	json_decref(kb->vocab_root);
	json_decref(kb->kb_root);
	free(kb);
}

/* Builds a knowledge base, reporting every fault through cx. Returns NULL if there was any. */
static nf_kb *build(struct kb_ctx *cx, const char *vocab, const char *vocab_name, const char *text, const char *name)
{
	nf_kb *kb = core_calloc(1, sizeof *kb);
	if (!kb) {
		nf_error_set(cx->f.err, NF_ENOMEM, "out of memory");
		cx->f.count++;
		return NULL;
	}
	cx->kb = kb;
	cx->f.text = vocab;
	cx->f.name = vocab_name;
	kb->vocab_root = kb_parse(cx, vocab);
	if (!kb->vocab_root)
		goto out_fail;
	json_t *vconds = json_object_get(kb->vocab_root, "conditions");
	json_t *vfinds = json_object_get(kb->vocab_root, "findings");
	if (!json_is_array(vconds) || !json_is_array(vfinds) || json_array_size(vconds) == 0 ||
	    json_array_size(vconds) >= NF_MAX_CONDITIONS || json_array_size(vfinds) > NF_MAX_FINDINGS) {
		kb_fault(cx, "", "not a numbfoot vocabulary (conditions and findings arrays)");
		goto out_fail;
	}
	size_t i;
	json_t *v;
	json_array_foreach(vfinds, i, v)
	{
		const char *type = json_string_value(json_object_get(v, "type"));
		json_t *vals = json_object_get(v, "values");
		char p[64];
		kb_path_index(p, sizeof p, "findings", i);
		if (!json_is_string(json_object_get(v, "id")) || !type ||
		    (strcmp(type, "bool") && strcmp(type, "number") && strcmp(type, "enum") && strcmp(type, "set")))
			kb_fault(cx, p, "needs an id and a type of bool, number, enum or set");
		else if ((!strcmp(type, "enum") || !strcmp(type, "set")) &&
			 (!json_is_array(vals) || json_array_size(vals) < 2 || json_array_size(vals) > NF_MAX_VALUES))
			kb_fault(cx, p, "needs 2 to %d values", NF_MAX_VALUES);
	}
	if (cx->f.count)
		goto out_fail;

	cx->f.text = text;
	cx->f.name = name;
	kb->kb_root = kb_parse(cx, text);
	if (!kb->kb_root)
		goto out_fail;
	json_t *root = kb->kb_root;
	static const char *const top[] = {"version", "about", "triage", "conditions", "findings", "checklists",
					  "references", NULL};
	kb_only_keys(cx, "", root, top);
	if (json_integer_value(json_object_get(root, "version")) != 1)
		kb_fault(cx, json_object_get(root, "version") ? "version" : "", "\"version\" must be 1");
	kb_read_references(cx, json_object_get(root, "references"));

	/* Conditions: the vocabulary's order, then `other`. */
	json_t *conds = json_object_get(root, "conditions");
	if (!json_is_array(conds)) {
		kb_fault(cx, "", "missing \"conditions\" array");
		goto out_fail;
	}
	json_array_foreach(vconds, i, v)
	{
		kb->cond[kb->ncond].id = json_string_value(json_object_get(v, "id"));
		kb->cond[kb->ncond].in_vocab = true;
		kb->cond[kb->ncond].name = kb->cond[kb->ncond].id;
		kb->ncond++;
	}
	bool have_other = false;
	bool seen[NF_MAX_CONDITIONS] = {false};
	json_array_foreach(conds, i, v)
	{
		char p[64];
		kb_path_index(p, sizeof p, "conditions", i);
		const char *id = kb_entry_id(cx, p, v);
		if (!id)
			continue;
		int c = kb_condition_by_id(kb, id);
		if (c < 0 && json_is_true(json_object_get(v, "catch_all")) && !have_other &&
		    kb->ncond < NF_MAX_CONDITIONS) {
			c = kb->ncond++;
			kb->cond[c].id = id;
			kb->cond[c].in_vocab = false;
			have_other = true;
		} else if (c < 0) {
			kb_fault(cx, p, "\"%s\" is not a condition of the vocabulary (only one catch_all may be added)", id);
			continue;
		} else if (json_object_get(v, "catch_all")) {
			kb_fault(cx, p, "a vocabulary condition cannot be the catch-all");
		}
		if (seen[c]) {
			kb_fault(cx, p, "condition \"%s\" appears twice", id);
			continue;
		}
		seen[c] = true;
		kb_read_condition(cx, p, v, &kb->cond[c]);
	}
	for (int c = 0; c < kb->ncond; c++) {
		if (!seen[c])
			kb_fault(cx, "conditions", "condition \"%s\" of the vocabulary is missing", kb->cond[c].id);
		kb->cond[c].parent = c;
	}
	/* Forms add rows after every condition's, before the findings size their tables by rows. */
	kb->npublic = kb->ncond;
	json_array_foreach(conds, i, v)
	{
		json_t *forms = json_object_get(v, "forms");
		const char *id = json_string_value(json_object_get(v, "id"));
		int c = id ? kb_condition_by_id(kb, id) : -1;
		if (!forms || c < 0)
			continue;
		char p[64];
		snprintf(p, sizeof p, "conditions[%zu].forms", i);
		kb_read_forms(cx, p, forms, c);
	}

	/* Findings: the vocabulary's order. */
	json_t *finds = json_object_get(root, "findings");
	if (!json_is_array(finds)) {
		kb_fault(cx, "", "missing \"findings\" array");
		goto out_fail;
	}
	kb->nfind = (int)json_array_size(vfinds);
	kb->find = core_calloc((size_t)kb->nfind, sizeof *kb->find);
	if (!kb->find)
		goto out_nomem;
	for (int f = 0; f < kb->nfind; f++) {
		struct kb_finding *fd = &kb->find[f];
		fd->id = json_string_value(json_object_get(json_array_get(vfinds, (size_t)f), "id"));
		fd->checklist = -1;
		fd->red_flag = -1;
		fd->p = core_calloc((size_t)kb->ncond, sizeof *fd->p);
		fd->lp = core_calloc((size_t)kb->ncond, sizeof *fd->lp);
		fd->lq = core_calloc((size_t)kb->ncond, sizeof *fd->lq);
		fd->h = core_calloc((size_t)kb->ncond, sizeof *fd->h);
		fd->source = core_calloc((size_t)kb->ncond, sizeof *fd->source);
		fd->evidence = core_calloc((size_t)kb->ncond, sizeof *fd->evidence);
		fd->listed = core_calloc((size_t)kb->ncond, sizeof *fd->listed);
		if (!fd->p || !fd->lp || !fd->lq || !fd->h || !fd->source || !fd->evidence || !fd->listed)
			goto out_nomem;
	}
	json_t *fobj[NF_MAX_FINDINGS] = {NULL};
	char fpath[NF_MAX_FINDINGS][32];
	json_array_foreach(finds, i, v)
	{
		char p[32];
		kb_path_index(p, sizeof p, "findings", i);
		const char *id = kb_entry_id(cx, p, v);
		if (!id)
			continue;
		int f = kb_finding_by_id(kb, id);
		if (f < 0) {
			kb_fault(cx, p, "\"%s\" is not a finding of the vocabulary", id);
			continue;
		}
		if (fobj[f]) {
			kb_fault(cx, p, "finding \"%s\" appears twice", id);
			continue;
		}
		fobj[f] = v;
		snprintf(fpath[f], sizeof fpath[f], "%s", p);
		kb_read_finding_shape(cx, p, v, json_array_get(vfinds, (size_t)f), &kb->find[f]);
	}
	for (int f = 0; f < kb->nfind; f++)
		if (!fobj[f])
			kb_fault(cx, "findings", "finding \"%s\" of the vocabulary is missing", kb->find[f].id);
	if (cx->f.count)
		goto out_fail;
	for (int f = 0; f < kb->nfind; f++) {
		kb_read_finding_likelihoods(cx, fpath[f], fobj[f], json_array_get(vfinds, (size_t)f), &kb->find[f]);
		kb_read_finding_terms(cx, fpath[f], fobj[f], &kb->find[f]);
	}

	/* Escalation rules name findings, so conditions are read before findings but their rules are
	 * resolved now that findings exist. */
	for (int c = 0; c < kb->ncond; c++)
		kb->cond[c].nrules = 0;
	json_array_foreach(conds, i, v)
	{
		const char *id = json_string_value(json_object_get(v, "id"));
		int c = id ? kb_condition_by_id(kb, id) : -1;
		if (c < 0)
			continue;
		char pc[40];
		snprintf(pc, sizeof pc, "conditions[%zu]", i);
		kb_read_advice_terms(cx, pc, v, &kb->cond[c]);
		json_t *esc = json_object_get(v, "escalate");
		if (!json_is_array(esc))
			continue;
		size_t k;
		json_t *r;
		json_array_foreach(esc, k, r)
		{
			char pi[80];
			snprintf(pi, sizeof pi, "conditions[%zu].escalate[%zu]", i, k);
			kb_read_rule(cx, pi, r, kb->cond[c].rule, &kb->cond[c].nrules, NF_MAX_RULES, UINT64_C(1) << c);
		}
	}
	kb_copy_forms(kb);
	kb_read_triage(cx, json_object_get(root, "triage"));
	kb_read_checklists(cx, json_object_get(root, "checklists"));
	if (cx->f.count)
		goto out_fail;

	double total = 0;
	for (int c = 0; c < kb->ncond; c++)
		total += kb->cond[c].prior;
	for (int c = 0; c < kb->ncond; c++)
		kb->log_prior[c] = log(kb->cond[c].prior / total);
	if (!kb_build_cols(kb))
		goto out_nomem;
	return kb;

out_nomem:
	nf_error_set(cx->f.err, NF_ENOMEM, "out of memory");
	cx->f.count++;
out_fail:
	nf_kb_free(kb);
	return NULL;
}

nf_err nf_kb_load(const char *vocab, const char *vocab_name, const char *kb, const char *kb_name, nf_kb **out,
		  nf_error *err)
{
	struct kb_ctx cx = {.f.err = err};
	nf_error_clear(err);
	*out = build(&cx, vocab, vocab_name, kb, kb_name);
	if (*out)
		return NF_OK;
	return err ? err->code : NF_EPARSE;
}

size_t nf_kb_check(const char *vocab, const char *vocab_name, const char *kb, const char *kb_name,
		   void (*report)(void *ctx, const char *message), void *ctx)
{
	/* The rules in build() skip a section once its frame is broken (e.g. a missing array); the
	 * faults inside it are reported when the frame is mended. Re-running is cheap. */
	nf_error err;
	struct kb_ctx cx = {.f.err = &err, .f.report = report, .f.ctx = ctx};
	nf_kb *k = build(&cx, vocab, vocab_name, kb, kb_name);
	nf_kb_free(k);
	return cx.f.count;
}

nf_err nf_kb_load_files(const char *vocab_path, const char *kb_path, nf_kb **out, nf_error *err)
{
	char *vt = NULL, *kt = NULL;
	nf_err rc;
	*out = NULL;
	if ((rc = core_read_text_file(vocab_path, 1 << 22, &vt, err)) != NF_OK)
		return rc;
	if ((rc = core_read_text_file(kb_path, 1 << 24, &kt, err)) == NF_OK)
		rc = nf_kb_load(vt, vocab_path, kt, kb_path, out, err);
	free(vt);
	free(kt);
	return rc;
}

nf_err nf_kb_load_file(const char *vocab, const char *vocab_name, const char *kb_path, nf_kb **out, nf_error *err)
{
	char *kt = NULL;
	nf_err rc;
	*out = NULL;
	if ((rc = core_read_text_file(kb_path, 1 << 24, &kt, err)) != NF_OK)
		return rc;
	rc = nf_kb_load(vocab, vocab_name, kt, kb_path, out, err);
	free(kt);
	return rc;
}

size_t nf_kb_check_files(const char *vocab, const char *vocab_path, const char *kb_path,
			 void (*report)(void *ctx, const char *message), void *ctx)
{
	char *vt = NULL, *kt = NULL;
	nf_error err;
	size_t faults = 1;
	if (vocab_path && core_read_text_file(vocab_path, 1 << 22, &vt, &err) != NF_OK)
		goto out_report;
	if (core_read_text_file(kb_path, 1 << 24, &kt, &err) != NF_OK)
		goto out_report;
	faults = nf_kb_check(vt ? vt : vocab, vocab_path ? vocab_path : "vocabulary", kt, kb_path, report, ctx);
	goto out_free;
out_report:
	if (report)
		report(ctx, err.msg);
out_free:
	free(vt);
	free(kt);
	return faults;
}

