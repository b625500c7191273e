/* The engine: exact posterior, reasons, triage and the next question (docs/model.md).
 *
 * Written by hand because it is the product's own model: a single-cause Bayesian network over the
 * knowledge base's conditions, with findings conditionally independent given the cause. The
 * arithmetic is in log space for the posterior and in linear space for the look-ahead, on fixed
 * arrays sized by the knowledge base's caps, so that an interview step allocates nothing.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine_priv.h"
#include "kb/kb_impl.h"
#include "numbfoot/engine.h"

/* Conditions whose posterior is below this are left out of the look-ahead: they cannot carry
 * measurable information, and skipping them keeps a step within its time budget. The red-flag
 * screen, the one place a rare emergency can jump by orders of magnitude, is asked before any
 * look-ahead. */
#define LOOKAHEAD_FLOOR 1e-4

struct nf_engine {
	const nf_kb *kb;
	nf_mode mode;
	size_t screens;
	nf_answer_state state[NF_MAX_FINDINGS];
	nf_value value[NF_MAX_FINDINGS];
	double ll[NF_MAX_FINDINGS][NF_MAX_CONDITIONS]; /* log P(answer | c) per answered finding */
	bool dirty;
	double post[NF_MAX_CONDITIONS];
	nf_triage level[NF_MAX_CONDITIONS]; /* each condition's level after escalation */
};

nf_err nf_engine_new(const nf_kb *kb, nf_mode mode, nf_engine **out, nf_error *err)
{
	nf_engine *e = calloc(1, sizeof *e);
	*out = NULL;
	if (!e)
		return nf_error_set(err, NF_ENOMEM, "out of memory");
	e->kb = kb;
	e->mode = mode;
	e->dirty = true;
	*out = e;
	return NF_OK;
}

void nf_engine_free(nf_engine *e)
{
	free(e);
}

const nf_kb *nf_engine_kb(const nf_engine *e) { return e->kb; }
nf_mode nf_engine_mode(const nf_engine *e) { return e->mode; }
void nf_engine_count_screen(nf_engine *e) { e->screens++; }
size_t nf_engine_screens(const nf_engine *e) { return e->screens; }
void nf_engine_set_screens(nf_engine *e, size_t n) { e->screens = n; }

static int bin_of(const struct nf_finding *f, double x)
{
	int i = 0;
	while (i < f->nbins - 1 && !(x < f->edge[i]))
		i++;
	return i;
}

/* The outcome index of a bool, enum or number answer. */
static int outcome_of(const struct nf_finding *f, const nf_value *v)
{
	switch (f->type) {
	case NF_BOOL:
		return v->b ? 1 : 0;
	case NF_ENUM:
		return v->index;
	case NF_NUMBER:
		return bin_of(f, v->x);
	case NF_SET:
		break;
	}
	return -1;
}

nf_err nf_engine_answer(nf_engine *e, size_t fi, const nf_value *v, nf_error *err)
{
	const nf_kb *kb = e->kb;
	if (fi >= (size_t)kb->nfind)
		return nf_error_set(err, NF_EINVAL, "no finding %zu", fi);
	const struct nf_finding *f = &kb->find[fi];
	if (f->clinician && e->mode != NF_MODE_CLINICIAN)
		return nf_error_set(err, NF_EINVAL, "%s: an examination or test finding needs clinician mode", f->id);
	switch (f->type) {
	case NF_ENUM:
		if (v->index < 0 || v->index >= f->nvalues)
			return nf_error_set(err, NF_EINVAL, "%s: no value %d", f->id, v->index);
		break;
	case NF_NUMBER:
		if (!isfinite(v->x) || v->x < 0)
			return nf_error_set(err, NF_EINVAL, "%s: %g is not a finite number of at least 0", f->id, v->x);
		break;
	case NF_SET:
		if (f->nvalues < 32 && (v->set >> f->nvalues))
			return nf_error_set(err, NF_EINVAL, "%s: value outside the list", f->id);
		break;
	case NF_BOOL:
		break;
	}
	for (int c = 0; c < kb->ncond; c++) {
		if (f->type == NF_SET) {
			double s = 0;
			for (int i = 0; i < f->nvalues; i++)
				s += (v->set >> i & 1) ? f->lp[c][i] : f->lq[c][i];
			e->ll[fi][c] = s;
		} else {
			e->ll[fi][c] = f->lp[c][outcome_of(f, v)];
		}
	}
	e->state[fi] = NF_ANSWERED;
	e->value[fi] = *v;
	e->dirty = true;
	return NF_OK;
}

void nf_engine_unknown(nf_engine *e, size_t fi)
{
	if (fi < (size_t)e->kb->nfind) {
		e->state[fi] = NF_UNKNOWN;
		e->dirty = true;
	}
}

void nf_engine_withdraw(nf_engine *e, size_t fi)
{
	if (fi < (size_t)e->kb->nfind) {
		e->state[fi] = NF_UNASKED;
		e->dirty = true;
	}
}

nf_answer_state nf_engine_state(const nf_engine *e, size_t fi, nf_value *v)
{
	if (fi >= (size_t)e->kb->nfind)
		return NF_UNASKED;
	if (v && e->state[fi] == NF_ANSWERED)
		*v = e->value[fi];
	return e->state[fi];
}

static bool term_holds(const nf_engine *e, const struct nf_rule_term *t)
{
	const struct nf_finding *f = &e->kb->find[t->finding];
	if (e->state[t->finding] != NF_ANSWERED)
		return false;
	const nf_value *v = &e->value[t->finding];
	switch (t->op) {
	case NF_OP_EQ:
		return outcome_of(f, v) == (int)t->x;
	case NF_OP_GE:
		return v->x >= t->x;
	case NF_OP_LT:
		return v->x < t->x;
	}
	return false;
}

static void update(nf_engine *e)
{
	const nf_kb *kb = e->kb;
	double lp[NF_MAX_CONDITIONS], max = -INFINITY, sum = 0;
	if (!e->dirty)
		return;
	for (int c = 0; c < kb->ncond; c++)
		lp[c] = kb->log_prior[c];
	for (int f = 0; f < kb->nfind; f++)
		if (e->state[f] == NF_ANSWERED)
			for (int c = 0; c < kb->ncond; c++)
				lp[c] += e->ll[f][c];
	for (int c = 0; c < kb->ncond; c++)
		if (lp[c] > max)
			max = lp[c];
	for (int c = 0; c < kb->ncond; c++)
		sum += e->post[c] = exp(lp[c] - max);
	for (int c = 0; c < kb->ncond; c++)
		e->post[c] /= sum;
	for (int c = 0; c < kb->ncond; c++) {
		const struct nf_rule *r = engine_escalation(e, (size_t)c);
		e->level[c] = r ? r->to : kb->cond[c].triage;
	}
	e->dirty = false;
}

bool engine_terms_hold(const nf_engine *e, const struct nf_rule_term *t, int n)
{
	for (int i = 0; i < n; i++)
		if (!term_holds(e, &t[i]))
			return false;
	return true;
}

static bool rule_holds(const nf_engine *e, const struct nf_rule *r)
{
	return engine_terms_hold(e, r->term, r->nterms) && !(r->nunless && engine_terms_hold(e, r->unless, r->nunless));
}

const struct nf_rule *engine_escalation(const nf_engine *e, size_t c)
{
	const nf_kb *kb = e->kb;
	const struct nf_condition *cd = &kb->cond[c];
	const struct nf_rule *best = NULL;
	nf_triage l = cd->triage;
	/* The condition's own rules before the rules for every cause, so that at an equal level its
	 * own, more specific advice wins. */
	for (int i = 0; i < cd->nrules + kb->nglobal; i++) {
		const struct nf_rule *r = i < cd->nrules ? &cd->rule[i] : &kb->global[i - cd->nrules];
		if (r->to > l && rule_holds(e, r)) {
			l = r->to;
			best = r;
		}
	}
	return best;
}

double nf_engine_probability(nf_engine *e, size_t c)
{
	update(e);
	return c < (size_t)e->kb->ncond ? e->post[c] : 0;
}

size_t nf_engine_ranking(nf_engine *e, size_t *order, size_t cap)
{
	size_t n = (size_t)e->kb->ncond, idx[NF_MAX_CONDITIONS];
	update(e);
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	/* Insertion sort: at most NF_MAX_CONDITIONS items, and stable, so ties keep knowledge-base
	 * order and the output is deterministic. */
	for (size_t i = 1; i < n; i++) {
		size_t k = idx[i], j = i;
		while (j > 0 && e->post[idx[j - 1]] < e->post[k]) {
			idx[j] = idx[j - 1];
			j--;
		}
		idx[j] = k;
	}
	for (size_t i = 0; i < n && i < cap; i++)
		order[i] = idx[i];
	return n;
}

size_t nf_engine_reasons(nf_engine *e, size_t c, nf_reason *out, size_t cap)
{
	const nf_kb *kb = e->kb;
	size_t n = 0;
	if (c >= (size_t)kb->ncond)
		return 0;
	nf_reason all[NF_MAX_FINDINGS];
	for (int f = 0; f < kb->nfind; f++) {
		if (e->state[f] != NF_ANSWERED)
			continue;
		/* P(answer | not c): the other causes mixed by their priors. */
		double num = 0, den = 0;
		for (int k = 0; k < kb->ncond; k++) {
			if ((size_t)k == c)
				continue;
			double w = exp(kb->log_prior[k]);
			num += w * exp(e->ll[f][k]);
			den += w;
		}
		all[n].finding = (size_t)f;
		all[n].weight = e->ll[f][c] - log(num / den);
		n++;
	}
	for (size_t i = 1; i < n; i++) {
		nf_reason k = all[i];
		size_t j = i;
		while (j > 0 && fabs(all[j - 1].weight) < fabs(k.weight)) {
			all[j] = all[j - 1];
			j--;
		}
		all[j] = k;
	}
	for (size_t i = 0; i < n && i < cap; i++)
		out[i] = all[i];
	return n;
}

nf_triage nf_engine_condition_level(const nf_engine *e, size_t c)
{
	update((nf_engine *)e);
	return e->level[c];
}

/* The level the thresholds give for a posterior. */
static nf_triage level_of(const nf_kb *kb, const nf_triage *level, const double *post, double *mass)
{
	double m[NF_TRIAGE_LEVELS] = {0};
	for (int c = 0; c < kb->ncond; c++)
		for (int l = 0; l <= (int)level[c]; l++)
			m[l] += post[c];
	if (mass)
		memcpy(mass, m, sizeof m);
	for (int l = NF_EMERGENCY; l >= NF_ROUTINE; l--)
		if (m[l] >= kb->threshold[l])
			return (nf_triage)l;
	return NF_SELF_CARE;
}

static nf_triage red_flag_level(const nf_engine *e, int *which)
{
	const nf_kb *kb = e->kb;
	nf_triage best = NF_SELF_CARE;
	*which = -1;
	for (int f = 0; f < kb->nfind; f++) {
		const struct nf_finding *fd = &kb->find[f];
		if (fd->red_flag < 0 || e->state[f] != NF_ANSWERED)
			continue;
		if (outcome_of(fd, &e->value[f]) == fd->red_flag_value && fd->red_flag > (int)best) {
			best = (nf_triage)fd->red_flag;
			*which = f;
		}
	}
	return best;
}

nf_triage nf_engine_triage(nf_engine *e, nf_triage_info *info)
{
	nf_triage_info ti;
	update(e);
	ti.by_probability = level_of(e->kb, e->level, e->post, ti.mass);
	ti.red_flag_level = red_flag_level(e, &ti.red_flag);
	ti.level = ti.red_flag_level > ti.by_probability ? ti.red_flag_level : ti.by_probability;
	if (info)
		*info = ti;
	return ti.level;
}

/* ---- Look-ahead: information gain and the chance of changing the conclusion. ----
 *
 * The gain of a screen is the mutual information between the cause C and the answer O:
 * I(C;O) = H(O) - H(O|C). H(O|C) is a sum of per-condition outcome entropies, which the knowledge
 * base precomputes, so a step takes one logarithm per possible answer instead of one per answer
 * and condition. This equals the expected fall in the entropy of the posterior. */

struct look {
	const nf_kb *kb;
	int n;                       /* conditions kept */
	int idx[NF_MAX_CONDITIONS];  /* their indices */
	double post[NF_MAX_CONDITIONS];
	nf_triage level[NF_MAX_CONDITIONS];
	double thr[NF_TRIAGE_LEVELS];
	int top;                     /* leading condition now (position in idx) */
	nf_triage now;               /* the level now (red flags included) */
	nf_triage floor;             /* red-flag level now */
	double hO, change;           /* accumulated over outcomes */
	/* The screen being looked at, with the outcome the enumeration is at for each of its findings,
	 * so that escalation rules and red flags can be judged on the hypothetical answers. */
	const nf_engine *e;
	int nhyp;
	int hyp_f[NF_MAX_CHECKLIST], hyp_o[NF_MAX_CHECKLIST];
	bool touch[NF_MAX_CONDITIONS]; /* condition has a rule on one of the screen's findings */
	bool any_touch, rf_touch;
};

/* Does rule term t hold, with the screen's hypothetical answers in place of unknown ones? For a
 * number, an outcome is a bin; a bin that straddles the rule's threshold counts as holding for an
 * `if` term (maybe = true) and as not holding for an `unless` term (maybe = false), so that a
 * question able to escalate is never thought unable to. */
static bool term_holds_hyp(const struct look *lk, const struct nf_rule_term *t, bool maybe)
{
	for (int k = 0; k < lk->nhyp; k++) {
		if (lk->hyp_f[k] != t->finding)
			continue;
		const struct nf_finding *f = &lk->kb->find[t->finding];
		int o = lk->hyp_o[k];
		if (t->op == NF_OP_EQ)
			return o == (int)t->x;
		double lo = o == 0 ? -INFINITY : f->edge[o - 1], hi = o == f->nbins - 1 ? INFINITY : f->edge[o];
		if (maybe)
			return t->op == NF_OP_GE ? hi > t->x : lo < t->x;
		return t->op == NF_OP_GE ? lo >= t->x : hi <= t->x;
	}
	return term_holds(lk->e, t);
}

static bool rule_holds_hyp(const struct look *lk, const struct nf_rule *r)
{
	for (int t = 0; t < r->nterms; t++)
		if (!term_holds_hyp(lk, &r->term[t], true))
			return false;
	if (!r->nunless)
		return true;
	for (int t = 0; t < r->nunless; t++)
		if (!term_holds_hyp(lk, &r->unless[t], false))
			return true;
	return false;
}

static nf_triage level_hyp(const struct look *lk, int c)
{
	const nf_kb *kb = lk->kb;
	const struct nf_condition *cd = &kb->cond[c];
	nf_triage l = cd->triage;
	for (int i = 0; i < cd->nrules + kb->nglobal; i++) {
		const struct nf_rule *r = i < cd->nrules ? &cd->rule[i] : &kb->global[i - cd->nrules];
		if (r->to > l && rule_holds_hyp(lk, r))
			l = r->to;
	}
	return l;
}

/* Prepares the overlay for a screen of findings fs[0..n). */
static void look_screen(struct look *lk, const size_t *fs, size_t n)
{
	const nf_kb *kb = lk->kb;
	uint64_t ruled = 0;
	lk->nhyp = (int)n;
	lk->any_touch = lk->rf_touch = false;
	for (size_t k = 0; k < n; k++) {
		lk->hyp_f[k] = (int)fs[k];
		lk->hyp_o[k] = 0;
		lk->rf_touch |= kb->find[fs[k]].red_flag >= 0;
		ruled |= kb->find[fs[k]].rule_conds;
	}
	for (int i = 0; i < lk->n; i++) {
		lk->touch[i] = ruled >> lk->idx[i] & 1;
		lk->any_touch |= lk->touch[i];
	}
}

/* The natural logarithm to about 1e-9 relative error, several times faster than log(): a step
 * takes one per possible answer of every screen (hundreds), and the choice of question does not
 * need libm's last bit. x = m * 2^k with m in [sqrt(1/2), sqrt(2)); log m = 2 atanh(z) with
 * z = (m - 1) / (m + 1), |z| < 0.172, summed to z^9. */
static double fast_log(double x)
{
	int k;
	double m = frexp(x, &k); /* m in [0.5, 1) */
	if (m < M_SQRT1_2) {
		m *= 2;
		k--;
	}
	double z = (m - 1) / (m + 1), z2 = z * z;
	double s = z * (2 + z2 * (2.0 / 3 + z2 * (2.0 / 5 + z2 * (2.0 / 7 + z2 * (2.0 / 9)))));
	return s + k * M_LN2;
}

/* Accounts one hypothetical outcome: joint[i] = P(outcome, condition i). */
static void leaf(struct look *lk, const double *joint)
{
	double po = 0, m[NF_TRIAGE_LEVELS] = {0};
	int top = 0;
	for (int i = 0; i < lk->n; i++) {
		po += joint[i];
		m[lk->any_touch && lk->touch[i] ? level_hyp(lk, lk->idx[i]) : lk->level[i]] += joint[i];
		if (joint[i] > joint[top])
			top = i;
	}
	if (po <= 0)
		return;
	lk->hO -= po * fast_log(po);
	/* Triage after this outcome, without dividing: mass >= threshold * P(outcome). */
	nf_triage t = NF_SELF_CARE;
	double above = 0;
	for (int l = NF_EMERGENCY; l >= NF_ROUTINE; l--) {
		above += m[l];
		if (above >= lk->thr[l] * po) {
			t = (nf_triage)l;
			break;
		}
	}
	nf_triage floor = lk->floor;
	for (int k = 0; lk->rf_touch && k < lk->nhyp; k++) {
		const struct nf_finding *f = &lk->kb->find[lk->hyp_f[k]];
		if (f->red_flag > (int)floor && lk->hyp_o[k] == f->red_flag_value)
			floor = (nf_triage)f->red_flag;
	}
	if (t < floor)
		t = floor;
	if (top != lk->top || t != lk->now)
		lk->change += po;
}

/* H(O|C) of a finding (for a set: of one of its values) over the kept conditions. */
static double cond_entropy(const struct look *lk, const struct nf_finding *f, int v)
{
	double h = 0;
	for (int i = 0; i < lk->n; i++)
		h += lk->post[i] * f->h[lk->idx[i]][v];
	return h;
}

/* The gain alone of a single finding (for a set, of its value v as a yes/no), without the chance
 * of change: one multiply-add per outcome and condition and one logarithm per outcome. */
static double gain_only(const struct look *lk, const struct nf_finding *f, int v)
{
	double hO = 0;
	if (f->type == NF_SET) {
		double yes = 0;
		for (int i = 0; i < lk->n; i++)
			yes += lk->post[i] * f->p[lk->idx[i]][v];
		if (yes > 0 && yes < 1)
			hO = -yes * fast_log(yes) - (1 - yes) * fast_log(1 - yes);
		return hO - cond_entropy(lk, f, v);
	}
	for (int o = 0; o < f->nout; o++) {
		double po = 0;
		for (int i = 0; i < lk->n; i++)
			po += lk->post[i] * f->p[lk->idx[i]][o];
		if (po > 0)
			hO -= po * fast_log(po);
	}
	return hO - cond_entropy(lk, f, 0);
}

static double look_single(struct look *lk, const struct nf_finding *f)
{
	double joint[NF_MAX_CONDITIONS];
	lk->hO = 0;
	for (int o = 0; o < f->nout; o++) {
		for (int i = 0; i < lk->n; i++)
			joint[i] = lk->post[i] * f->p[lk->idx[i]][o];
		lk->hyp_o[0] = o;
		leaf(lk, joint);
	}
	return lk->hO - cond_entropy(lk, f, 0);
}

/* A set finding's outcomes are every subset of its values: too many to enumerate. Its gain is
 * taken as the sum of its values' gains, each asked as yes/no; that over-counts what values
 * share, which only brings the question forward, where "where is it" belongs anyway. Its chance
 * of change is its likeliest-changing value's. */
static double look_set(struct look *lk, const struct nf_finding *f)
{
	double joint[NF_MAX_CONDITIONS], gain = 0, change = 0;
	lk->nhyp = 0; /* no rule or red flag can name a set finding */
	lk->any_touch = lk->rf_touch = false;
	for (int v = 0; v < f->nvalues; v++) {
		lk->hO = lk->change = 0;
		for (int yes = 0; yes < 2; yes++) {
			for (int i = 0; i < lk->n; i++) {
				double p = f->p[lk->idx[i]][v];
				joint[i] = lk->post[i] * (yes ? p : 1 - p);
			}
			leaf(lk, joint);
		}
		gain += lk->hO - cond_entropy(lk, f, v);
		if (lk->change > change)
			change = lk->change;
	}
	lk->change = change;
	return gain;
}

/* Below this probability a branch of a checklist's outcome tree is taken as one outcome: its
 * share of H(O) and of the chance of change is under 1e-7. */
#define BRANCH_FLOOR 1e-6

/* Enumerates the joint yes/no outcomes of a checklist depth first. pk[k][o][i] is P(item k = o |
 * kept condition i), copied densely so that the tree's inner loop reads consecutive memory. */
static void look_tree(struct look *lk, double (*pk)[2][NF_MAX_CONDITIONS], size_t depth, size_t n,
		      const double *joint, double mass)
{
	if (depth == n || mass < BRANCH_FLOOR) {
		leaf(lk, joint);
		return;
	}
	double next[NF_MAX_CONDITIONS];
	for (int o = 0; o < 2; o++) {
		double m = 0;
		for (int i = 0; i < lk->n; i++)
			m += next[i] = joint[i] * pk[depth][o][i];
		lk->hyp_o[depth] = o;
		look_tree(lk, pk, depth + 1, n, next, m);
	}
	lk->hyp_o[depth] = 0;
}

static double look_list(struct look *lk, const nf_kb *kb, const size_t *fs, size_t n)
{
	double pk[NF_MAX_CHECKLIST][2][NF_MAX_CONDITIONS], hc = 0;
	for (size_t k = 0; k < n; k++) {
		const struct nf_finding *f = &kb->find[fs[k]];
		for (int i = 0; i < lk->n; i++) {
			pk[k][0][i] = f->p[lk->idx[i]][0];
			pk[k][1][i] = f->p[lk->idx[i]][1];
		}
		hc += cond_entropy(lk, f, 0);
	}
	lk->hO = 0;
	look_tree(lk, pk, 0, n, lk->post, 1);
	return lk->hO - hc;
}

static bool askable(const nf_engine *e, int f)
{
	return e->state[f] == NF_UNASKED && (!e->kb->find[f].clinician || e->mode == NF_MODE_CLINICIAN);
}

bool nf_engine_next(nf_engine *e, nf_question *q)
{
	const nf_kb *kb = e->kb;
	memset(q, 0, sizeof *q);
	q->checklist = -1;
	update(e);

	/* Red-flag screens come first, whatever the probabilities: they must never wait. */
	for (int k = 0; k < kb->nlist; k++) {
		const struct nf_checklist *l = &kb->list[k];
		if (!l->red_flags)
			continue;
		for (int i = 0; i < l->n; i++)
			if (askable(e, l->finding[i]))
				q->finding[q->n++] = (size_t)l->finding[i];
		if (q->n) {
			q->checklist = k;
			q->change = 1;
			return true;
		}
	}
	if (e->screens >= NF_MAX_SCREENS)
		return false;

	struct look lk = {.kb = kb, .e = e};
	for (int c = 0; c < kb->ncond; c++) {
		if (e->post[c] < LOOKAHEAD_FLOOR)
			continue;
		lk.idx[lk.n] = c;
		lk.post[lk.n] = e->post[c];
		lk.level[lk.n] = e->level[c];
		if (e->post[c] > lk.post[lk.top])
			lk.top = lk.n;
		lk.n++;
	}
	memcpy(lk.thr, kb->threshold, sizeof lk.thr);
	int rf;
	lk.floor = red_flag_level(e, &rf);
	lk.now = level_of(kb, e->level, e->post, NULL);
	if (lk.now < lk.floor)
		lk.now = lk.floor;

	/* Every screen's gain first, cheaply: exact for a single finding (for the location set, the
	 * sum over its places), and for a checklist an upper bound, the sum of its findings' gains
	 * (mutual information is sub-additive when findings are independent given the cause). */
	struct cand {
		nf_question q;
		double key;  /* the gain, or for a checklist not yet enumerated its bound */
		bool exact;  /* key is the exact gain and q.change is known */
	} cand[NF_MAX_FINDINGS];
	int ncand = 0;
	for (int f = 0; f < kb->nfind; f++) {
		const struct nf_finding *fd = &kb->find[f];
		if (fd->checklist >= 0 || !askable(e, f))
			continue;
		struct cand *c = &cand[ncand++];
		memset(c, 0, sizeof *c);
		c->q.checklist = -1;
		c->q.n = 1;
		c->q.finding[0] = (size_t)f;
		if (fd->type == NF_SET)
			for (int v = 0; v < fd->nvalues; v++)
				c->key += gain_only(&lk, fd, v);
		else
			c->key = gain_only(&lk, fd, 0);
		c->q.gain = c->key;
	}
	for (int k = 0; k < kb->nlist; k++) {
		const struct nf_checklist *l = &kb->list[k];
		struct cand *c = &cand[ncand];
		memset(c, 0, sizeof *c);
		c->q.checklist = k;
		for (int i = 0; i < l->n; i++) {
			if (!askable(e, l->finding[i]))
				continue;
			c->q.finding[c->q.n++] = (size_t)l->finding[i];
			c->key += gain_only(&lk, &kb->find[l->finding[i]], 0);
		}
		if (c->q.n)
			ncand++;
	}
	if (!ncand)
		return false;
	/* Best keys first (insertion sort: a few dozen screens). */
	int order[NF_MAX_FINDINGS];
	for (int i = 0; i < ncand; i++) {
		int j = i;
		while (j > 0 && cand[order[j - 1]].key < cand[i].key) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = i;
	}
	/* The best screen: a checklist is enumerated (all 2^n answers, which also gives its chance of
	 * change) only while its bound can still beat the best exact gain found. */
	int best = -1;
	for (int r = 0; r < ncand; r++) {
		struct cand *c = &cand[order[r]];
		if (best >= 0 && c->key <= cand[best].q.gain)
			break;
		if (c->q.checklist >= 0) {
			lk.change = 0;
			look_screen(&lk, c->q.finding, c->q.n);
			c->q.gain = look_list(&lk, kb, c->q.finding, c->q.n);
			c->q.change = lk.change;
			c->exact = true;
		}
		if (best < 0 || c->q.gain > cand[best].q.gain)
			best = order[r];
	}
	/* The chance that a screen changes the leading cause or the triage, for the stopping rule: the
	 * best screen's, and if that is under NF_STOP_CHANGE, the others' in order of gain until one
	 * reaches it. */
	double most = 0;
	for (int r = -1; r < ncand && most < NF_STOP_CHANGE; r++) {
		struct cand *c = &cand[r < 0 ? best : order[r]];
		if (r >= 0 && order[r] == best)
			continue;
		if (!c->exact) {
			lk.change = 0;
			look_screen(&lk, c->q.finding, c->q.n);
			if (c->q.checklist >= 0)
				c->q.gain = look_list(&lk, kb, c->q.finding, c->q.n);
			else if (kb->find[c->q.finding[0]].type == NF_SET)
				look_set(&lk, &kb->find[c->q.finding[0]]);
			else
				look_single(&lk, &kb->find[c->q.finding[0]]);
			c->q.change = lk.change;
			c->exact = true;
		}
		if (c->q.change > most)
			most = c->q.change;
	}
	*q = cand[best].q;
	/* Stop when no screen is likely enough to change what we would say. The screen that gains most
	 * need not be the one most likely to change the conclusion, so the rule takes the most likely
	 * change over all screens. */
	return most >= NF_STOP_CHANGE;
}
