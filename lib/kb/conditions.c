/* Reading the knowledge base's conditions: prior, level, escalation rules, whom to see, plan. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kb/check.h"

static const char *const see_ids[] = {"sports_medicine", "physiotherapist", "podiatrist", "gp",
				      "vascular_surgeon", "neurologist", "spinal_surgeon", "foot_ankle_surgeon",
				      "emergency_department", NULL};

/* Reads the see list at path into out (cap NF_MAX_SEE); returns how many, or -1 after a fault. */
int kb_read_see(struct kb_ctx *cx, const char *path, json_t *see, const char **out)
{
	int n = 0;
	if (!json_is_array(see) || json_array_size(see) == 0 || json_array_size(see) > NF_MAX_SEE) {
		kb_fault(cx, path, "\"see\" needs 1 to %d entries", NF_MAX_SEE);
		return -1;
	}
	size_t i;
	json_t *v;
	json_array_foreach(see, i, v)
	{
		bool ok = false;
		for (int k = 0; json_is_string(v) && see_ids[k]; k++)
			ok |= !strcmp(see_ids[k], json_string_value(v));
		if (!ok) {
			char pi[280];
			kb_path_index(pi, sizeof pi, path, i);
			kb_fault(cx, pi, "not one of the professionals listed in docs/kb-format.md");
			return -1;
		}
		out[n++] = json_string_value(v);
	}
	return n;
}

int kb_read_see_of(struct kb_ctx *cx, const char *path, json_t *o, const char **out)
{
	json_t *see = json_object_get(o, "see");
	if (!see)
		return 0;
	char ps[320];
	kb_path_key(ps, sizeof ps, path, "see");
	int n = kb_read_see(cx, ps, see, out);
	return n < 0 ? 0 : n;
}

int kb_read_terms(struct kb_ctx *cx, const char *path, json_t *cond, struct kb_rule_term *term, int cap,
		  uint64_t conds, struct kb_numbers *nums)
{
	int n = 0;
	if (!json_is_object(cond) || json_object_size(cond) == 0) {
		kb_fault(cx, path, "needs an object of finding answers");
		return 0;
	}
	const char *k;
	json_t *v;
	json_object_foreach(cond, k, v)
	{
		char pk[300];
		kb_path_key(pk, sizeof pk, path, k);
		int fi = kb_finding_by_id(cx->kb, k);
		if (fi < 0) {
			kb_fault(cx, pk, "unknown finding");
			continue;
		}
		if (n >= cap) {
			kb_fault(cx, pk, "more than %d terms", NF_MAX_RULE_TERMS);
			break;
		}
		struct kb_rule_term *t = &term[n];
		const struct kb_finding *f = &cx->kb->find[fi];
		t->finding = fi;
		if (f->type == NF_NUMBER) {
			json_t *ge = json_object_get(v, ">="), *lt = json_object_get(v, "<");
			if (json_is_object(v) && json_object_size(v) == 1 && (json_is_number(ge) || json_is_number(lt))) {
				t->op = ge ? NF_OP_GE : NF_OP_LT;
				t->x = json_number_value(ge ? ge : lt);
				/* A measured rule's number thresholds must be in its figure. */
				if (nums && nums->n < (int)(sizeof nums->x / sizeof nums->x[0]))
					nums->x[nums->n++] = t->x;
			} else {
				kb_fault(cx, pk, "a number condition is {\">=\": x} or {\"<\": x}");
				continue;
			}
		} else if (f->type == NF_SET) {
			kb_fault(cx, pk, "set findings cannot be rule terms");
			continue;
		} else {
			int o = kb_outcome_of_json(f, v);
			if (o < 0) {
				kb_fault(cx, pk, "not a value of %s", f->id);
				continue;
			}
			t->op = NF_OP_EQ;
			t->x = o;
		}
		n++;
		cx->kb->find[fi].rule_conds |= conds;
	}
	return n;
}

/* v is one object or an array of them (a rule's alternatives, a safety net's parts): how many, and
 * part i with its path (path itself for one object; else in buf). */
static size_t parts_of(json_t *v) { return json_is_array(v) ? json_array_size(v) : 1; }

static json_t *part_at(json_t *v, size_t i, const char *path, char *buf, size_t cap, const char **at)
{
	if (!json_is_array(v)) {
		*at = path;
		return v;
	}
	kb_path_index(buf, cap, path, i);
	*at = buf;
	return json_array_get(v, i);
}

void kb_read_unless(struct kb_ctx *cx, const char *pu, json_t *unless, struct kb_unless *u, uint64_t conds,
			struct kb_numbers *nums)
{
	size_t nalt = parts_of(unless);
	if (nalt == 0)
		kb_fault(cx, pu, "needs at least one object of finding answers");
	for (size_t a = 0; a < nalt; a++) {
		char pa[300];
		const char *at;
		json_t *part = part_at(unless, a, pu, pa, sizeof pa, &at);
		int k = kb_read_terms(cx, at, part, u->term + u->n, NF_MAX_RULE_TERMS - u->n, conds, nums);
		for (int t = 0; t < k; t++)
			u->alt[u->n + t] = (unsigned char)a;
		u->n += k;
	}
}

void kb_read_rule(struct kb_ctx *cx, const char *path, json_t *r, struct kb_rule *rules, int *nrules, int cap,
		  uint64_t conds)
{
	static const char *const keys[] = {"if", "unless", "to", "step", "see", "for", "today", "source", NULL};
	if (!json_is_object(r)) {
		kb_fault(cx, path, "not an object");
		return;
	}
	kb_only_keys(cx, path, r, keys);
	/* An array "if" lists alternatives, any one of which raises the level with the same advice:
	 * each becomes a rule of its own here, so the engine knows only one shape of rule. */
	json_t *iff = json_object_get(r, "if");
	size_t nalt = parts_of(iff);
	char p[256];
	kb_path_key(p, sizeof p, path, "if");
	if (nalt == 0) {
		kb_fault(cx, p, "needs at least one object of finding answers");
		return;
	}
	if ((size_t)*nrules + nalt > (size_t)cap) {
		kb_fault(cx, path, "more than %d rules, each alternative of \"if\" counted", cap);
		return;
	}
	struct kb_rule *rule = &rules[*nrules];
	memset(rule, 0, sizeof *rule);
	struct kb_numbers nums = {0};
	const char *to = kb_get_string(cx, path, r, "to", true);
	int lvl = nf_triage_from_id(to);
	if (to && lvl < 0)
		kb_fault(cx, path, "\"to\": \"%s\" is not a triage level", to);
	rule->to = lvl < 0 ? NF_SELF_CARE : (nf_triage)lvl;
	rule->step = kb_get_string(cx, path, r, "step", false);
	rule->cause = -1;
	const char *cause = kb_get_string(cx, path, r, "for", false);
	if (cause && conds)
		kb_fault(cx, path, "\"for\" names a cause only in a rule for every cause (triage.escalate)");
	else if (cause && (rule->cause = kb_condition_by_id(cx->kb, cause)) < 0)
		kb_fault(cx, path, "\"for\": \"%s\" is not a condition", cause);
	rule->nsee = kb_read_see_of(cx, path, r, rule->see);
	json_t *today = json_object_get(r, "today");
	if (today && (!json_is_boolean(today) || rule->to != NF_URGENT)) {
		char pt[280];
		kb_path_key(pt, sizeof pt, path, "today");
		kb_fault(cx, pt, "\"today\" needs true or false, on a rule to urgent");
	}
	rule->today = json_is_true(today);
	json_t *unless = json_object_get(r, "unless");
	if (unless) {
		/* The unless terms can lower the level too, so the look-ahead must know them. An object is
		 * one alternative; an array lists several, any one of which rules the danger out. */
		char pu[256];
		kb_path_key(pu, sizeof pu, path, "unless");
		kb_read_unless(cx, pu, unless, &rule->unless, conds, &nums);
	}
	for (size_t a = 0; a < nalt; a++) {
		struct kb_rule *alt = rule + a;
		char pa[280];
		const char *at;
		json_t *cond = part_at(iff, a, p, pa, sizeof pa, &at);
		if (a)
			*alt = *rule;
		alt->nterms = kb_read_terms(cx, at, cond, alt->term, NF_MAX_RULE_TERMS, conds, &nums);
	}
	/* Read last, so that a measured source is checked against every alternative's numbers. */
	const struct kb_source *src = kb_read_source(cx, path, r, &nums);
	for (size_t a = 0; a < nalt; a++)
		rule[a].source = src;
	*nrules += (int)nalt;
}

/* Reads o's member key, {"p": probability, "source": {...}} (a prior, or a form's share of it),
 * into *x; returns its source, NULL after a fault. The source counts in the knowledge base's
 * totals and in condition c's. */
static const struct kb_source *read_share(struct kb_ctx *cx, const char *path, json_t *o, const char *key, double *x,
					  int c)
{
	static const char *const keys[] = {"p", "source", NULL};
	json_t *v = json_object_get(o, key);
	char p[300], pp[320];
	if (!json_is_object(v)) {
		kb_fault(cx, path, "missing \"%s\" object", key);
		return NULL;
	}
	kb_path_key(p, sizeof p, path, key);
	kb_only_keys(cx, p, v, keys);
	kb_path_key(pp, sizeof pp, p, "p");
	struct kb_numbers nums = {.n = 1, .prob = true};
	bool ok = kb_get_prob(cx, pp, json_object_get(v, "p"), x);
	nums.x[0] = *x;
	const struct kb_source *src = kb_read_source(cx, p, v, ok ? &nums : NULL);
	kb_count_evidence(&cx->kb->ev_all, src);
	kb_count_evidence(&cx->kb->ev_condition[c], src);
	return src;
}

void kb_read_condition(struct kb_ctx *cx, const char *path, json_t *o, struct kb_condition *c)
{
	static const char *const keys[] = {"id", "name", "summary", "icd10", "prior", "triage", "escalate",
					   "see", "plan", "safety_net", "catch_all", "forms", NULL};
	char p[256];
	kb_only_keys(cx, path, o, keys);
	c->name = kb_get_string(cx, path, o, "name", true);
	c->summary = kb_get_string(cx, path, o, "summary", true);
	c->icd10 = kb_get_string(cx, path, o, "icd10", !json_is_true(json_object_get(o, "catch_all")));
	if (!c->icd10)
		c->icd10 = "";
	c->prior_source = read_share(cx, path, o, "prior", &c->prior, (int)(c - cx->kb->cond));
	const char *tr = kb_get_string(cx, path, o, "triage", true);
	int lvl = nf_triage_from_id(tr);
	if (tr && lvl < 0) {
		kb_path_key(p, sizeof p, path, "triage");
		kb_fault(cx, p, "\"%s\" is not a triage level", tr);
	}
	c->triage = lvl < 0 ? NF_SELF_CARE : (nf_triage)lvl;

	json_t *see = json_object_get(o, "see");
	kb_path_key(p, sizeof p, path, "see");
	int nsee = kb_read_see(cx, json_is_array(see) ? p : path, see, c->see);
	c->nsee = nsee < 0 ? 0 : nsee;
	json_t *plan = json_object_get(o, "plan");
	kb_path_key(p, sizeof p, path, "plan");
	if (!json_is_array(plan) || json_array_size(plan) == 0 || json_array_size(plan) > NF_MAX_PLAN) {
		kb_fault(cx, json_is_array(plan) ? p : path, "\"plan\" needs 1 to %d steps", NF_MAX_PLAN);
	} else {
		size_t i;
		json_t *v;
		json_array_foreach(plan, i, v)
		{
			static const char *const sk[] = {"step", "weeks", "refer", "see", "when", "unless", "source", NULL};
			char pi[280];
			kb_path_index(pi, sizeof pi, p, i);
			if (!kb_object(cx, pi, v, sk))
				continue;
			struct kb_plan_step *st = &c->plan[c->nplan++];
			st->text = kb_get_string(cx, pi, v, "step", true);
			json_t *w = json_object_get(v, "weeks");
			if (!json_is_number(w) || json_number_value(w) < 0 || json_number_value(w) > 104) {
				char pw[300];
				kb_path_key(pw, sizeof pw, pi, "weeks");
				kb_fault(cx, w ? pw : pi, "\"weeks\" needs a number from 0 to 104");
			} else {
				st->weeks = json_number_value(w);
			}
			st->refer = kb_get_bool(cx, pi, v, "refer");
			st->nsee = kb_read_see_of(cx, pi, v, st->see);
			/* A measured step's weeks must be in its figure; 0 ("now") states no number. */
			struct kb_numbers nums = {.n = st->weeks > 0, .x = {st->weeks}};
			st->source = kb_read_source(cx, pi, v, &nums);
			/* "when" and "unless" name findings, which are read after the conditions:
			 * kb_read_advice_terms(). */
		}
	}
	json_t *net = json_object_get(o, "safety_net");
	if (net) {
		/* One object, or an array of parts each with the level it sends to: a plan under a higher
		 * level drops the parts below it ("be seen within 48 hours" beside "call now"). */
		kb_path_key(p, sizeof p, path, "safety_net");
		size_t n = parts_of(net);
		if (n == 0 || n > NF_MAX_NETS)
			kb_fault(cx, p, "\"safety_net\" needs 1 to %d parts", NF_MAX_NETS);
		for (size_t i = 0; i < n && i < NF_MAX_NETS; i++) {
			static const char *const nk[] = {"step", "level", "unless", "source", NULL};
			char pi[280];
			const char *at;
			json_t *part = part_at(net, i, p, pi, sizeof pi, &at);
			if (!kb_object(cx, at, part, nk))
				continue;
			struct kb_net *nt = &c->net[c->nnet++];
			nt->text = kb_get_string(cx, at, part, "step", true);
			nt->level = -1;
			const char *lv = kb_get_string(cx, at, part, "level", false);
			if (lv && (nt->level = nf_triage_from_id(lv)) < 0) {
				char pl[300];
				kb_path_key(pl, sizeof pl, at, "level");
				kb_fault(cx, pl, "\"%s\" is not a triage level", lv);
			}
			nt->source = kb_read_source(cx, at, part, NULL);
		}
	}
	/* "escalate" is read once the findings are known (build()). */
}

void kb_read_advice_terms(struct kb_ctx *cx, const char *path, json_t *o, struct kb_condition *c)
{
	json_t *plan = json_object_get(o, "plan");
	char pl[280];
	kb_path_key(pl, sizeof pl, path, "plan");
	for (int i = 0; i < c->nplan; i++) {
		json_t *step = json_array_get(plan, (size_t)i), *when = json_object_get(step, "when"),
		       *unless = json_object_get(step, "unless");
		char ps[300], p[320];
		kb_path_index(ps, sizeof ps, pl, (size_t)i);
		/* A step's condition chooses advice; it does not change a level (no rule_conds bits). */
		if (when) {
			kb_path_key(p, sizeof p, ps, "when");
			c->plan[i].nwhen = kb_read_terms(cx, p, when, c->plan[i].when, NF_MAX_RULE_TERMS, 0, NULL);
		}
		if (unless) {
			kb_path_key(p, sizeof p, ps, "unless");
			kb_read_unless(cx, p, unless, &c->plan[i].unless, 0, NULL);
		}
	}
	/* A safety net's part may be left out once an answer already names its sign ("numbness
	 * between the legs: call now" to a runner who said so): an object, or an array of
	 * alternatives any one of which leaves it out. It chooses advice, not a level. */
	json_t *net = json_object_get(o, "safety_net");
	char pn[280];
	kb_path_key(pn, sizeof pn, path, "safety_net");
	for (int n = 0; n < c->nnet; n++) {
		char pp[300], pu[320];
		const char *at;
		json_t *unless = json_object_get(part_at(net, (size_t)n, pn, pp, sizeof pp, &at), "unless");
		if (!unless)
			continue;
		kb_path_key(pu, sizeof pu, at, "unless");
		kb_read_unless(cx, pu, unless, &c->net[n].unless, 0, NULL);
	}
}


/* A form's id: lowercase letters, digits and underscores, as the vocabulary's IDs. */
static bool form_id_ok(const char *id)
{
	if (!id || !*id)
		return false;
	for (const char *q = id; *q; q++)
		if (!((*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9') || *q == '_'))
			return false;
	return true;
}

void kb_read_forms(struct kb_ctx *cx, const char *path, json_t *forms, int c)
{
	static const char *const keys[] = {"id", "name", "share", NULL};
	nf_kb *kb = cx->kb;
	struct kb_condition *parent = &kb->cond[c];
	if (!json_is_array(forms) || json_array_size(forms) < 2 || json_array_size(forms) > NF_MAX_FORMS) {
		kb_fault(cx, path, "\"forms\" needs 2 to %d entries", NF_MAX_FORMS);
		return;
	}
	if (!parent->in_vocab) {
		kb_fault(cx, path, "the catch-all has no forms");
		return;
	}
	double prior = parent->prior, total = 0;
	size_t i;
	json_t *o;
	json_array_foreach(forms, i, o)
	{
		char p[300];
		kb_path_index(p, sizeof p, path, i);
		if (!json_is_object(o)) {
			kb_fault(cx, p, "not an object");
			return;
		}
		kb_only_keys(cx, p, o, keys);
		const char *id = kb_get_string(cx, p, o, "id", true);
		const char *name = kb_get_string(cx, p, o, "name", true);
		if (id && !form_id_ok(id))
			kb_fault(cx, p, "form id \"%s\" is not lowercase letters, digits and underscores", id);
		for (size_t k = 0; id && k < i; k++) {
			const char *other = json_string_value(json_object_get(json_array_get(forms, k), "id"));
			if (other && !strcmp(id, other))
				kb_fault(cx, p, "form \"%s\" appears twice", id);
		}
		double x = 0;
		const struct kb_source *src = read_share(cx, p, o, "share", &x, c);
		total += x;
		int r = c;
		if (i > 0) {
			if (kb->ncond >= NF_MAX_CONDITIONS) {
				kb_fault(cx, p, "more than %d conditions and forms", NF_MAX_CONDITIONS);
				return;
			}
			r = kb->ncond++;
			kb->cond[r] = *parent; /* rules and plan steps are copied again once read */
		}
		kb->cond[r].parent = c;
		kb->cond[r].form = id;
		kb->cond[r].form_name = name;
		kb->cond[r].share = x;
		kb->cond[r].share_source = src;
		kb->cond[r].prior = prior * x;
	}
	if (fabs(total - 1) > 1e-6)
		kb_fault(cx, path, "the forms' shares sum to %g, not 1", total);
}

void kb_copy_forms(nf_kb *kb)
{
	for (int r = kb->npublic; r < kb->ncond; r++) {
		struct kb_condition *row = &kb->cond[r];
		const struct kb_condition *c = &kb->cond[row->parent];
		row->nrules = c->nrules;
		memcpy(row->rule, c->rule, sizeof row->rule);
		row->nplan = c->nplan;
		memcpy(row->plan, c->plan, sizeof row->plan);
		for (int f = 0; f < kb->nfind; f++)
			if (kb->find[f].rule_conds >> row->parent & 1)
				kb->find[f].rule_conds |= UINT64_C(1) << r;
	}
}
