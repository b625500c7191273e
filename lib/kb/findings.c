/* Reading the knowledge base's findings: wording, bins, and the likelihood tables the engine uses,
 * with the leak applied and the entropies its look-ahead needs. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kb/check.h"

/* Reads the "p" of a distribution object for finding f into out[0..nout) and the numbers it
 * states into nums. For sets, values not named keep what out holds already (the default).
 * Returns false on a fault. */
static bool read_p(struct kb_ctx *cx, const char *path, json_t *obj, struct kb_finding *f, json_t *vf, double *out,
		   struct kb_numbers *nums)
{
	char p[256];
	json_t *pv = json_object_get(obj, "p");
	kb_path_key(p, sizeof p, path, "p");
	nums->prob = true;
	if (!pv) {
		kb_fault(cx, path, "missing \"p\"");
		return false;
	}
	switch (f->type) {
	case NF_BOOL: {
		double x;
		if (!kb_get_prob(cx, p, pv, &x))
			return false;
		out[0] = 1 - x;
		out[1] = x;
		nums->x[nums->n++] = x;
		return true;
	}
	case NF_NUMBER: {
		if (!json_is_array(pv) || (int)json_array_size(pv) != f->nbins) {
			kb_fault(cx, p, "needs an array of %d probabilities, one per bin", f->nbins);
			return false;
		}
		double sum = 0;
		for (int i = 0; i < f->nbins; i++) {
			char pi[280];
			kb_path_index(pi, sizeof pi, p, (size_t)i);
			if (!kb_get_prob(cx, pi, json_array_get(pv, (size_t)i), &out[i]))
				return false;
			sum += out[i];
			nums->x[nums->n++] = out[i];
		}
		if (fabs(sum - 1) > 0.01) {
			kb_fault(cx, p, "probabilities sum to %.4f, not 1", sum);
			return false;
		}
		nums->complement = f->nbins == 2;
		return true;
	}
	case NF_ENUM:
	case NF_SET: {
		if (!json_is_object(pv)) {
			kb_fault(cx, p, "needs an object mapping values to probabilities");
			return false;
		}
		const char *k;
		json_t *v;
		double sum = 0;
		int n = 0;
		json_object_foreach(pv, k, v)
		{
			char pk[300];
			kb_path_key(pk, sizeof pk, p, k);
			int vi = kb_vocab_value_index(vf, k);
			if (vi < 0) {
				kb_fault(cx, pk, "\"%s\" is not a value of %s", k, f->id);
				return false;
			}
			if (!kb_get_prob(cx, pk, v, &out[vi]))
				return false;
			sum += out[vi];
			nums->x[nums->n++] = out[vi];
			n++;
		}
		if (f->type == NF_ENUM && (n != f->nvalues || fabs(sum - 1) > 0.01)) {
			kb_fault(cx, p, "needs every value of %s with probabilities summing to 1 (got %d values, sum %.4f)",
			      f->id, n, sum);
			return false;
		}
		nums->complement = f->type == NF_ENUM && f->nvalues == 2;
		return true;
	}
	}
	return false;
}

/* Reads a distribution object {"p": ..., "source": ...} for finding f into out (see read_p) and
 * its source into *source (NULL after a fault in it). Returns whether "p" was read; a fault in the
 * source alone still lets the caller go on, so that one check reports what lies beyond it. */
static bool kb_read_dist(struct kb_ctx *cx, const char *path, json_t *obj, struct kb_finding *f, json_t *vf, double *out,
			 const struct kb_source **source)
{
	static const char *const keys[] = {"p", "source", NULL};
	struct kb_numbers nums = {0};
	if (!json_is_object(obj)) {
		kb_fault(cx, path, "not an object with \"p\" and \"source\"");
		return false;
	}
	kb_only_keys(cx, path, obj, keys);
	bool ok = read_p(cx, path, obj, f, vf, out, &nums);
	*source = kb_read_source(cx, path, obj, ok ? &nums : NULL);
	return ok;
}

/* Reads a number finding's "range": [lo, hi], the answers a person can give (docs/kb-format.md).
 * After a fault the range is left open (0 to infinity) so that the bins can still be checked. */
static void read_range(struct kb_ctx *cx, const char *path, json_t *o, struct kb_finding *f)
{
	char p[256];
	json_t *r = json_object_get(o, "range");
	f->lo = 0;
	f->hi = INFINITY;
	kb_path_key(p, sizeof p, path, "range");
	if (!r) {
		kb_fault(cx, path, "a number finding needs \"range\": [lowest, highest] answer a person can give");
		return;
	}
	json_t *lo = json_array_get(r, 0), *hi = json_array_get(r, 1);
	if (!json_is_array(r) || json_array_size(r) != 2 || !json_is_number(lo) || !json_is_number(hi)) {
		kb_fault(cx, p, "needs [lowest, highest]: two numbers");
		return;
	}
	double a = json_number_value(lo), b = json_number_value(hi);
	if (!isfinite(a) || !isfinite(b) || a < 0 || b <= a) {
		kb_fault(cx, p, "needs 0 <= lowest < highest, both finite (got %g to %g)", a, b);
		return;
	}
	f->lo = a;
	f->hi = b;
}

/* First pass over findings: identity, type, wording and bins; likelihoods come later, once every
 * condition is known. */
void kb_read_finding_shape(struct kb_ctx *cx, const char *path, json_t *o, json_t *vf, struct kb_finding *f)
{
	static const char *const keys[] = {"id", "question", "clinician_question", "help", "bins", "default",
					   "likelihood", "units", "always", "range", "not_asked_when", NULL};
	kb_only_keys(cx, path, o, keys);
	const char *type = json_string_value(json_object_get(vf, "type"));
	const char *who = json_string_value(json_object_get(vf, "who"));
	f->clinician = (who && !strcmp(who, "clinician")) || !strncmp(f->id, "exam_", 5) || !strncmp(f->id, "test_", 5);
	f->type = !strcmp(type, "bool") ? NF_BOOL : !strcmp(type, "enum") ? NF_ENUM : !strcmp(type, "set") ? NF_SET : NF_NUMBER;
	f->question = kb_get_string(cx, path, o, f->clinician ? "clinician_question" : "question", true);
	f->help = kb_get_string(cx, path, o, "help", true);
	f->means = json_string_value(json_object_get(vf, "means"));
	if (!f->means)
		f->means = f->id;
	f->unit = json_string_value(json_object_get(vf, "unit"));
	if (!f->unit)
		f->unit = "";
	f->always = kb_get_bool(cx, path, o, "always");
	json_t *units = json_object_get(o, "units");
	if (units) {
		char p[256];
		kb_path_key(p, sizeof p, path, "units");
		if (!json_is_string(units) || strcmp(json_string_value(units), "distance") || f->type != NF_NUMBER ||
		    strcmp(f->unit, "km"))
			kb_fault(cx, p, "only \"distance\", on a number finding in km");
		else
			f->distance = true;
	}
	if (f->type == NF_ENUM || f->type == NF_SET) {
		json_t *vals = json_object_get(vf, "values"), *means = json_object_get(vf, "value_means");
		size_t i;
		json_t *v;
		json_array_foreach(vals, i, v)
		{
			if (f->nvalues < NF_MAX_VALUES) {
				f->value[f->nvalues] = json_string_value(v);
				f->value_means[f->nvalues] = json_string_value(json_object_get(means, json_string_value(v)));
				if (!f->value_means[f->nvalues])
					f->value_means[f->nvalues] = f->value[f->nvalues];
				f->nvalues++;
			}
		}
		f->nout = f->nvalues;
		if (json_object_get(o, "bins"))
			kb_fault(cx, path, "\"bins\" is only for number findings");
		if (json_object_get(o, "range"))
			kb_fault(cx, path, "\"range\" is only for number findings");
	} else if (f->type == NF_BOOL) {
		f->nout = 2;
		if (json_object_get(o, "bins"))
			kb_fault(cx, path, "\"bins\" is only for number findings");
		if (json_object_get(o, "range"))
			kb_fault(cx, path, "\"range\" is only for number findings");
	} else {
		read_range(cx, path, o, f);
		json_t *bins = json_object_get(o, "bins");
		char p[256];
		kb_path_key(p, sizeof p, path, "bins");
		if (!json_is_array(bins) || json_array_size(bins) < 1 || json_array_size(bins) >= NF_MAX_VALUES) {
			kb_fault(cx, bins ? p : path, "a number finding needs \"bins\": 1 to %d ascending edges",
			      NF_MAX_VALUES - 1);
			f->nbins = 2;
		} else {
			f->nbins = (int)json_array_size(bins) + 1;
			for (size_t i = 0; i < json_array_size(bins); i++) {
				json_t *e = json_array_get(bins, i);
				if (!json_is_number(e) || (i > 0 && json_number_value(e) <= f->edge[i - 1])) {
					char pi[280];
					kb_path_index(pi, sizeof pi, p, i);
					kb_fault(cx, pi, "bin edges must be numbers in ascending order");
				}
				f->edge[i] = json_number_value(e);
				/* An edge outside the range splits answers nobody can give. */
				if (json_is_number(e) && (f->edge[i] <= f->lo || f->edge[i] > f->hi)) {
					char pi[280];
					kb_path_index(pi, sizeof pi, p, i);
					kb_fault(cx, pi, "bin edge %g is outside the range %g to %g", f->edge[i], f->lo,
						 f->hi);
				}
			}
		}
		f->nout = f->nbins;
	}
}

void kb_read_finding_likelihoods(struct kb_ctx *cx, const char *path, json_t *o, json_t *vf, struct kb_finding *f)
{
	nf_kb *kb = cx->kb;
	double def[NF_MAX_VALUES] = {0};
	const struct kb_source *def_src = NULL;
	char p[256];
	kb_path_key(p, sizeof p, path, "default");
	json_t *d = json_object_get(o, "default");
	if (!d) {
		kb_fault(cx, path, "missing \"default\"");
		return;
	}
	if (!kb_read_dist(cx, p, d, f, vf, def, &def_src))
		return;
	kb_count_evidence(&kb->ev_all, def_src);
	if (f->type == NF_SET) {
		json_t *pv = json_object_get(d, "p");
		if ((int)json_object_size(pv) != f->nvalues)
			kb_fault(cx, p, "the default of a set needs every value of %s", f->id);
	}
	for (int c = 0; c < kb->ncond; c++) {
		memcpy(f->p[c], def, sizeof def);
		f->source[c] = def_src;
		f->evidence[c] = def_src ? def_src->kind : NF_EV_ESTIMATE;
	}
	json_t *lk = json_object_get(o, "likelihood");
	kb_path_key(p, sizeof p, path, "likelihood");
	if (lk && !json_is_object(lk)) {
		kb_fault(cx, p, "not an object");
	} else if (lk) {
		/* Two passes: a condition's own entry holds for all its forms, then a form's entry
		 * ("condition/form") replaces it for that form alone. */
		for (int pass = 0; pass < 2; pass++) {
			const char *k;
			json_t *v;
			json_object_foreach(lk, k, v)
			{
				const char *slash = strchr(k, '/');
				if ((slash != NULL) != (pass == 1))
					continue;
				char pk[300];
				kb_path_key(pk, sizeof pk, p, k);
				int c = slash ? kb_form_by_id(kb, k) : kb_condition_by_id(kb, k);
				if (c < 0) {
					kb_fault(cx, pk, slash ? "unknown condition or form" : "unknown condition");
					continue;
				}
				if (!kb->cond[c].in_vocab) {
					kb_fault(cx, pk, "the catch-all condition takes the default only");
					continue;
				}
				if (!kb_read_dist(cx, pk, v, f, vf, f->p[c], &f->source[c]))
					continue;
				f->listed[c] = true;
				f->evidence[c] = f->source[c] ? f->source[c]->kind : NF_EV_ESTIMATE;
				/* A set's entry may leave values to the default, whose kind then counts too. */
				if (f->type == NF_SET && (int)json_object_size(json_object_get(v, "p")) < f->nvalues &&
				    def_src && def_src->kind < f->evidence[c])
					f->evidence[c] = def_src->kind;
				kb_count_evidence(&kb->ev_all, f->source[c]);
				kb_count_evidence(&kb->ev_likelihoods, f->source[c]);
				kb_count_evidence(&kb->ev_condition[kb->cond[c].parent], f->source[c]);
				for (int r = kb->npublic; !slash && r < kb->ncond; r++) {
					if (kb->cond[r].parent != c)
						continue;
					memcpy(f->p[r], f->p[c], sizeof f->p[r]);
					f->source[r] = f->source[c];
					f->evidence[r] = f->evidence[c];
					f->listed[r] = true;
				}
			}
		}
	}
	/* The leak: every likelihood keeps NF_KB_LEAK of the default, so that no single answer can
	 * drive a cause to zero (docs/model.md). */
	for (int c = 0; c < kb->ncond; c++) {
		for (int i = 0; i < f->nout; i++) {
			double q = (1 - NF_KB_LEAK) * f->p[c][i] + NF_KB_LEAK * def[i];
			f->p[c][i] = q;
			f->lp[c][i] = log(q);
			f->lq[c][i] = f->type == NF_SET ? log1p(-q) : 0;
			if (f->type == NF_SET)
				f->h[c][i] = -q * log(q) - (1 - q) * log1p(-q);
			else
				f->h[c][0] -= q * log(q);
		}
	}
}

void kb_read_finding_terms(struct kb_ctx *cx, const char *path, json_t *o, struct kb_finding *f)
{
	json_t *when = json_object_get(o, "not_asked_when");
	if (!when)
		return;
	char p[300];
	kb_path_key(p, sizeof p, path, "not_asked_when");
	kb_read_unless(cx, p, when, &f->not_asked_when, 0, NULL);
	/* A finding asked only when it is already answered would never be asked. */
	for (int t = 0; t < f->not_asked_when.n; t++)
		if (!strcmp(cx->kb->find[f->not_asked_when.term[t].finding].id, f->id))
			kb_fault(cx, p, "names the finding itself");
}
