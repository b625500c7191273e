/* Loading and validating the knowledge base (docs/kb-format.md).
 *
 * The loader checks everything before it keeps anything: a fault anywhere means no nf_kb. Each
 * fault is placed as FILE:LINE: PATH: message, the line found by nf_json_path_line(). The parsed
 * jansson trees stay alive inside the nf_kb, so every string the accessors return points into them.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "kb/kb_impl.h"

struct ctx {
	struct nf_faults f; /* the file being checked and the faults found in it */
	nf_kb *kb;
};

/* Paths name where a value sits ("findings[3].default.p") so that a fault can be placed. They are
 * built for every value checked, thousands per load, so they are joined by hand: snprintf here
 * cost a sixth of the load time. Both cut at the buffer's end, like snprintf. */
static void path_key(char *out, size_t cap, const char *parent, const char *key)
{
	size_t a = strlen(parent), b = strlen(key), n = 0;
	if (a >= cap)
		a = cap - 1;
	memcpy(out, parent, a);
	n = a;
	if (a && n + 1 < cap)
		out[n++] = '.';
	if (n + b >= cap)
		b = cap - 1 - n;
	memcpy(out + n, key, b);
	out[n + b] = '\0';
}

static void path_index(char *out, size_t cap, const char *parent, size_t i)
{
	char digits[24];
	size_t d = sizeof digits;
	digits[--d] = '\0';
	do
		digits[--d] = (char)('0' + i % 10);
	while ((i /= 10) && d > 1);
	size_t a = strlen(parent), b = sizeof digits - 1 - d;
	if (a + b + 3 > cap) {
		snprintf(out, cap, "%s[%s]", parent, digits + d);
		return;
	}
	memcpy(out, parent, a);
	out[a] = '[';
	memcpy(out + a + 1, digits + d, b);
	out[a + 1 + b] = ']';
	out[a + 2 + b] = '\0';
}

__attribute__((format(printf, 3, 4))) static void fault(struct ctx *cx, const char *path, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	nf_faults_add(&cx->f, path, NULL, msg);
}

static json_t *parse(struct ctx *cx, const char *text)
{
	json_error_t je;
	json_t *root = json_loads(text, JSON_REJECT_DUPLICATES, &je);
	if (!root) {
		nf_faults_syntax(&cx->f, &je);
		return NULL;
	}
	if (!json_is_object(root)) {
		fault(cx, "", "top level is not a JSON object");
		json_decref(root);
		return NULL;
	}
	return root;
}

/* Reports keys of obj not in the NULL-terminated list allowed. */
static void only_keys(struct ctx *cx, const char *path, json_t *obj, const char *const *allowed)
{
	const char *k;
	json_t *v;
	json_object_foreach(obj, k, v)
	{
		bool ok = false;
		for (int i = 0; allowed[i]; i++)
			ok |= !strcmp(k, allowed[i]);
		if (!ok) {
			char p[256];
			path_key(p, sizeof p, path, k);
			fault(cx, p, "unknown key");
		}
	}
}

static const char *get_string(struct ctx *cx, const char *path, json_t *obj, const char *key, bool required)
{
	json_t *v = json_object_get(obj, key);
	char p[256];
	path_key(p, sizeof p, path, key);
	if (!v) {
		if (required)
			fault(cx, path, "missing \"%s\"", key);
		return NULL;
	}
	if (!json_is_string(v) || !*json_string_value(v)) {
		fault(cx, p, "not a non-empty string");
		return NULL;
	}
	return json_string_value(v);
}

/* Compares a key of given length with a NUL-terminated one, as strcmp would order them. */
static int keycmp(const char *key, size_t len, const char *other)
{
	int r = strncmp(key, other, len);
	return r ? r : (other[len] ? -1 : 0);
}

/* References are sorted once read (read_references), so that resolving the knowledge base's
 * thousands of sources is a binary search each. */
/* The "id" of an entry of the conditions or findings array at path p, or NULL after a fault. */
static const char *entry_id(struct ctx *cx, const char *p, json_t *v)
{
	if (!json_is_object(v)) {
		fault(cx, p, "not an object");
		return NULL;
	}
	return get_string(cx, p, v, "id", true);
}

static bool is_reference(const nf_kb *kb, const char *key, size_t len)
{
	int lo = 0, hi = kb->nref - 1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2, r = keycmp(key, len, kb->ref[mid].key);
		if (!r)
			return true;
		if (r < 0)
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	return false;
}

static int cmp_ref(const void *a, const void *b)
{
	return strcmp(((const struct nf_ref *)a)->key, ((const struct nf_ref *)b)->key);
}

/* Checks obj.source: reference keys and "estimate: reasoning" parts joined by "; ". */
static const char *check_source(struct ctx *cx, const char *path, json_t *obj)
{
	const char *src = get_string(cx, path, obj, "source", true);
	if (!src)
		return NULL;
	char p[256];
	path_key(p, sizeof p, path, "source");
	const char *s = src;
	while (*s) {
		const char *end = strstr(s, "; ");
		size_t len = end ? (size_t)(end - s) : strlen(s);
		if (!strncmp(s, "estimate:", 9)) {
			/* The reasoning runs to the end: an estimate may itself contain "; ". */
			if (strlen(s + 9) < 20)
				fault(cx, p, "an estimate needs its reasoning (at least 20 characters)");
			break;
		}
		if (!is_reference(cx->kb, s, len))
			fault(cx, p, "\"%.*s\" is not a reference key (nor \"estimate: ...\")", (int)len, s);
		s += len;
		if (end)
			s += 2;
	}
	return src;
}

/* A probability in (0, 1) at obj.key. */
static bool get_prob(struct ctx *cx, const char *path, json_t *v, double *out)
{
	if (!json_is_number(v)) {
		fault(cx, path, "not a number");
		return false;
	}
	double x = json_number_value(v);
	if (!(x > 0 && x < 1)) {
		fault(cx, path, "probability %g is not between 0 and 1 (exclusive)", x);
		return false;
	}
	*out = x;
	return true;
}

static int vocab_value_index(json_t *vf, const char *value)
{
	json_t *vals = json_object_get(vf, "values");
	size_t i;
	json_t *v;
	json_array_foreach(vals, i, v)
	{
		if (json_is_string(v) && !strcmp(json_string_value(v), value))
			return (int)i;
	}
	return -1;
}

/* Reads a distribution object {"p": ..., "source": ...} for finding f into out[0..nout). For sets,
 * values not named keep what out holds already (the default). Returns false on a fault. */
static bool read_dist(struct ctx *cx, const char *path, json_t *obj, struct nf_finding *f, json_t *vf, double *out,
		      const char **source)
{
	static const char *const keys[] = {"p", "source", NULL};
	char p[256];
	if (!json_is_object(obj)) {
		fault(cx, path, "not an object with \"p\" and \"source\"");
		return false;
	}
	only_keys(cx, path, obj, keys);
	*source = check_source(cx, path, obj);
	json_t *pv = json_object_get(obj, "p");
	path_key(p, sizeof p, path, "p");
	if (!pv) {
		fault(cx, path, "missing \"p\"");
		return false;
	}
	switch (f->type) {
	case NF_BOOL: {
		double x;
		if (!get_prob(cx, p, pv, &x))
			return false;
		out[0] = 1 - x;
		out[1] = x;
		return true;
	}
	case NF_NUMBER: {
		if (!json_is_array(pv) || (int)json_array_size(pv) != f->nbins) {
			fault(cx, p, "needs an array of %d probabilities, one per bin", f->nbins);
			return false;
		}
		double sum = 0;
		for (int i = 0; i < f->nbins; i++) {
			char pi[280];
			path_index(pi, sizeof pi, p, (size_t)i);
			if (!get_prob(cx, pi, json_array_get(pv, (size_t)i), &out[i]))
				return false;
			sum += out[i];
		}
		if (fabs(sum - 1) > 0.01) {
			fault(cx, p, "probabilities sum to %.4f, not 1", sum);
			return false;
		}
		return true;
	}
	case NF_ENUM:
	case NF_SET: {
		if (!json_is_object(pv)) {
			fault(cx, p, "needs an object mapping values to probabilities");
			return false;
		}
		const char *k;
		json_t *v;
		double sum = 0;
		int n = 0;
		json_object_foreach(pv, k, v)
		{
			char pk[300];
			path_key(pk, sizeof pk, p, k);
			int vi = vocab_value_index(vf, k);
			if (vi < 0) {
				fault(cx, pk, "\"%s\" is not a value of %s", k, f->id);
				return false;
			}
			if (!get_prob(cx, pk, v, &out[vi]))
				return false;
			sum += out[vi];
			n++;
		}
		if (f->type == NF_ENUM && (n != f->nvalues || fabs(sum - 1) > 0.01)) {
			fault(cx, p, "needs every value of %s with probabilities summing to 1 (got %d values, sum %.4f)",
			      f->id, n, sum);
			return false;
		}
		return true;
	}
	}
	return false;
}

static const char *const see_ids[] = {"sports_medicine", "physiotherapist", "podiatrist", "gp",
				      "vascular_surgeon", "neurologist", "spinal_surgeon", "foot_ankle_surgeon",
				      "emergency_department", NULL};

static const char *const triage_ids[NF_TRIAGE_LEVELS] = {"self_care", "routine", "urgent", "emergency"};

const char *nf_triage_id(nf_triage t)
{
	return (unsigned)t < NF_TRIAGE_LEVELS ? triage_ids[t] : "unknown";
}

int nf_triage_from_id(const char *id)
{
	for (int i = 0; i < NF_TRIAGE_LEVELS; i++)
		if (id && !strcmp(id, triage_ids[i]))
			return i;
	return -1;
}

const char *nf_triage_words(nf_triage t)
{
	switch (t) {
	case NF_EMERGENCY:
		return "Emergency: call emergency services or go to an emergency department now.";
	case NF_URGENT:
		return "Urgent: see a doctor within 24 to 48 hours, and stop running until then.";
	case NF_ROUTINE:
		return "Routine: book a sports-medicine doctor or physiotherapist in the coming weeks.";
	case NF_SELF_CARE:
		return "Self-care first: follow the plan, and see a professional if it is not better within "
		       "the time the plan gives.";
	}
	return "";
}

static int finding_by_id(const nf_kb *kb, const char *id)
{
	for (int i = 0; i < kb->nfind; i++)
		if (kb->find[i].id && !strcmp(kb->find[i].id, id))
			return i;
	return -1;
}

static int condition_by_id(const nf_kb *kb, const char *id)
{
	for (int i = 0; i < kb->ncond; i++)
		if (!strcmp(kb->cond[i].id, id))
			return i;
	return -1;
}

/* The outcome index of a JSON answer value for finding f, or -1 (not for sets). */
static int outcome_of_json(const struct nf_finding *f, json_t *v)
{
	switch (f->type) {
	case NF_BOOL:
		return json_is_boolean(v) ? (json_is_true(v) ? 1 : 0) : -1;
	case NF_ENUM:
		if (json_is_string(v))
			for (int i = 0; i < f->nvalues; i++)
				if (!strcmp(f->value[i], json_string_value(v)))
					return i;
		return -1;
	default:
		return -1;
	}
}

static void read_rule(struct ctx *cx, const char *path, json_t *r, struct nf_condition *c)
{
	static const char *const keys[] = {"if", "to", "source", NULL};
	if (!json_is_object(r)) {
		fault(cx, path, "not an object");
		return;
	}
	only_keys(cx, path, r, keys);
	check_source(cx, path, r);
	if (c->nrules >= NF_MAX_RULES) {
		fault(cx, path, "more than %d rules", NF_MAX_RULES);
		return;
	}
	struct nf_rule *rule = &c->rule[c->nrules];
	memset(rule, 0, sizeof *rule);
	const char *to = get_string(cx, path, r, "to", true);
	int lvl = nf_triage_from_id(to);
	if (to && lvl < 0)
		fault(cx, path, "\"to\": \"%s\" is not a triage level", to);
	rule->to = lvl < 0 ? NF_SELF_CARE : (nf_triage)lvl;
	json_t *cond = json_object_get(r, "if");
	char p[256];
	path_key(p, sizeof p, path, "if");
	if (!json_is_object(cond) || json_object_size(cond) == 0) {
		fault(cx, p, "needs an object of finding answers");
		return;
	}
	const char *k;
	json_t *v;
	json_object_foreach(cond, k, v)
	{
		char pk[300];
		path_key(pk, sizeof pk, p, k);
		int fi = finding_by_id(cx->kb, k);
		if (fi < 0) {
			fault(cx, pk, "unknown finding");
			continue;
		}
		if (rule->nterms >= NF_MAX_RULE_TERMS) {
			fault(cx, pk, "more than %d terms", NF_MAX_RULE_TERMS);
			break;
		}
		struct nf_rule_term *t = &rule->term[rule->nterms];
		const struct nf_finding *f = &cx->kb->find[fi];
		t->finding = fi;
		if (f->type == NF_NUMBER) {
			json_t *ge = json_object_get(v, ">="), *lt = json_object_get(v, "<");
			if (json_is_object(v) && json_object_size(v) == 1 && (json_is_number(ge) || json_is_number(lt))) {
				t->op = ge ? NF_OP_GE : NF_OP_LT;
				t->x = json_number_value(ge ? ge : lt);
			} else {
				fault(cx, pk, "a number condition is {\">=\": x} or {\"<\": x}");
				continue;
			}
		} else if (f->type == NF_SET) {
			fault(cx, pk, "set findings cannot be rule terms");
			continue;
		} else {
			int o = outcome_of_json(f, v);
			if (o < 0) {
				fault(cx, pk, "not a value of %s", f->id);
				continue;
			}
			t->op = NF_OP_EQ;
			t->x = o;
		}
		rule->nterms++;
		cx->kb->find[fi].rule_conds |= UINT64_C(1) << (c - cx->kb->cond);
	}
	c->nrules++;
}

static void read_condition(struct ctx *cx, const char *path, json_t *o, struct nf_condition *c)
{
	static const char *const keys[] = {"id", "name", "summary", "icd10", "prior", "triage", "escalate",
					   "see", "plan", "catch_all", NULL};
	char p[256];
	only_keys(cx, path, o, keys);
	c->name = get_string(cx, path, o, "name", true);
	c->summary = get_string(cx, path, o, "summary", true);
	c->icd10 = get_string(cx, path, o, "icd10", !json_is_true(json_object_get(o, "catch_all")));
	if (!c->icd10)
		c->icd10 = "";
	json_t *prior = json_object_get(o, "prior");
	path_key(p, sizeof p, path, "prior");
	if (!json_is_object(prior)) {
		fault(cx, path, "missing \"prior\" object");
	} else {
		static const char *const pk[] = {"p", "source", NULL};
		char pp[280];
		only_keys(cx, p, prior, pk);
		path_key(pp, sizeof pp, p, "p");
		get_prob(cx, pp, json_object_get(prior, "p"), &c->prior);
		c->prior_source = check_source(cx, p, prior);
	}
	const char *tr = get_string(cx, path, o, "triage", true);
	int lvl = nf_triage_from_id(tr);
	if (tr && lvl < 0) {
		path_key(p, sizeof p, path, "triage");
		fault(cx, p, "\"%s\" is not a triage level", tr);
	}
	c->triage = lvl < 0 ? NF_SELF_CARE : (nf_triage)lvl;

	json_t *see = json_object_get(o, "see");
	path_key(p, sizeof p, path, "see");
	if (!json_is_array(see) || json_array_size(see) == 0 || json_array_size(see) > NF_MAX_SEE) {
		fault(cx, json_is_array(see) ? p : path, "\"see\" needs 1 to %d entries", NF_MAX_SEE);
	} else {
		size_t i;
		json_t *v;
		json_array_foreach(see, i, v)
		{
			bool ok = false;
			for (int k = 0; json_is_string(v) && see_ids[k]; k++)
				ok |= !strcmp(see_ids[k], json_string_value(v));
			if (!ok) {
				char pi[280];
				path_index(pi, sizeof pi, p, i);
				fault(cx, pi, "not one of the professionals listed in docs/kb-format.md");
			} else {
				c->see[c->nsee++] = json_string_value(v);
			}
		}
	}
	json_t *plan = json_object_get(o, "plan");
	path_key(p, sizeof p, path, "plan");
	if (!json_is_array(plan) || json_array_size(plan) == 0 || json_array_size(plan) > NF_MAX_PLAN) {
		fault(cx, json_is_array(plan) ? p : path, "\"plan\" needs 1 to %d steps", NF_MAX_PLAN);
	} else {
		size_t i;
		json_t *v;
		json_array_foreach(plan, i, v)
		{
			static const char *const sk[] = {"step", "weeks", "source", NULL};
			char pi[280];
			path_index(pi, sizeof pi, p, i);
			if (!json_is_object(v)) {
				fault(cx, pi, "not an object");
				continue;
			}
			only_keys(cx, pi, v, sk);
			struct nf_plan_step *st = &c->plan[c->nplan++];
			st->text = get_string(cx, pi, v, "step", true);
			st->source = check_source(cx, pi, v);
			json_t *w = json_object_get(v, "weeks");
			if (!json_is_number(w) || json_number_value(w) < 0 || json_number_value(w) > 104) {
				char pw[300];
				path_key(pw, sizeof pw, pi, "weeks");
				fault(cx, w ? pw : pi, "\"weeks\" needs a number from 0 to 104");
			} else {
				st->weeks = json_number_value(w);
			}
		}
	}
	/* "escalate" is read once the findings are known (build()). */
}

/* First pass over findings: identity, type, wording and bins; likelihoods come later, once every
 * condition is known. */
static void read_finding_shape(struct ctx *cx, const char *path, json_t *o, json_t *vf, struct nf_finding *f)
{
	static const char *const keys[] = {"id", "question", "clinician_question", "help", "bins", "default",
					   "likelihood", "units", NULL};
	only_keys(cx, path, o, keys);
	const char *type = json_string_value(json_object_get(vf, "type"));
	const char *who = json_string_value(json_object_get(vf, "who"));
	f->clinician = (who && !strcmp(who, "clinician")) || !strncmp(f->id, "exam_", 5) || !strncmp(f->id, "test_", 5);
	f->type = !strcmp(type, "bool") ? NF_BOOL : !strcmp(type, "enum") ? NF_ENUM : !strcmp(type, "set") ? NF_SET : NF_NUMBER;
	f->question = get_string(cx, path, o, f->clinician ? "clinician_question" : "question", true);
	f->help = get_string(cx, path, o, "help", true);
	f->means = json_string_value(json_object_get(vf, "means"));
	if (!f->means)
		f->means = f->id;
	f->unit = json_string_value(json_object_get(vf, "unit"));
	if (!f->unit)
		f->unit = "";
	json_t *units = json_object_get(o, "units");
	if (units) {
		char p[256];
		path_key(p, sizeof p, path, "units");
		if (!json_is_string(units) || strcmp(json_string_value(units), "distance") || f->type != NF_NUMBER ||
		    strcmp(f->unit, "km"))
			fault(cx, p, "only \"distance\", on a number finding in km");
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
			fault(cx, path, "\"bins\" is only for number findings");
	} else if (f->type == NF_BOOL) {
		f->nout = 2;
		if (json_object_get(o, "bins"))
			fault(cx, path, "\"bins\" is only for number findings");
	} else {
		json_t *bins = json_object_get(o, "bins");
		char p[256];
		path_key(p, sizeof p, path, "bins");
		if (!json_is_array(bins) || json_array_size(bins) < 1 || json_array_size(bins) >= NF_MAX_VALUES) {
			fault(cx, bins ? p : path, "a number finding needs \"bins\": 1 to %d ascending edges",
			      NF_MAX_VALUES - 1);
			f->nbins = 2;
		} else {
			f->nbins = (int)json_array_size(bins) + 1;
			for (size_t i = 0; i < json_array_size(bins); i++) {
				json_t *e = json_array_get(bins, i);
				if (!json_is_number(e) || (i > 0 && json_number_value(e) <= f->edge[i - 1])) {
					char pi[280];
					path_index(pi, sizeof pi, p, i);
					fault(cx, pi, "bin edges must be numbers in ascending order");
				}
				f->edge[i] = json_number_value(e);
			}
		}
		f->nout = f->nbins;
	}
}

static void read_finding_likelihoods(struct ctx *cx, const char *path, json_t *o, json_t *vf, struct nf_finding *f)
{
	nf_kb *kb = cx->kb;
	double def[NF_MAX_VALUES] = {0};
	const char *def_src = NULL;
	char p[256];
	path_key(p, sizeof p, path, "default");
	json_t *d = json_object_get(o, "default");
	if (!d) {
		fault(cx, path, "missing \"default\"");
		return;
	}
	if (!read_dist(cx, p, d, f, vf, def, &def_src))
		return;
	if (f->type == NF_SET) {
		json_t *pv = json_object_get(d, "p");
		if ((int)json_object_size(pv) != f->nvalues)
			fault(cx, p, "the default of a set needs every value of %s", f->id);
	}
	for (int c = 0; c < kb->ncond; c++) {
		memcpy(f->p[c], def, sizeof def);
		f->source[c] = def_src;
	}
	json_t *lk = json_object_get(o, "likelihood");
	path_key(p, sizeof p, path, "likelihood");
	if (lk && !json_is_object(lk)) {
		fault(cx, p, "not an object");
	} else if (lk) {
		const char *k;
		json_t *v;
		json_object_foreach(lk, k, v)
		{
			char pk[300];
			path_key(pk, sizeof pk, p, k);
			int c = condition_by_id(kb, k);
			if (c < 0) {
				fault(cx, pk, "unknown condition");
				continue;
			}
			if (!kb->cond[c].in_vocab) {
				fault(cx, pk, "the catch-all condition takes the default only");
				continue;
			}
			if (read_dist(cx, pk, v, f, vf, f->p[c], &f->source[c]))
				f->listed[c] = true;
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

static void read_triage(struct ctx *cx, json_t *t)
{
	static const char *const keys[] = {"thresholds", "red_flags", NULL};
	nf_kb *kb = cx->kb;
	if (!json_is_object(t)) {
		fault(cx, t ? "triage" : "", "missing \"triage\" object");
		return;
	}
	only_keys(cx, "triage", t, keys);
	json_t *th = json_object_get(t, "thresholds");
	if (!json_is_object(th)) {
		fault(cx, "triage", "missing \"thresholds\"");
	} else {
		static const char *const tk[] = {"routine", "urgent", "emergency", NULL};
		only_keys(cx, "triage.thresholds", th, tk);
		for (int l = NF_ROUTINE; l <= NF_EMERGENCY; l++) {
			char p[128], pp[140];
			snprintf(p, sizeof p, "triage.thresholds.%s", triage_ids[l]);
			json_t *o = json_object_get(th, triage_ids[l]);
			if (!json_is_object(o)) {
				fault(cx, "triage.thresholds", "missing \"%s\"", triage_ids[l]);
				continue;
			}
			static const char *const pk[] = {"p", "source", NULL};
			only_keys(cx, p, o, pk);
			path_key(pp, sizeof pp, p, "p");
			get_prob(cx, pp, json_object_get(o, "p"), &kb->threshold[l]);
			check_source(cx, p, o);
		}
	}
	json_t *rf = json_object_get(t, "red_flags");
	if (!json_is_array(rf)) {
		fault(cx, "triage", "missing \"red_flags\" array");
		return;
	}
	size_t i;
	json_t *v;
	json_array_foreach(rf, i, v)
	{
		static const char *const rk[] = {"finding", "value", "level", "says", "source", NULL};
		char p[128];
		snprintf(p, sizeof p, "triage.red_flags[%zu]", i);
		if (!json_is_object(v)) {
			fault(cx, p, "not an object");
			continue;
		}
		only_keys(cx, p, v, rk);
		check_source(cx, p, v);
		const char *fid = get_string(cx, p, v, "finding", true);
		const char *lvl = get_string(cx, p, v, "level", true);
		const char *says = get_string(cx, p, v, "says", true);
		int fi = fid ? finding_by_id(kb, fid) : -1;
		int l = nf_triage_from_id(lvl);
		if (fid && fi < 0) {
			fault(cx, p, "unknown finding \"%s\"", fid);
			continue;
		}
		if (lvl && l < NF_ROUTINE) {
			fault(cx, p, "\"level\" must be routine, urgent or emergency");
			continue;
		}
		if (fi < 0 || l < 0)
			continue;
		struct nf_finding *f = &kb->find[fi];
		int o = f->type == NF_BOOL || f->type == NF_ENUM ? outcome_of_json(f, json_object_get(v, "value")) : -1;
		if (o < 0) {
			fault(cx, p, "\"value\" must be a bool or enum value of %s", fid);
			continue;
		}
		if (f->red_flag >= 0) {
			fault(cx, p, "%s is a red flag twice", fid);
			continue;
		}
		f->red_flag = l;
		f->red_flag_value = o;
		f->red_flag_says = says;
	}
}

static void read_checklists(struct ctx *cx, json_t *arr)
{
	nf_kb *kb = cx->kb;
	if (!json_is_array(arr)) {
		fault(cx, arr ? "checklists" : "", "missing \"checklists\" array");
		return;
	}
	kb->list = calloc(json_array_size(arr) + 1, sizeof *kb->list);
	if (!kb->list) {
		fault(cx, "checklists", "out of memory");
		return;
	}
	size_t i;
	json_t *v;
	json_array_foreach(arr, i, v)
	{
		static const char *const keys[] = {"id", "title", "findings", "red_flags", NULL};
		char p[128];
		path_index(p, sizeof p, "checklists", i);
		if (!json_is_object(v)) {
			fault(cx, p, "not an object");
			continue;
		}
		only_keys(cx, p, v, keys);
		struct nf_checklist *l = &kb->list[kb->nlist];
		l->id = get_string(cx, p, v, "id", true);
		l->title = get_string(cx, p, v, "title", true);
		l->red_flags = json_is_true(json_object_get(v, "red_flags"));
		json_t *fs = json_object_get(v, "findings");
		char pf[160];
		path_key(pf, sizeof pf, p, "findings");
		if (!json_is_array(fs) || json_array_size(fs) < 1 || json_array_size(fs) > NF_MAX_CHECKLIST) {
			fault(cx, fs ? pf : p, "\"findings\" needs 1 to %d bool findings", NF_MAX_CHECKLIST);
			continue;
		}
		size_t k;
		json_t *fv;
		json_array_foreach(fs, k, fv)
		{
			char pk[180];
			path_index(pk, sizeof pk, pf, k);
			int fi = json_is_string(fv) ? finding_by_id(kb, json_string_value(fv)) : -1;
			if (fi < 0) {
				fault(cx, pk, "unknown finding");
				continue;
			}
			if (kb->find[fi].type != NF_BOOL) {
				fault(cx, pk, "%s is not a bool finding", kb->find[fi].id);
				continue;
			}
			if (kb->find[fi].checklist >= 0) {
				fault(cx, pk, "%s is in two checklists", kb->find[fi].id);
				continue;
			}
			kb->find[fi].checklist = kb->nlist;
			l->finding[l->n++] = fi;
		}
		kb->nlist++;
	}
}

static void read_references(struct ctx *cx, json_t *arr)
{
	nf_kb *kb = cx->kb;
	if (!json_is_array(arr) || json_array_size(arr) == 0) {
		fault(cx, arr ? "references" : "", "missing \"references\" array");
		return;
	}
	size_t n = json_array_size(arr);
	kb->ref = calloc(n, sizeof *kb->ref);
	if (!kb->ref) {
		fault(cx, "references", "out of memory");
		return;
	}
	size_t i;
	json_t *v;
	json_array_foreach(arr, i, v)
	{
		static const char *const keys[] = {"key", "cite", NULL};
		char p[128];
		path_index(p, sizeof p, "references", i);
		if (!json_is_object(v)) {
			fault(cx, p, "not an object");
			continue;
		}
		only_keys(cx, p, v, keys);
		const char *key = get_string(cx, p, v, "key", true), *cite = get_string(cx, p, v, "cite", true);
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
			fault(cx, "references", "reference \"%s\" appears twice", kb->ref[k].key);
}

void nf_kb_free(nf_kb *kb)
{
	if (!kb)
		return;
	if (kb->find) {
		for (int i = 0; i < kb->nfind; i++) {
			free(kb->find[i].p);
			free(kb->find[i].lp);
			free(kb->find[i].lq);
			free(kb->find[i].h);
			free(kb->find[i].source);
			free(kb->find[i].listed);
		}
		free(kb->find);
	}
	free(kb->list);
	free(kb->ref);
	json_decref(kb->vocab_root);
	json_decref(kb->kb_root);
	free(kb);
}

/* Builds a knowledge base, reporting every fault through cx. Returns NULL if there was any. */
static nf_kb *build(struct ctx *cx, const char *vocab, const char *vocab_name, const char *text, const char *name)
{
	nf_kb *kb = calloc(1, sizeof *kb);
	if (!kb) {
		nf_error_set(cx->f.err, NF_ENOMEM, "out of memory");
		cx->f.count++;
		return NULL;
	}
	cx->kb = kb;
	cx->f.text = vocab;
	cx->f.name = vocab_name;
	kb->vocab_root = parse(cx, vocab);
	if (!kb->vocab_root)
		goto out_fail;
	json_t *vconds = json_object_get(kb->vocab_root, "conditions");
	json_t *vfinds = json_object_get(kb->vocab_root, "findings");
	if (!json_is_array(vconds) || !json_is_array(vfinds) || json_array_size(vconds) == 0 ||
	    json_array_size(vconds) >= NF_MAX_CONDITIONS || json_array_size(vfinds) > NF_MAX_FINDINGS) {
		fault(cx, "", "not a numbfoot vocabulary (conditions and findings arrays)");
		goto out_fail;
	}
	size_t i;
	json_t *v;
	json_array_foreach(vfinds, i, v)
	{
		const char *type = json_string_value(json_object_get(v, "type"));
		json_t *vals = json_object_get(v, "values");
		char p[64];
		path_index(p, sizeof p, "findings", i);
		if (!json_is_string(json_object_get(v, "id")) || !type ||
		    (strcmp(type, "bool") && strcmp(type, "number") && strcmp(type, "enum") && strcmp(type, "set")))
			fault(cx, p, "needs an id and a type of bool, number, enum or set");
		else if ((!strcmp(type, "enum") || !strcmp(type, "set")) &&
			 (!json_is_array(vals) || json_array_size(vals) < 2 || json_array_size(vals) > NF_MAX_VALUES))
			fault(cx, p, "needs 2 to %d values", NF_MAX_VALUES);
	}
	if (cx->f.count)
		goto out_fail;

	cx->f.text = text;
	cx->f.name = name;
	kb->kb_root = parse(cx, text);
	if (!kb->kb_root)
		goto out_fail;
	json_t *root = kb->kb_root;
	static const char *const top[] = {"version", "about", "triage", "conditions", "findings", "checklists",
					  "references", NULL};
	only_keys(cx, "", root, top);
	if (json_integer_value(json_object_get(root, "version")) != 1)
		fault(cx, json_object_get(root, "version") ? "version" : "", "\"version\" must be 1");
	read_references(cx, json_object_get(root, "references"));

	/* Conditions: the vocabulary's order, then `other`. */
	json_t *conds = json_object_get(root, "conditions");
	if (!json_is_array(conds)) {
		fault(cx, "", "missing \"conditions\" array");
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
		path_index(p, sizeof p, "conditions", i);
		const char *id = entry_id(cx, p, v);
		if (!id)
			continue;
		int c = condition_by_id(kb, id);
		if (c < 0 && json_is_true(json_object_get(v, "catch_all")) && !have_other &&
		    kb->ncond < NF_MAX_CONDITIONS) {
			c = kb->ncond++;
			kb->cond[c].id = id;
			kb->cond[c].in_vocab = false;
			have_other = true;
		} else if (c < 0) {
			fault(cx, p, "\"%s\" is not a condition of the vocabulary (only one catch_all may be added)", id);
			continue;
		} else if (json_object_get(v, "catch_all")) {
			fault(cx, p, "a vocabulary condition cannot be the catch-all");
		}
		if (seen[c]) {
			fault(cx, p, "condition \"%s\" appears twice", id);
			continue;
		}
		seen[c] = true;
		read_condition(cx, p, v, &kb->cond[c]);
	}
	for (int c = 0; c < kb->ncond; c++)
		if (!seen[c])
			fault(cx, "conditions", "condition \"%s\" of the vocabulary is missing", kb->cond[c].id);

	/* Findings: the vocabulary's order. */
	json_t *finds = json_object_get(root, "findings");
	if (!json_is_array(finds)) {
		fault(cx, "", "missing \"findings\" array");
		goto out_fail;
	}
	kb->nfind = (int)json_array_size(vfinds);
	kb->find = calloc((size_t)kb->nfind, sizeof *kb->find);
	if (!kb->find)
		goto out_nomem;
	for (int f = 0; f < kb->nfind; f++) {
		struct nf_finding *fd = &kb->find[f];
		fd->id = json_string_value(json_object_get(json_array_get(vfinds, (size_t)f), "id"));
		fd->checklist = -1;
		fd->red_flag = -1;
		fd->p = calloc((size_t)kb->ncond, sizeof *fd->p);
		fd->lp = calloc((size_t)kb->ncond, sizeof *fd->lp);
		fd->lq = calloc((size_t)kb->ncond, sizeof *fd->lq);
		fd->h = calloc((size_t)kb->ncond, sizeof *fd->h);
		fd->source = calloc((size_t)kb->ncond, sizeof *fd->source);
		fd->listed = calloc((size_t)kb->ncond, sizeof *fd->listed);
		if (!fd->p || !fd->lp || !fd->lq || !fd->h || !fd->source || !fd->listed)
			goto out_nomem;
	}
	json_t *fobj[NF_MAX_FINDINGS] = {NULL};
	char fpath[NF_MAX_FINDINGS][32];
	json_array_foreach(finds, i, v)
	{
		char p[32];
		path_index(p, sizeof p, "findings", i);
		const char *id = entry_id(cx, p, v);
		if (!id)
			continue;
		int f = finding_by_id(kb, id);
		if (f < 0) {
			fault(cx, p, "\"%s\" is not a finding of the vocabulary", id);
			continue;
		}
		if (fobj[f]) {
			fault(cx, p, "finding \"%s\" appears twice", id);
			continue;
		}
		fobj[f] = v;
		snprintf(fpath[f], sizeof fpath[f], "%s", p);
		read_finding_shape(cx, p, v, json_array_get(vfinds, (size_t)f), &kb->find[f]);
	}
	for (int f = 0; f < kb->nfind; f++)
		if (!fobj[f])
			fault(cx, "findings", "finding \"%s\" of the vocabulary is missing", kb->find[f].id);
	if (cx->f.count)
		goto out_fail;
	for (int f = 0; f < kb->nfind; f++)
		read_finding_likelihoods(cx, fpath[f], fobj[f], json_array_get(vfinds, (size_t)f), &kb->find[f]);

	/* Escalation rules name findings, so conditions are read before findings but their rules are
	 * resolved now that findings exist. */
	for (int c = 0; c < kb->ncond; c++)
		kb->cond[c].nrules = 0;
	json_array_foreach(conds, i, v)
	{
		const char *id = json_string_value(json_object_get(v, "id"));
		int c = id ? condition_by_id(kb, id) : -1;
		json_t *esc = json_object_get(v, "escalate");
		if (c < 0 || !json_is_array(esc))
			continue;
		size_t k;
		json_t *r;
		json_array_foreach(esc, k, r)
		{
			char pi[80];
			snprintf(pi, sizeof pi, "conditions[%zu].escalate[%zu]", i, k);
			read_rule(cx, pi, r, &kb->cond[c]);
		}
	}
	read_triage(cx, json_object_get(root, "triage"));
	read_checklists(cx, json_object_get(root, "checklists"));
	if (cx->f.count)
		goto out_fail;

	double total = 0;
	for (int c = 0; c < kb->ncond; c++)
		total += kb->cond[c].prior;
	for (int c = 0; c < kb->ncond; c++)
		kb->log_prior[c] = log(kb->cond[c].prior / total);
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
	struct ctx cx = {.f.err = err};
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
	struct ctx cx = {.f.err = &err, .f.report = report, .f.ctx = ctx};
	nf_kb *k = build(&cx, vocab, vocab_name, kb, kb_name);
	nf_kb_free(k);
	return cx.f.count;
}

nf_err nf_read_text_file(const char *path, size_t cap, char **out, nf_error *err)
{
	FILE *f = fopen(path, "rb");
	*out = NULL;
	if (!f)
		return nf_error_set(err, NF_EIO, "%s: cannot open: %m", path);
	char *buf = malloc(cap + 1);
	if (!buf) {
		fclose(f);
		return nf_error_set(err, NF_ENOMEM, "%s: out of memory", path);
	}
	size_t n = fread(buf, 1, cap + 1, f);
	bool bad = ferror(f);
	fclose(f);
	if (bad) {
		free(buf);
		return nf_error_set(err, NF_EIO, "%s: read error", path);
	}
	if (n > cap) {
		free(buf);
		return nf_error_set(err, NF_ELIMIT, "%s: larger than %zu bytes", path, cap);
	}
	if (memchr(buf, '\0', n)) {
		size_t at = (size_t)((char *)memchr(buf, '\0', n) - buf);
		free(buf);
		return nf_error_set(err, NF_EPARSE, "%s: byte %zu: NUL byte in a text file", path, at);
	}
	buf[n] = '\0';
	*out = buf;
	return NF_OK;
}

nf_err nf_kb_load_files(const char *vocab_path, const char *kb_path, nf_kb **out, nf_error *err)
{
	char *vt = NULL, *kt = NULL;
	nf_err rc;
	*out = NULL;
	if ((rc = nf_read_text_file(vocab_path, 1 << 22, &vt, err)) != NF_OK)
		return rc;
	if ((rc = nf_read_text_file(kb_path, 1 << 24, &kt, err)) == NF_OK)
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
	if ((rc = nf_read_text_file(kb_path, 1 << 24, &kt, err)) != NF_OK)
		return rc;
	rc = nf_kb_load(vocab, vocab_name, kt, kb_path, out, err);
	free(kt);
	return rc;
}
