/* Reading the knowledge base's triage thresholds and red flags, checklist screens and references. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kb/check.h"
#include "core/alloc.h"

static int cmp_ref(const void *a, const void *b)
{
	return strcmp(((const struct kb_ref *)a)->key, ((const struct kb_ref *)b)->key);
}

void kb_read_triage(struct kb_ctx *cx, json_t *t)
{
	static const char *const keys[] = {"thresholds", "red_flags", "escalate", NULL};
	nf_kb *kb = cx->kb;
	if (!json_is_object(t)) {
		kb_fault(cx, t ? "triage" : "", "missing \"triage\" object");
		return;
	}
	kb_only_keys(cx, "triage", t, keys);
	json_t *th = json_object_get(t, "thresholds");
	if (!json_is_object(th)) {
		kb_fault(cx, "triage", "missing \"thresholds\"");
	} else {
		static const char *const tk[] = {"routine", "urgent", "emergency", NULL};
		kb_only_keys(cx, "triage.thresholds", th, tk);
		for (int l = NF_ROUTINE; l <= NF_EMERGENCY; l++) {
			char p[128], pp[140];
			snprintf(p, sizeof p, "triage.thresholds.%s", nf_triage_id((nf_triage)l));
			json_t *o = json_object_get(th, nf_triage_id((nf_triage)l));
			if (!json_is_object(o)) {
				kb_fault(cx, "triage.thresholds", "missing \"%s\"", nf_triage_id((nf_triage)l));
				continue;
			}
			static const char *const pk[] = {"p", "source", NULL};
			kb_only_keys(cx, p, o, pk);
			kb_path_key(pp, sizeof pp, p, "p");
			struct kb_numbers nums = {.n = 1, .prob = true};
			bool ok = kb_get_prob(cx, pp, json_object_get(o, "p"), &kb->threshold[l]);
			nums.x[0] = kb->threshold[l];
			kb_count_evidence(&kb->ev_all, kb_read_source(cx, p, o, ok ? &nums : NULL));
		}
	}
	json_t *esc = json_object_get(t, "escalate");
	if (esc && !json_is_array(esc)) {
		kb_fault(cx, "triage.escalate", "not an array of rules");
	} else if (esc) {
		/* Rules for every cause: a pattern that needs a level whatever its cause. They set no
		 * rule_conds bits: the look-ahead judges them apart, only those that can still hold. */
		size_t k;
		json_t *r;
		json_array_foreach(esc, k, r)
		{
			char p[64];
			kb_path_index(p, sizeof p, "triage.escalate", k);
			kb_read_rule(cx, p, r, kb->global, &kb->nglobal, NF_MAX_GLOBAL_RULES, 0);
		}
	}
	json_t *rf = json_object_get(t, "red_flags");
	if (!json_is_array(rf)) {
		kb_fault(cx, "triage", "missing \"red_flags\" array");
		return;
	}
	size_t i;
	json_t *v;
	json_array_foreach(rf, i, v)
	{
		static const char *const rk[] = {"finding", "value", "level", "says", "step", "see", "today", "answered_by", "source", NULL};
		char p[128];
		snprintf(p, sizeof p, "triage.red_flags[%zu]", i);
		if (!kb_object(cx, p, v, rk))
			continue;
		const struct kb_source *src = kb_read_source(cx, p, v, NULL);
		const char *fid = kb_get_string(cx, p, v, "finding", true);
		const char *lvl = kb_get_string(cx, p, v, "level", true);
		const char *says = kb_get_string(cx, p, v, "says", true);
		int fi = fid ? kb_finding_by_id(kb, fid) : -1;
		int l = nf_triage_from_id(lvl);
		if (fid && fi < 0) {
			kb_fault(cx, p, "unknown finding \"%s\"", fid);
			continue;
		}
		if (lvl && l < NF_ROUTINE) {
			kb_fault(cx, p, "\"level\" must be routine, urgent or emergency");
			continue;
		}
		if (fi < 0 || l < 0)
			continue;
		struct kb_finding *f = &kb->find[fi];
		int o = f->type == NF_BOOL || f->type == NF_ENUM ? kb_outcome_of_json(f, json_object_get(v, "value")) : -1;
		if (o < 0) {
			kb_fault(cx, p, "\"value\" must be a bool or enum value of %s", fid);
			continue;
		}
		if (f->red_flag >= 0) {
			kb_fault(cx, p, "%s is a red flag twice", fid);
			continue;
		}
		f->red_flag = l;
		f->red_flag_value = o;
		f->red_flag_says = says;
		f->red_flag_source = src;
		f->red_flag_step = kb_get_string(cx, p, v, "step", false);
		json_t *today = json_object_get(v, "today");
		if (today && (!json_is_boolean(today) || l != NF_URGENT)) {
			char pt[160];
			kb_path_key(pt, sizeof pt, p, "today");
			kb_fault(cx, pt, "\"today\" needs true or false, on an urgent red flag");
		}
		f->red_flag_today = json_is_true(today);
		f->red_flag_nsee = kb_read_see_of(cx, p, v, f->red_flag_see);
		json_t *by = json_object_get(v, "answered_by");
		if (by) {
			char pb[160];
			kb_path_key(pb, sizeof pb, p, "answered_by");
			kb_read_unless(cx, pb, by, &f->red_flag_answered_by, 0, NULL);
		}
	}
}

void kb_read_checklists(struct kb_ctx *cx, json_t *arr)
{
	nf_kb *kb = cx->kb;
	if (!json_is_array(arr)) {
		kb_fault(cx, arr ? "checklists" : "", "missing \"checklists\" array");
		return;
	}
	kb->list = core_calloc(json_array_size(arr) + 1, sizeof *kb->list);
	if (!kb->list) {
		kb_fault(cx, "checklists", "out of memory");
		return;
	}
	size_t i;
	json_t *v;
	json_array_foreach(arr, i, v)
	{
		static const char *const keys[] = {"id", "title", "findings", "red_flags", "each", NULL};
		char p[128];
		kb_path_index(p, sizeof p, "checklists", i);
		if (!kb_object(cx, p, v, keys))
			continue;
		struct kb_checklist *l = &kb->list[kb->nlist];
		l->id = kb_get_string(cx, p, v, "id", true);
		l->title = kb_get_string(cx, p, v, "title", true);
		l->red_flags = json_is_true(json_object_get(v, "red_flags"));
		l->each = json_is_true(json_object_get(v, "each"));
		json_t *fs = json_object_get(v, "findings");
		char pf[160];
		kb_path_key(pf, sizeof pf, p, "findings");
		if (!json_is_array(fs) || json_array_size(fs) < 1 || json_array_size(fs) > NF_MAX_CHECKLIST) {
			kb_fault(cx, fs ? pf : p, "\"findings\" needs 1 to %d bool findings", NF_MAX_CHECKLIST);
			continue;
		}
		size_t k;
		json_t *fv;
		json_array_foreach(fs, k, fv)
		{
			char pk[180];
			kb_path_index(pk, sizeof pk, pf, k);
			int fi = json_is_string(fv) ? kb_finding_by_id(kb, json_string_value(fv)) : -1;
			if (fi < 0) {
				kb_fault(cx, pk, "unknown finding");
				continue;
			}
			if (kb->find[fi].type != NF_BOOL) {
				kb_fault(cx, pk, "%s is not a bool finding", kb->find[fi].id);
				continue;
			}
			if (kb->find[fi].checklist >= 0) {
				kb_fault(cx, pk, "%s is in two checklists", kb->find[fi].id);
				continue;
			}
			kb->find[fi].checklist = kb->nlist;
			l->finding[l->n++] = fi;
		}
		kb->nlist++;
	}
}

void kb_read_references(struct kb_ctx *cx, json_t *arr)
{
	nf_kb *kb = cx->kb;
	if (!json_is_array(arr) || json_array_size(arr) == 0) {
		kb_fault(cx, arr ? "references" : "", "missing \"references\" array");
		return;
	}
	size_t n = json_array_size(arr);
	kb->ref = core_calloc(n, sizeof *kb->ref);
	if (!kb->ref) {
		kb_fault(cx, "references", "out of memory");
		return;
	}
	size_t i;
	json_t *v;
	json_array_foreach(arr, i, v)
	{
		static const char *const keys[] = {"key", "cite", NULL};
		char p[128];
		kb_path_index(p, sizeof p, "references", i);
		if (!kb_object(cx, p, v, keys))
			continue;
		const char *key = kb_get_string(cx, p, v, "key", true);
		const char *cite = kb_get_string(cx, p, v, "cite", KB_TEXTS_REQUIRED);
		if (!cite && !KB_TEXTS_REQUIRED)
			cite = "";
		if (!key || !cite)
			continue;
		kb->ref[kb->nref].key = key;
		kb->ref[kb->nref].cite = cite;
		kb->nref++;
	}
	/* Sorted for binary search; a repeated key is then next to its twin. */
	qsort(kb->ref, (size_t)kb->nref, sizeof *kb->ref, cmp_ref);
	for (int k = 1; k < kb->nref; k++)
		if (!strcmp(kb->ref[k].key, kb->ref[k - 1].key))
			kb_fault(cx, "references", "reference \"%s\" appears twice", kb->ref[k].key);
}

