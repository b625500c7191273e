/* Read-only accessors of a loaded knowledge base. Indices are trusted to be in range: they come
 * from the same nf_kb's counts. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kb/kb_impl.h"

/* The conditions are the first npublic rows; further forms of them are the engine's business. */
size_t nf_kb_conditions(const nf_kb *kb) { return (size_t)kb->npublic; }

int nf_kb_condition_index(const nf_kb *kb, const char *id)
{
	for (int i = 0; i < kb->npublic; i++)
		if (!strcmp(kb->cond[i].id, id))
			return i;
	return -1;
}

const char *nf_kb_condition_id(const nf_kb *kb, size_t c) { return kb->cond[c].id; }
const char *nf_kb_condition_name(const nf_kb *kb, size_t c) { return kb->cond[c].name; }
const char *nf_kb_condition_summary(const nf_kb *kb, size_t c) { return kb->cond[c].summary; }
const char *nf_kb_condition_icd10(const nf_kb *kb, size_t c) { return kb->cond[c].icd10; }
nf_triage nf_kb_condition_triage(const nf_kb *kb, size_t c) { return kb->cond[c].triage; }
bool nf_kb_condition_in_vocabulary(const nf_kb *kb, size_t c) { return kb->cond[c].in_vocab; }

double nf_kb_condition_prior(const nf_kb *kb, size_t c, const char **source)
{
	if (source)
		*source = kb->cond[c].prior_source->text;
	double p = 0;
	for (int r = 0; r < kb->ncond; r++)
		if (kb->cond[r].parent == (int)c)
			p += kb->cond[r].prior;
	return p;
}

size_t nf_kb_condition_see(const nf_kb *kb, size_t c, const char **who, size_t cap)
{
	size_t n = (size_t)kb->cond[c].nsee;
	for (size_t i = 0; i < n && i < cap; i++)
		who[i] = kb->cond[c].see[i];
	return n;
}

size_t nf_kb_condition_plan_steps(const nf_kb *kb, size_t c) { return (size_t)kb->cond[c].nplan; }

const char *nf_kb_condition_plan_step(const nf_kb *kb, size_t c, size_t i, double *weeks, const char **source)
{
	const struct kb_plan_step *s = &kb->cond[c].plan[i];
	if (weeks)
		*weeks = s->weeks;
	if (source)
		*source = s->source->text;
	return s->text;
}

size_t nf_kb_condition_safety_nets(const nf_kb *kb, size_t c) { return (size_t)kb->cond[c].nnet; }

const char *nf_kb_condition_safety_net(const nf_kb *kb, size_t c, size_t i, const char **source, int *level)
{
	const struct kb_net *n = &kb->cond[c].net[i];
	if (source)
		*source = n->source ? n->source->text : "";
	if (level)
		*level = n->level;
	return n->text;
}

static const struct kb_rule *rule_at(const nf_kb *kb, size_t c, size_t i)
{
	return c == (size_t)kb->npublic ? &kb->global[i] : &kb->cond[c].rule[i];
}

size_t nf_kb_rules(const nf_kb *kb, size_t c)
{
	return (size_t)(c == (size_t)kb->npublic ? kb->nglobal : kb->cond[c].nrules);
}

nf_triage nf_kb_rule(const nf_kb *kb, size_t c, size_t i, const char **step, const char **source)
{
	const struct kb_rule *r = rule_at(kb, c, i);
	if (step)
		*step = r->step;
	if (source)
		*source = r->source ? r->source->text : "";
	return r->to;
}

size_t nf_kb_rule_see(const nf_kb *kb, size_t c, size_t i, const char **who, size_t cap)
{
	const struct kb_rule *r = rule_at(kb, c, i);
	for (int k = 0; k < r->nsee && (size_t)k < cap; k++)
		who[k] = r->see[k];
	return (size_t)r->nsee;
}

size_t nf_kb_findings(const nf_kb *kb) { return (size_t)kb->nfind; }

int nf_kb_finding_index(const nf_kb *kb, const char *id)
{
	for (int i = 0; i < kb->nfind; i++)
		if (!strcmp(kb->find[i].id, id))
			return i;
	return -1;
}

const char *nf_kb_finding_id(const nf_kb *kb, size_t f) { return kb->find[f].id; }
nf_ftype nf_kb_finding_type(const nf_kb *kb, size_t f) { return kb->find[f].type; }
bool nf_kb_finding_clinician(const nf_kb *kb, size_t f) { return kb->find[f].clinician; }
const char *nf_kb_finding_question(const nf_kb *kb, size_t f) { return kb->find[f].question; }
const char *nf_kb_finding_means(const nf_kb *kb, size_t f) { return kb->find[f].means; }
const char *nf_kb_finding_help(const nf_kb *kb, size_t f) { return kb->find[f].help; }
const char *nf_kb_finding_unit(const nf_kb *kb, size_t f) { return kb->find[f].unit; }

int nf_kb_number_text(const nf_kb *kb, size_t f, double x, char *buf, size_t cap)
{
	const char *unit = kb->find[f].unit;
	size_t n = strlen(unit);
	/* The vocabulary's units are plural English words ("minutes", "weeks"): one of them is
	 * singular ("1 minute"), km is not a word. */
	if (x == 1 && n > 1 && unit[n - 1] == 's')
		n--;
	return snprintf(buf, cap, "%g%s%.*s", x, n ? " " : "", (int)n, unit);
}
bool nf_kb_finding_is_distance(const nf_kb *kb, size_t f) { return kb->find[f].distance; }

bool nf_kb_finding_range(const nf_kb *kb, size_t f, double *lo, double *hi)
{
	const struct kb_finding *x = &kb->find[f];
	if (x->type != NF_NUMBER)
		return false;
	if (lo)
		*lo = x->lo;
	if (hi)
		*hi = x->hi;
	return true;
}

bool nf_kb_finding_in_range(const nf_kb *kb, size_t f, double x)
{
	const struct kb_finding *k = &kb->find[f];
	return k->type == NF_NUMBER && isfinite(x) && x >= k->lo && x <= k->hi;
}
size_t nf_kb_finding_values(const nf_kb *kb, size_t f) { return (size_t)kb->find[f].nvalues; }
const char *nf_kb_finding_value(const nf_kb *kb, size_t f, size_t v) { return kb->find[f].value[v]; }
const char *nf_kb_finding_value_means(const nf_kb *kb, size_t f, size_t v) { return kb->find[f].value_means[v]; }

int nf_kb_finding_value_index(const nf_kb *kb, size_t f, const char *value)
{
	for (int i = 0; i < kb->find[f].nvalues; i++)
		if (!strcmp(kb->find[f].value[i], value))
			return i;
	return -1;
}

int nf_kb_finding_red_flag(const nf_kb *kb, size_t f, const char **says)
{
	if (says)
		*says = kb->find[f].red_flag_says;
	return kb->find[f].red_flag;
}

const char *nf_kb_finding_red_flag_step(const nf_kb *kb, size_t f) { return kb->find[f].red_flag_step; }

bool nf_kb_finding_red_flag_today(const nf_kb *kb, size_t f) { return kb->find[f].red_flag_today; }

size_t nf_kb_finding_red_flag_see(const nf_kb *kb, size_t f, const char **who, size_t cap)
{
	for (int k = 0; k < kb->find[f].red_flag_nsee && (size_t)k < cap; k++)
		who[k] = kb->find[f].red_flag_see[k];
	return (size_t)kb->find[f].red_flag_nsee;
}

int nf_kb_finding_checklist(const nf_kb *kb, size_t f) { return kb->find[f].checklist; }

/* The likelihood before the leak, for people reading it: undo the mix with the default. */
static double raw(const struct kb_finding *f, size_t c, int i, int other)
{
	return (f->p[c][i] - NF_KB_LEAK * f->p[other][i]) / (1 - NF_KB_LEAK);
}

/* A warning sign's banner names what it can mean; without this list the ranking under it, which
 * weighs every other answer too, can lead with a footwear cause and read as if it contradicted
 * the banner. The ratio and the floor keep out causes that merely tolerate the answer (a cold
 * foot is 1 in 100 with Raynaud's, 20 times the default, yet says nothing of Raynaud's). An
 * emergency sign names the emergencies it warns of, the likeliest to give it first; a sign that
 * needs a doctor within days names its common causes too, in the order the sign alone makes them
 * likely (prior times likelihood): a slapping foot is a fibular nerve, a compartment or a nerve
 * root far oftener than cauda equina or a blocked artery, which led its list. */
size_t nf_kb_red_flag_points_to(const nf_kb *kb, size_t f, size_t *out, size_t cap)
{
	const struct kb_finding *fd = &kb->find[f];
	int v = fd->red_flag_value, other = -1;
	size_t n = 0, c[NF_MAX_CONDITIONS];
	double p[NF_MAX_CONDITIONS];
	if (fd->red_flag < 0 || v < 0)
		return 0;
	bool emergency = fd->red_flag == NF_EMERGENCY;
	double ratio = emergency ? NF_KB_POINTS_RATIO : NF_KB_POINTS_RATIO_SOON;
	for (int k = 0; k < kb->ncond; k++)
		if (!kb->cond[k].in_vocab)
			other = k;
	for (int k = 0; k < kb->npublic && n < NF_MAX_CONDITIONS; k++) {
		if (!fd->listed[k] || k == other)
			continue;
		double x = other >= 0 ? raw(fd, (size_t)k, v, other) : fd->p[k][v];
		if (x < NF_KB_POINTS_MIN || (other >= 0 && x < ratio * fd->p[other][v]))
			continue;
		if (!emergency) {
			/* The sign alone: every row of the cause (its forms) by its prior. */
			x = 0;
			for (int r = 0; r < kb->ncond; r++)
				if (kb->cond[r].parent == k)
					x += kb->cond[r].prior * (other >= 0 ? raw(fd, (size_t)r, v, other) : fd->p[r][v]);
		}
		/* Kept in order, likeliest first: a red flag points to a handful at most. */
		size_t i = n++;
		for (; i > 0 && p[i - 1] < x; i--) {
			p[i] = p[i - 1];
			c[i] = c[i - 1];
		}
		p[i] = x;
		c[i] = (size_t)k;
	}
	for (size_t i = 0; i < n && i < cap; i++)
		out[i] = c[i];
	return n < cap ? n : cap;
}

size_t nf_kb_finding_describe(const nf_kb *kb, size_t f, size_t c, char *buf, size_t cap, const char **source,
			      bool *listed)
{
	const struct kb_finding *fd = &kb->find[f];
	int other = -1;
	for (int k = 0; k < kb->ncond; k++)
		if (!kb->cond[k].in_vocab)
			other = k;
	/* The catch-all holds the default exactly (the leak of the default into itself changes
	 * nothing), so it serves to undo the leak; without one, show the mixed value. */
	size_t n = 0;
	buf[0] = '\0';
	for (int i = 0; i < fd->nout && n < cap; i++) {
		double x = other >= 0 ? raw(fd, c, i, other) : fd->p[c][i];
		if (fd->type == NF_BOOL && i == 0)
			continue;
		const char *label = fd->type == NF_BOOL ? "yes" : fd->type == NF_NUMBER ? NULL : fd->value[i];
		char lab[48];
		if (!label) {
			if (i == 0)
				snprintf(lab, sizeof lab, "<%g", fd->edge[0]);
			else if (i == fd->nout - 1)
				snprintf(lab, sizeof lab, ">=%g", fd->edge[i - 1]);
			else
				snprintf(lab, sizeof lab, "%g-%g", fd->edge[i - 1], fd->edge[i]);
			label = lab;
		}
		n += (size_t)snprintf(buf + n, cap - n, "%s%s %.3f", n ? ", " : "", label, x);
	}
	if (n >= cap)
		n = cap - 1;
	if (source)
		*source = fd->source[c]->text;
	if (listed)
		*listed = fd->listed[c];
	return n;
}

nf_evidence nf_kb_finding_evidence(const nf_kb *kb, size_t f, size_t c) { return kb->find[f].evidence[c]; }

void nf_kb_evidence_stats(const nf_kb *kb, nf_kb_evidence_counts *all, nf_kb_evidence_counts *likelihoods)
{
	if (all)
		*all = kb->ev_all;
	if (likelihoods)
		*likelihoods = kb->ev_likelihoods;
}

void nf_kb_condition_evidence(const nf_kb *kb, size_t c, nf_kb_evidence_counts *out) { *out = kb->ev_condition[c]; }

size_t nf_kb_checklists(const nf_kb *kb) { return (size_t)kb->nlist; }
const char *nf_kb_checklist_id(const nf_kb *kb, size_t k) { return kb->list[k].id; }
const char *nf_kb_checklist_title(const nf_kb *kb, size_t k) { return kb->list[k].title; }
bool nf_kb_checklist_red_flags(const nf_kb *kb, size_t k) { return kb->list[k].red_flags; }
bool nf_kb_checklist_each(const nf_kb *kb, size_t k) { return kb->list[k].each; }

size_t nf_kb_checklist_findings(const nf_kb *kb, size_t k, size_t *findings, size_t cap)
{
	size_t n = (size_t)kb->list[k].n;
	for (size_t i = 0; i < n && i < cap; i++)
		findings[i] = (size_t)kb->list[k].finding[i];
	return n;
}

size_t nf_kb_references(const nf_kb *kb) { return (size_t)kb->nref; }

const char *nf_kb_reference(const nf_kb *kb, size_t i, const char **cite)
{
	if (cite)
		*cite = kb->ref[i].cite;
	return kb->ref[i].key;
}

double nf_kb_triage_threshold(const nf_kb *kb, nf_triage t) { return kb->threshold[t]; }

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

static const char *const evidence_ids[NF_EVIDENCE_KINDS] = {"estimate", "derived", "measured"};

const char *nf_evidence_id(nf_evidence k)
{
	return (unsigned)k < NF_EVIDENCE_KINDS ? evidence_ids[k] : "unknown";
}

int nf_evidence_from_id(const char *id)
{
	for (int i = 0; i < NF_EVIDENCE_KINDS; i++)
		if (id && !strcmp(id, evidence_ids[i]))
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

/* Whom to see, in words for a person; one table for the terminal, the page and the report. */
const char *nf_kb_see_words(const char *id)
{
	static const struct {
		const char *id, *words;
	} w[] = {
		{"sports_medicine", "a sports-medicine doctor"}, {"physiotherapist", "a physiotherapist"},
		{"podiatrist", "a podiatrist"}, {"gp", "a GP (family doctor)"},
		{"vascular_surgeon", "a vascular surgeon"}, {"neurologist", "a neurologist"},
		{"spinal_surgeon", "a spinal surgeon"}, {"foot_ankle_surgeon", "a foot-and-ankle surgeon"},
		{"emergency_department", "the emergency department"},
	};
	for (size_t i = 0; i < sizeof w / sizeof *w; i++)
		if (!strcmp(w[i].id, id))
			return w[i].words;
	return id;
}


/* A condition's forms are its own row (the first) and the rows after npublic whose parent it is. */
size_t nf_kb_condition_forms(const nf_kb *kb, size_t c)
{
	size_t n = 0;
	for (int r = 0; kb->cond[c].form && r < kb->ncond; r++)
		n += kb->cond[r].parent == (int)c;
	return n;
}

size_t nf_kb_condition_form(const nf_kb *kb, size_t c, size_t i, const char **id, const char **name, double *share)
{
	size_t row = c;
	for (int r = kb->npublic; i > 0 && r < kb->ncond; r++)
		if (kb->cond[r].parent == (int)c && --i == 0)
			row = (size_t)r;
	if (id)
		*id = kb->cond[row].form;
	if (name)
		*name = kb->cond[row].form_name;
	if (share)
		*share = kb->cond[row].share;
	return row;
}
