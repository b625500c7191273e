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

#include "core/alloc.h"
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
	nf_units units; /* for the words of the result's JSON only */
	size_t screens;
	nf_answer_state state[NF_MAX_FINDINGS];
	nf_value value[NF_MAX_FINDINGS];
	int outcome[NF_MAX_FINDINGS]; /* outcome_of each answered value, for the rules and red flags */
	bool allowed[NF_MAX_FINDINGS]; /* the mode may ask the finding (a clinician's needs clinician mode) */
	double *ll; /* [finding][condition]: log P(answer | c) per answered finding; owned */
	struct scratch *scratch; /* the look-ahead's working memory; owned */
	bool dirty;
	double post[NF_MAX_CONDITIONS];
	nf_triage level[NF_MAX_CONDITIONS]; /* each condition's level after escalation */
	nf_triage_info tri;                 /* the triage of post, level and the red flags */
};

static size_t scratch_size(const nf_kb *kb);

nf_err nf_engine_new(const nf_kb *kb, nf_mode mode, nf_engine **out, nf_error *err)
{
	nf_engine *e = core_calloc(1, sizeof *e);
	*out = NULL;
	if (!e)
		return nf_error_set(err, NF_ENOMEM, "out of memory");
	e->ll = core_malloc((size_t)kb->nfind * (size_t)kb->ncond * sizeof *e->ll);
	e->scratch = core_malloc(scratch_size(kb));
	if (!e->ll || !e->scratch) {
		nf_engine_free(e);
		return nf_error_set(err, NF_ENOMEM, "out of memory");
	}
	e->kb = kb;
	e->mode = mode;
	e->dirty = true;
	for (int f = 0; f < kb->nfind; f++)
		e->allowed[f] = !kb->find[f].clinician || mode == NF_MODE_CLINICIAN;
	*out = e;
	return NF_OK;
}

void nf_engine_free(nf_engine *e)
{
	if (!e)
		return;
	free(e->ll);
	free(e->scratch);
	free(e);
}

const nf_kb *nf_engine_kb(const nf_engine *e) { return e->kb; }
nf_mode nf_engine_mode(const nf_engine *e) { return e->mode; }
void nf_engine_count_screen(nf_engine *e) { e->screens++; }
size_t nf_engine_screens(const nf_engine *e) { return e->screens; }
void nf_engine_set_screens(nf_engine *e, size_t n) { e->screens = n; }
void nf_engine_set_units(nf_engine *e, nf_units units) { e->units = units; }
nf_units nf_engine_units(const nf_engine *e) { return e->units; }

static int bin_of(const struct kb_finding *f, double x)
{
	int i = 0;
	while (i < f->nbins - 1 && !(x < f->edge[i]))
		i++;
	return i;
}

/* The outcome index of a bool, enum or number answer. */
static int outcome_of(const struct kb_finding *f, const nf_value *v)
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
	const struct kb_finding *f = &kb->find[fi];
	if (f->clinician && e->mode != NF_MODE_CLINICIAN)
		return nf_error_set(err, NF_EINVAL, "%s: an examination or test finding needs clinician mode", f->id);
	switch (f->type) {
	case NF_ENUM:
		if (v->index < 0 || v->index >= f->nvalues)
			return nf_error_set(err, NF_EINVAL, "%s: no value %d", f->id, v->index);
		break;
	case NF_NUMBER:
		/* The knowledge base's range: an answer no person can give is a slip, refused here so
		 * that every reader of answers (case files, the interview, the server, the journal's
		 * analysis) agrees. */
		if (!isfinite(v->x) || v->x < f->lo || v->x > f->hi)
			return nf_error_set(err, NF_EINVAL, "%s: %g is not a number from %g to %g", f->id, v->x, f->lo,
					    f->hi);
		break;
	case NF_SET:
		if (f->nvalues < 32 && (v->set >> f->nvalues))
			return nf_error_set(err, NF_EINVAL, "%s: value outside the list", f->id);
		break;
	case NF_BOOL:
		break;
	}
	double *ll = e->ll + fi * (size_t)kb->ncond;
	if (f->type == NF_SET) {
		for (int c = 0; c < kb->ncond; c++) {
			double s = 0;
			for (int i = 0; i < f->nvalues; i++)
				s += (v->set >> i & 1) ? f->lp[c][i] : f->lq[c][i];
			ll[c] = s;
		}
	} else {
		int o = outcome_of(f, v);
		for (int c = 0; c < kb->ncond; c++)
			ll[c] = f->lp[c][o];
	}
	e->outcome[fi] = outcome_of(f, v);
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

size_t nf_engine_given(const nf_engine *e)
{
	size_t n = 0;
	for (int fi = 0; fi < e->kb->nfind; fi++)
		n += e->state[fi] != NF_UNASKED;
	return n;
}

static nf_triage sign_level(const nf_engine *e, int f);
static nf_triage companion_level(const nf_engine *e, int f);
static void update(nf_engine *e);

size_t nf_engine_open_signs(const nf_engine *e, nf_triage level, size_t *out, size_t cap)
{
	size_t n = 0;
	update((nf_engine *)e);
	/* Signs below the level already given would change nothing: "be seen within 48 hours" under
	 * "call emergency services now" is only clutter. */
	if (level < e->tri.level)
		return 0;
	for (int f = 0; f < e->kb->nfind; f++) {
		const struct kb_finding *fd = &e->kb->find[f];
		if (e->state[f] == NF_ANSWERED || !e->allowed[f] ||
		    (fd->red_flag >= 0 ? sign_level(e, f) : companion_level(e, f)) != level)
			continue;
		/* A sign the other answers already answer ("back to normal in 40 minutes" for numbness
		 * not back hours later) would read as a question the runner has answered. */
		if (fd->red_flag >= 0 && engine_unless_holds(e, &fd->red_flag_answered_by))
			continue;
		if (n < cap)
			out[n] = (size_t)f;
		n++;
	}
	return n;
}

static bool term_holds(const nf_engine *e, const struct kb_rule_term *t)
{
	if (e->state[t->finding] != NF_ANSWERED)
		return false;
	const nf_value *v = &e->value[t->finding];
	switch (t->op) {
	case NF_OP_EQ:
		return e->outcome[t->finding] == (int)t->x;
	case NF_OP_GE:
		return v->x >= t->x;
	case NF_OP_LT:
		return v->x < t->x;
	}
	return false;
}

static const struct kb_rule *escalation(const nf_engine *e, size_t c, const bool *global_holds);
static bool rule_holds(const nf_engine *e, const struct kb_rule *r);
static nf_triage level_of(const nf_kb *kb, const nf_triage *level, const double *post, double *mass);
static nf_triage red_flag_level(const nf_engine *e, int *which);

/* Two doubles as one value, the width of plain x86-64's SSE2 registers (and of WebAssembly's
 * SIMD): GCC and clang turn its arithmetic and comparisons into single vector instructions, each
 * lane rounding exactly as the scalar operation would. Loops step by two, with two vectors at a
 * time where that keeps the arithmetic units busy. */
typedef double v2d __attribute__((vector_size(2 * sizeof(double))));
typedef int64_t v2i __attribute__((vector_size(2 * sizeof(int64_t)))); /* a comparison's lanes */
/* The same, for loads and stores at any double's address (aliasing the doubles it reads). */
typedef double v2d_mem __attribute__((vector_size(2 * sizeof(double)), aligned(sizeof(double)), may_alias));
#define LD2(p) (*(const v2d_mem *)(p))
#define ST2(p, v) (*(v2d_mem *)(p) = (v))
#define SPLAT2(x) ((v2d){(x), (x)})
#define SELECT2(mask, a, b) ((v2d)(((v2i)(a) & (mask)) | ((v2i)(b) & ~(mask))))
#define MAX2(a, b) SELECT2((a) > (b), a, b)

/* Four doubles, for the kernels that only multiply and add: one AVX instruction where the machine
 * has AVX2 (WIDE compiles such a kernel twice and picks at load time), two SSE2 ones elsewhere.
 * Neither enables fused multiply-adds, so each lane rounds as the scalar operation does. */
typedef double v4d __attribute__((vector_size(4 * sizeof(double))));
typedef int64_t v4i __attribute__((vector_size(4 * sizeof(int64_t))));
typedef double v4d_mem __attribute__((vector_size(4 * sizeof(double)), aligned(sizeof(double)), may_alias));
#define LD4(p) (*(const v4d_mem *)(p))
#define ST4(p, v) (*(v4d_mem *)(p) = (v))
#define SPLAT4(x) ((v4d){(x), (x), (x), (x)})
#define MAX4(a, b) ((v4d)(((v4i)(a) & ((a) > (b))) | ((v4i)(b) & ~((a) > (b)))))
#if defined(__x86_64__) && defined(__ELF__) && (!defined(__clang__) || __clang_major__ >= 14)
#define WIDE __attribute__((target_clones("avx2", "default")))
#else
#define WIDE
#endif

/* lp[c] += ll[f][c] for each answered finding f in order, four conditions a lane each (the same
 * sums, in the same order, as the plain loop). */
WIDE static void add_answers(double *lp, const double *ll, const nf_answer_state *state, int nfind, int ncond)
{
	for (int f = 0; f < nfind; f++) {
		if (state[f] != NF_ANSWERED)
			continue;
		const double *row = ll + (size_t)f * (size_t)ncond;
		int c = 0;
		for (; c + 4 <= ncond; c += 4)
			ST4(lp + c, LD4(lp + c) + LD4(row + c));
		for (; c < ncond; c++)
			lp[c] += row[c];
	}
}

static void update(nf_engine *e)
{
	const nf_kb *kb = e->kb;
	double lp[NF_MAX_CONDITIONS], max = -INFINITY, sum = 0;
	if (!e->dirty)
		return;
	for (int c = 0; c < kb->ncond; c++)
		lp[c] = kb->log_prior[c];
	add_answers(lp, e->ll, e->state, kb->nfind, kb->ncond);
	for (int c = 0; c < kb->ncond; c++)
		if (lp[c] > max)
			max = lp[c];
	for (int c = 0; c < kb->ncond; c++)
		sum += e->post[c] = exp(lp[c] - max);
	for (int c = 0; c < kb->ncond; c++)
		e->post[c] /= sum;
	/* The rules for every cause hold or not whatever the cause: judged once, not per cause. */
	bool global_holds[NF_MAX_GLOBAL_RULES];
	for (int i = 0; i < kb->nglobal; i++)
		global_holds[i] = rule_holds(e, &kb->global[i]);
	for (int c = 0; c < kb->ncond; c++) {
		const struct kb_rule *r = escalation(e, (size_t)c, global_holds);
		e->level[c] = r ? r->to : kb->cond[c].triage;
	}
	nf_triage_info *ti = &e->tri;
	ti->by_probability = level_of(kb, e->level, e->post, ti->mass);
	ti->red_flag_level = red_flag_level(e, &ti->red_flag);
	ti->level = ti->red_flag_level > ti->by_probability ? ti->red_flag_level : ti->by_probability;
	e->dirty = false;
}

bool engine_terms_hold(const nf_engine *e, const struct kb_rule_term *t, int n)
{
	for (int i = 0; i < n; i++)
		if (!term_holds(e, &t[i]))
			return false;
	return true;
}

/* Does one of u's alternatives (runs of terms with one alt) hold in full, each term judged by
 * holds(ctx, term)? Shared by the answers given and the look-ahead's hypotheses. */
static inline bool unless_holds(const struct kb_unless *u, bool (*holds)(const void *, const struct kb_rule_term *),
				const void *ctx)
{
	for (int t = 0; t < u->n;) {
		bool all = true;
		int a = u->alt[t];
		for (; t < u->n && u->alt[t] == a; t++)
			all = all && holds(ctx, &u->term[t]);
		if (all)
			return true;
	}
	return false;
}

static bool term_holds_now(const void *e, const struct kb_rule_term *t)
{
	return term_holds(e, t);
}

bool engine_unless_holds(const nf_engine *e, const struct kb_unless *u)
{
	return unless_holds(u, term_holds_now, e);
}

static bool rule_holds(const nf_engine *e, const struct kb_rule *r)
{
	return engine_terms_hold(e, r->term, r->nterms) && !unless_holds(&r->unless, term_holds_now, e);
}

/* The highest level above floor that a rule for every cause gives once finding f answers outcome,
 * its other answers already holding (and none of its unless alternatives); floor if none. */
static nf_triage completes_level(const nf_engine *e, int f, int outcome, nf_triage floor, const struct kb_rule **by)
{
	const nf_kb *kb = e->kb;
	nf_triage l = floor;
	if (by)
		*by = NULL;
	for (int i = 0; i < kb->nglobal; i++) {
		const struct kb_rule *r = &kb->global[i];
		bool names = false, others = true;
		for (int t = 0; t < r->nterms; t++) {
			const struct kb_rule_term *term = &r->term[t];
			if (term->finding == f)
				names = term->op == NF_OP_EQ && (int)term->x == outcome;
			else
				others = others && term_holds(e, term);
		}
		if (names && others && r->to > l && !unless_holds(&r->unless, term_holds_now, e)) {
			l = r->to;
			if (by)
				*by = r;
		}
	}
	return l;
}

/* The level a yes to warning sign f would set: its own, or that of a rule for every cause that asks
 * for it and whose other answers already hold (new weakness, with back pain and numbness in both
 * feet, is an emergency, not the sign's own urgent), so that a sign left open is listed with the
 * level it would really have. */
static nf_triage sign_level(const nf_engine *e, int f)
{
	return completes_level(e, f, e->kb->find[f].red_flag_value, (nf_triage)e->kb->find[f].red_flag, NULL);
}

/* The level a yes to finding f (no warning sign in itself) would set through a rule for every
 * cause whose other answers already hold, when that is above the level now, else NF_SELF_CARE:
 * with numbness not back to normal hours after a run, a cold or pale foot makes it an emergency,
 * so an unanswered one is listed with the signs (nf_engine_open_signs). Only a yes is listed: a
 * term asking for a no, or for a number, is no sign a runner can be told to look for. */
static nf_triage companion_level(const nf_engine *e, int f)
{
	if (e->kb->find[f].type != NF_BOOL)
		return NF_SELF_CARE;
	nf_triage l = completes_level(e, f, 1, e->tri.level, NULL);
	return l > e->tri.level ? l : NF_SELF_CARE;
}

size_t nf_engine_sign_with(const nf_engine *e, size_t f, size_t *out, size_t cap)
{
	const struct kb_rule *r = NULL;
	size_t n = 0;
	if (f >= (size_t)e->kb->nfind || e->kb->find[f].red_flag >= 0 || e->kb->find[f].type != NF_BOOL)
		return 0;
	update((nf_engine *)e);
	completes_level(e, (int)f, 1, e->tri.level, &r);
	for (int t = 0; r && t < r->nterms; t++) {
		const struct kb_rule_term *term = &r->term[t];
		/* The yes answers a runner recognises; "both feet" or "within 4 weeks" read as no sign. */
		if (term->finding == (int)f || term->op != NF_OP_EQ || e->kb->find[term->finding].type != NF_BOOL ||
		    term->x != 1)
			continue;
		if (n < cap)
			out[n] = (size_t)term->finding;
		n++;
	}
	return n;
}

/* The rule that sets condition c's level, or NULL; global_holds[i] is whether the i-th rule for
 * every cause holds, or NULL to judge it here. */
static const struct kb_rule *escalation(const nf_engine *e, size_t c, const bool *global_holds)
{
	const nf_kb *kb = e->kb;
	const struct kb_condition *cd = &kb->cond[c];
	const struct kb_rule *best = NULL;
	nf_triage l = cd->triage;
	/* The condition's own rules before the rules for every cause, so that at an equal level its
	 * own, more specific advice wins. */
	for (int i = 0; i < cd->nrules + kb->nglobal; i++) {
		const struct kb_rule *r = i < cd->nrules ? &cd->rule[i] : &kb->global[i - cd->nrules];
		if (r->to > l && (i >= cd->nrules && global_holds ? global_holds[i - cd->nrules] : rule_holds(e, r))) {
			l = r->to;
			best = r;
		}
	}
	return best;
}

const struct kb_rule *engine_escalation(const nf_engine *e, size_t c)
{
	return escalation(e, c, NULL);
}

bool engine_every_cause(const nf_kb *kb, const struct kb_rule *r)
{
	return r && r >= kb->global && r < kb->global + kb->nglobal;
}

const struct kb_rule *engine_every_cause_rule(const nf_engine *e, nf_triage level)
{
	const nf_kb *kb = e->kb;
	for (int g = 0; g < kb->nglobal; g++)
		if (kb->global[g].to == level && rule_holds(e, &kb->global[g]))
			return &kb->global[g];
	return NULL;
}

size_t nf_engine_level_rule(nf_engine *e, size_t *finding, size_t cap, bool *every_cause)
{
	const nf_kb *kb = e->kb;
	if (every_cause)
		*every_cause = false;
	update(e);
	nf_triage level = e->tri.level;
	/* A warning sign that set the level is its reason (the report said both). */
	if (level == NF_SELF_CARE || e->tri.by_probability < level ||
	    (e->tri.red_flag >= 0 && e->tri.red_flag_level == level))
		return 0;
	/* A rule for every cause that gives the level explains it whatever the ranking, also when the
	 * likeliest cause needs the level on its own: naming the causes it raised beside it (a
	 * sciatica "as your answers raise it") would say they need it. */
	const struct kb_rule *r = engine_every_cause_rule(e, level);
	if (!r) {
		/* The likeliest cause that needs the level. */
		size_t order[NF_MAX_CONDITIONS], n = nf_engine_ranking(e, order, NF_MAX_CONDITIONS), i = 0;
		while (i < n && e->level[order[i]] < level)
			i++;
		if (i == n || kb->cond[order[i]].triage >= level)
			return 0;
		r = escalation(e, order[i], NULL);
		if (!r || r->to < level)
			return 0;
	}
	if (every_cause)
		*every_cause = engine_every_cause(kb, r);
	size_t nf = 0;
	for (int t = 0; t < r->nterms && nf < cap; t++) {
		size_t f = (size_t)r->term[t].finding, k = 0;
		while (k < nf && finding[k] != f) /* a range names its finding twice */
			k++;
		if (k == nf)
			finding[nf++] = f;
	}
	return nf;
}

bool nf_engine_percentages(nf_engine *e)
{
	update(e);
	if (e->tri.red_flag >= 0 && e->tri.red_flag_level == e->tri.level)
		return false;
	/* Under an emergency whose likeliest cause needs less, "1. Fibular nerve entrapment 76%" under
	 * "call emergency services" read as near-certainty that it is only a nerve at the knee, a
	 * reason not to call (an outside read: numbness not back hours after a tempo run at 27, acute
	 * compartment syndrome at 7%); the order is kept, the figures not. */
	size_t top;
	if (e->tri.level == NF_EMERGENCY && nf_engine_ranking(e, &top, 1) >= 1 && e->level[top] < NF_EMERGENCY)
		return false;
	bool every_cause;
	size_t f[NF_MAX_FINDINGS];
	return !(nf_engine_level_rule(e, f, NF_MAX_FINDINGS, &every_cause) && every_cause);
}

/* An emergency set by a rule for every cause whose own cause (its "for") does not lead the ranking
 * on the other answers: the rule's first step names it (acute compartment syndrome after a cramp
 * whose numbness stayed), and a list led by tarsal tunnel or sciatica, with it second or
 * thirteenth, reads as the answer under the emergency. Where it leads, the list says what the rule
 * says and is shown. */
static bool rule_emergency(nf_engine *e)
{
	if (e->tri.level != NF_EMERGENCY || (e->tri.red_flag >= 0 && e->tri.red_flag_level == NF_EMERGENCY))
		return false;
	const struct kb_rule *r = engine_every_cause_rule(e, NF_EMERGENCY);
	size_t top;
	return r && r->cause >= 0 && nf_engine_ranking(e, &top, 1) >= 1 && top != (size_t)r->cause;
}

/* Whether the level is an emergency by the chance of the causes that need one alone (no sign, no
 * rule for every cause), a fifth or more, while the likeliest cause needs less: a list led by "shoe
 * or lacing pressure 49%" under "call emergency services" reads as a reason not to call, for a
 * passed one-sided hand and foot numbness that is a stroke at 24%. Under a fifth the reason says
 * "small as it may be" and the list shows what is likely beside it: hiding a sciatica of 94% to
 * name only a cauda equina of 5% as "likely enough to act on" overstated it. */
#define NF_UNRANKED_CHANCE 0.2
static bool chance_emergency(nf_engine *e)
{
	size_t top;
	return e->tri.level == NF_EMERGENCY && e->tri.red_flag_level != NF_EMERGENCY &&
	       e->tri.mass[NF_EMERGENCY] >= NF_UNRANKED_CHANCE &&
	       !engine_every_cause_rule(e, NF_EMERGENCY) && nf_engine_ranking(e, &top, 1) >= 1 &&
	       e->level[top] < NF_EMERGENCY;
}

bool nf_engine_ranked(nf_engine *e)
{
	update(e);
	if (rule_emergency(e) || chance_emergency(e))
		return false;
	if (e->tri.red_flag < 0 || e->tri.red_flag_level != e->tri.level)
		return true;
	/* An emergency sign's causes are named above the list (nf_engine_sign_means); a ranking of
	 * the rest, however many answers it rests on, put "1. Morton's neuroma" first after a face
	 * droop, read as "it is only my foot" (docs/model.md, "Ranking under a warning sign"). */
	if (e->tri.level == NF_EMERGENCY)
		return false;
	size_t n = 0;
	for (int f = 0; f < e->kb->nfind; f++)
		n += e->state[f] == NF_ANSWERED && e->kb->find[f].red_flag < 0;
	return n >= NF_RANKED_ANSWERS;
}

const char *nf_engine_unranked_words(nf_engine *e)
{
	if (nf_engine_ranked(e))
		return "";
	if (rule_emergency(e))
		return NF_UNRANKED_RULE_WORDS;
	if (chance_emergency(e))
		return NF_UNRANKED_CHANCE_WORDS;
	return e->tri.level == NF_EMERGENCY ? NF_UNRANKED_EMERGENCY_WORDS : NF_UNRANKED_WORDS;
}

/* The posterior of each condition, its forms' rows summed. */
static void condition_posterior(const nf_engine *e, double *p)
{
	const nf_kb *kb = e->kb;
	memcpy(p, e->post, (size_t)kb->npublic * sizeof *p);
	for (int r = kb->npublic; r < kb->ncond; r++)
		p[kb->cond[r].parent] += e->post[r];
}

double engine_row_probability(nf_engine *e, size_t r)
{
	update(e);
	return r < (size_t)e->kb->ncond ? e->post[r] : 0;
}

double nf_engine_probability(nf_engine *e, size_t c)
{
	const nf_kb *kb = e->kb;
	update(e);
	if (c >= (size_t)kb->npublic)
		return 0;
	double p = e->post[c];
	for (int r = kb->npublic; r < kb->ncond; r++)
		if (kb->cond[r].parent == (int)c)
			p += e->post[r];
	return p;
}

/* Orders idx[0..n) by post (condition_posterior), likeliest first. Insertion sort: at most
 * NF_MAX_CONDITIONS items, and stable, so ties keep the order given (the knowledge base's) and the
 * output is deterministic. */
static void by_posterior(const double *post, size_t *idx, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		size_t k = idx[i], j = i;
		while (j > 0 && post[idx[j - 1]] < post[k]) {
			idx[j] = idx[j - 1];
			j--;
		}
		idx[j] = k;
	}
}

size_t nf_engine_ranking(nf_engine *e, size_t *order, size_t cap)
{
	size_t n = (size_t)e->kb->npublic, idx[NF_MAX_CONDITIONS];
	double post[NF_MAX_CONDITIONS];
	update(e);
	condition_posterior(e, post);
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	by_posterior(post, idx, n);
	for (size_t i = 0; i < n && i < cap; i++)
		order[i] = idx[i];
	return n;
}

size_t nf_engine_sign_points_to(nf_engine *e, size_t *out, size_t cap)
{
	update(e);
	if (e->tri.red_flag < 0)
		return 0;
	size_t to[NF_MAX_CONDITIONS], n = nf_kb_red_flag_points_to(e->kb, (size_t)e->tri.red_flag, to, NF_MAX_CONDITIONS);
	/* An emergency sign keeps the knowledge base's order, the likeliest to give it first:
	 * numbness between the legs names cauda equina first, though cord disease is commoner. */
	if (e->tri.red_flag_level < NF_EMERGENCY) {
		double post[NF_MAX_CONDITIONS];
		condition_posterior(e, post);
		by_posterior(post, to, n);
		/* A rule for every cause that set the level above the sign names its cause in its first
		 * step: that cause comes first here too, when the sign can mean it. */
		const struct kb_rule *r = engine_every_cause_rule(e, e->tri.level);
		for (size_t i = 1; r && r->cause >= 0 && i < n; i++)
			if (to[i] == (size_t)r->cause) {
				memmove(to + 1, to, i * sizeof *to);
				to[0] = (size_t)r->cause;
				break;
			}
		/* Under 1% a cause named here reads as what the sign means ("sciatica" for a cold, pale
		 * foot that an artery explains at 87%): the first is kept whatever its share. When none
		 * of 1% or more needs emergency care, the ones that do follow whatever their share: they
		 * are the danger the sign's own words send to the emergency department for (numbness not
		 * back hours later, in tight new shoes, named only a nerve pressed at the knee and
		 * sciatica, where its text speaks of a tight, swollen leg or a cold foot). */
		size_t all[NF_MAX_CONDITIONS], kept = 1;
		memcpy(all, to, n * sizeof *to);
		bool named = e->kb->cond[all[0]].triage == NF_EMERGENCY;
		for (size_t i = 1; i < n; i++)
			if (post[all[i]] >= 0.01) {
				named = named || e->kb->cond[all[i]].triage == NF_EMERGENCY;
				to[kept++] = all[i];
			}
		for (size_t i = 1; i < n && !named; i++)
			if (post[all[i]] < 0.01 && e->kb->cond[all[i]].triage == NF_EMERGENCY)
				to[kept++] = all[i];
		n = kept;
	}
	for (size_t i = 0; i < n && i < cap; i++)
		out[i] = to[i];
	return n < cap ? n : cap;
}

/* The row of condition c's likeliest form (c itself without forms). */
static size_t likeliest_row(nf_engine *e, size_t c)
{
	const nf_kb *kb = e->kb;
	size_t row = c;
	update(e);
	for (int r = kb->npublic; r < kb->ncond; r++)
		if (kb->cond[r].parent == (int)c && e->post[r] > e->post[row])
			row = (size_t)r;
	return row;
}

const char *nf_engine_form(nf_engine *e, size_t c, const char **name)
{
	if (c >= (size_t)e->kb->npublic || !e->kb->cond[c].form)
		return NULL;
	/* Named only when the answers support it: a form holding less than two thirds of its
	 * condition ("often women, both legs" for a man whose sex was never asked) is a guess. */
	size_t row = likeliest_row(e, c);
	double all = nf_engine_probability(e, c);
	if (!(all > 0) || e->post[row] < 2.0 / 3.0 * all)
		return NULL;
	const struct kb_condition *f = &e->kb->cond[row];
	if (name)
		*name = f->form_name;
	return f->form;
}

size_t nf_engine_reasons(nf_engine *e, size_t c, nf_reason *out, size_t cap)
{
	const nf_kb *kb = e->kb;
	size_t n = 0;
	/* The catch-all takes every finding's default, so an answer moves it only by moving the listed
	 * causes the other way: "raised by the shoes feel tight: no" names no feature of its own. */
	if (c >= (size_t)kb->npublic || !kb->cond[c].in_vocab)
		return 0;
	/* A condition with forms speaks through its likeliest form: the answers' weights are that
	 * form's, which is what moved the condition. */
	size_t row = likeliest_row(e, c);
	nf_reason all[NF_MAX_FINDINGS];
	for (int f = 0; f < kb->nfind; f++) {
		if (e->state[f] != NF_ANSWERED)
			continue;
		const double *ll = e->ll + (size_t)f * (size_t)kb->ncond;
		/* P(answer | not c): the other causes mixed by their priors. */
		double num = 0, den = 0;
		for (int k = 0; k < kb->ncond; k++) {
			if (kb->cond[k].parent == (int)c)
				continue;
			double w = exp(kb->log_prior[k]);
			num += w * exp(ll[k]);
			den += w;
		}
		double w = ll[row] - log(num / den);
		/* An answer that moved the odds by under 5% is shown as "x1.0": "raised by ... (x1.0)"
		 * names nothing that raised it (an outside read of the page, every answer "don't know"). */
		if (fabs(w) < log(1.05))
			continue;
		all[n].finding = (size_t)f;
		all[n].weight = w;
		all[n].evidence = kb->find[f].evidence[row];
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
		const struct kb_finding *fd = &kb->find[f];
		if (fd->red_flag < 0 || e->state[f] != NF_ANSWERED)
			continue;
		if (e->outcome[f] == fd->red_flag_value && fd->red_flag > (int)best) {
			best = (nf_triage)fd->red_flag;
			*which = f;
		}
	}
	return best;
}

nf_triage nf_engine_triage(nf_engine *e, nf_triage_info *info)
{
	update(e);
	if (info)
		*info = e->tri;
	return e->tri.level;
}

/* ---- Look-ahead: information gain and the chance of changing the conclusion. ----
 *
 * The gain of a screen is the mutual information between the cause C and the answer O:
 * I(C;O) = H(O) - H(O|C). H(O|C) is a sum of per-condition outcome entropies, which the knowledge
 * base precomputes, so a step takes one logarithm per possible answer instead of one per answer
 * and condition. This equals the expected fall in the entropy of the posterior.
 *
 * The arithmetic is laid out for vector instructions, and every sum is still taken over the
 * conditions in their order, one term after another, so that each figure is the same to the last
 * bit as the plain loop's (tests/unit/test_engine_ref.c holds it to a reference): P(O) and H(O|C)
 * of every screen come from one pass over the knowledge base's table (nf_kb.cols), a row per
 * kept condition, wide across the columns; a checklist's outcome tree is built a level at a time,
 * wide across the level's branches, so that each branch's sum over conditions is one lane of a
 * vector. */


struct look {
	const nf_kb *kb;
	struct scratch *w;
	int n;                       /* conditions kept */
	int idx[NF_MAX_CONDITIONS];  /* their indices */
	double post[NF_MAX_CONDITIONS];
	nf_triage level[NF_MAX_CONDITIONS];
	double thr[NF_TRIAGE_LEVELS];
	int top;                     /* leading condition now (position in idx) */
	nf_triage now;               /* the level now (red flags included) */
	nf_triage floor;             /* red-flag level now */
	double change;               /* the screen's chance of change */
	/* The screen being looked at, so that escalation rules and red flags can be judged on the
	 * hypothetical answers: its findings, and (single) whether it is one finding whose outcome is
	 * the leaf's index, or a checklist whose item k answers yes in bit k of the index. */
	const nf_engine *e;
	int nhyp;
	bool single;
	int hyp_f[NF_MAX_CHECKLIST], hyp_o[NF_MAX_CHECKLIST];
	signed char hyp_of[NF_MAX_FINDINGS]; /* k where hyp_f[k] is the finding, else -1 */
	bool touch[NF_MAX_CONDITIONS]; /* condition has a rule on one of the screen's findings */
	bool any_touch, rf_touch;
	bool rival[NF_MAX_CONDITIONS]; /* may overtake the leading cause on a leaf (find_rivals) */
};

/* Makes fs[0..n) the screen whose answers are supposed, each answer at outcome 0. */
static void hyp_set(struct look *lk, const size_t *fs, size_t n)
{
	for (int k = 0; k < lk->nhyp; k++)
		lk->hyp_of[lk->hyp_f[k]] = -1;
	lk->nhyp = (int)n;
	for (size_t k = 0; k < n; k++) {
		lk->hyp_f[k] = (int)fs[k];
		lk->hyp_o[k] = 0;
		lk->hyp_of[fs[k]] = (signed char)k;
	}
}

/* Does rule term t hold, with the screen's hypothetical answers in place of unknown ones? For a
 * number, an outcome is a bin; a bin that straddles the rule's threshold counts as holding for an
 * `if` term (maybe = true) and as not holding for an `unless` term (maybe = false), so that a
 * question able to escalate is never thought unable to. */
static bool term_holds_hyp(const struct look *lk, const struct kb_rule_term *t, bool maybe)
{
	int k = lk->hyp_of[t->finding];
	if (k >= 0) {
		const struct kb_finding *f = &lk->kb->find[t->finding];
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

/* An unless term on the hypothetical answers: a straddling bin does not hold. */
static bool unless_holds_hyp(const void *lk, const struct kb_rule_term *t)
{
	return term_holds_hyp(lk, t, false);
}

static bool rule_holds_hyp(const struct look *lk, const struct kb_rule *r)
{
	for (int t = 0; t < r->nterms; t++)
		if (!term_holds_hyp(lk, &r->term[t], true))
			return false;
	return !unless_holds(&r->unless, unless_holds_hyp, lk);
}

/* The rules of r[0..n) in live (bit i for r[i]) are those that can still hold; the others are
 * passed over. */
typedef uint64_t rule_mask;
#define ALL_RULES (~(rule_mask)0)
_Static_assert(NF_MAX_RULES <= 64 && NF_MAX_GLOBAL_RULES <= 64, "a mask of rules is 64 bits");

/* The highest of l and the levels of the live rules of r[0..n) that hold on the hypothetical
 * answers. */
static nf_triage rules_level(const struct look *lk, const struct kb_rule *r, int n, rule_mask live, nf_triage l)
{
	for (int i = 0; i < n; i++)
		if ((live >> i & 1) && r[i].to > l && rule_holds_hyp(lk, &r[i]))
			l = r[i].to;
	return l;
}

/* Which of the screen's findings (bit k for hyp_f[k]) the live rules of r[0..n) name. */
static unsigned rule_findings(const struct look *lk, const struct kb_rule *r, int n, rule_mask live)
{
	unsigned rel = 0;
	for (int i = 0; i < n; i++) {
		if (!(live >> i & 1))
			continue;
		for (int t = 0; t < r[i].nterms; t++) {
			int k = lk->hyp_of[r[i].term[t].finding];
			rel |= k >= 0 ? 1u << k : 0;
		}
		for (int t = 0; t < r[i].unless.n; t++) {
			int k = lk->hyp_of[r[i].unless.term[t].finding];
			rel |= k >= 0 ? 1u << k : 0;
		}
	}
	return rel;
}

/* Fills lev[0..leaves) with the level the live rules of r[0..n) (naming the screen's findings in
 * rel) give on each leaf, starting from l: judged once for each combination of the answers they
 * name (the others no), and looked up for the rest. */
static void rules_levels(struct look *lk, const struct kb_rule *r, int n, rule_mask live, nf_triage l, unsigned rel,
			 int leaves, unsigned char *lev)
{
	if (lk->single) {
		for (int o = 0; o < leaves; o++) {
			lk->hyp_o[0] = o;
			lev[o] = (unsigned char)rules_level(lk, r, n, live, l);
		}
		lk->hyp_o[0] = 0;
		return;
	}
	unsigned sub = 0;
	do {
		for (int k = 0; k < lk->nhyp; k++)
			lk->hyp_o[k] = (int)(sub >> k & 1);
		lev[sub] = (unsigned char)rules_level(lk, r, n, live, l);
		sub = (sub - rel) & rel;
	} while (sub);
	for (int k = 0; k < lk->nhyp; k++)
		lk->hyp_o[k] = 0;
	for (int b = 0; b < leaves; b++)
		lev[b] = lev[(unsigned)b & rel];
}

/* Leaves of a checklist's tree: one per yes/no answer of its up to NF_MAX_CHECKLIST items. */
#define LEAVES (1 << NF_MAX_CHECKLIST)

/* A checklist's outcome tree as list_expand leaves it, for list_change. */
struct list_tree {
	size_t n, fs[NF_MAX_CHECKLIST];
	double pk[NF_MAX_CHECKLIST][2][NF_MAX_CONDITIONS]; /* P(item k = o | kept condition i) */
	int pos[LEAVES];                                   /* each leaf's place in DFS order */
	int npruned;                                       /* branches cut short under BRANCH_FLOOR */
	struct {
		unsigned char node, depth;
	} pruned[LEAVES];
};

/* The look-ahead's working memory, part of the engine's allocation (a step allocates nothing). */
struct scratch {
	struct list_tree list;                /* the last checklist enumerated */
	rule_mask glive;                      /* the rules for every cause that can still hold */
	double mass[LEAVES];                  /* P(outcome) of each branch */
	double m[NF_TRIAGE_LEVELS][LEAVES];   /* of it, the mass of the causes needing each level */
	double th[LEAVES], tc[LEAVES];        /* each leaf's P log P and share of change, in DFS order */
	int top[LEAVES];                      /* the leading cause on each leaf */
	unsigned char alive[LEAVES];          /* branch still to be accounted */
	unsigned char lev[NF_MAX_CONDITIONS][LEAVES]; /* touched conditions: nf_triage on each leaf */
	double *acc;                          /* [ncols]: P(O) and H(O|C) by column of nf_kb.cols */
	double *plog;                         /* [ncols]: acc's P log P (0 where acc is not above 0) */
	double tree[];                        /* [condition kept][LEAVES]: P(outcome, condition) */
};

static size_t scratch_size(const nf_kb *kb)
{
	return sizeof(struct scratch) + ((size_t)kb->ncond * LEAVES + 2 * (size_t)kb->ncols) * sizeof(double);
}

/* Prepares the overlay for a screen of findings fs[0..n) and, for each condition kept that has a
 * rule on one of them, its level on each of the leaves [0, leaves): the highest of its own level
 * and those of the rules that hold, so the higher of what its own rules give (the same on every
 * leaf when they do not name the screen's findings) and what the rules for every cause give, which
 * are worked out once for all conditions. */
static void look_screen(struct look *lk, const size_t *fs, size_t n, bool single, int leaves)
{
	const nf_kb *kb = lk->kb;
	uint64_t ruled = 0;
	unsigned char shared[LEAVES];
	bool shared_done = false;
	hyp_set(lk, fs, n);
	lk->single = single;
	lk->any_touch = lk->rf_touch = false;
	for (size_t k = 0; k < n; k++) {
		lk->rf_touch |= kb->find[fs[k]].red_flag >= 0;
		ruled |= kb->find[fs[k]].rule_conds;
	}
	/* A live rule for every cause that names the screen can move every condition's level. */
	rule_mask glive = lk->w->glive;
	unsigned grel = rule_findings(lk, kb->global, kb->nglobal, glive);
	if (grel)
		ruled = ~UINT64_C(0);
	for (int i = 0; i < lk->n; i++) {
		lk->touch[i] = ruled >> lk->idx[i] & 1;
		lk->any_touch |= lk->touch[i];
		if (!lk->touch[i])
			continue;
		const struct kb_condition *cd = &kb->cond[lk->idx[i]];
		unsigned char *lev = lk->w->lev[i];
		unsigned rel = rule_findings(lk, cd->rule, cd->nrules, ALL_RULES);
		if (!shared_done) {
			rules_levels(lk, kb->global, kb->nglobal, glive, NF_SELF_CARE, grel, leaves, shared);
			shared_done = true;
		}
		if (rel) {
			rules_levels(lk, cd->rule, cd->nrules, ALL_RULES, cd->triage, rel, leaves, lev);
		} else {
			nf_triage own = rules_level(lk, cd->rule, cd->nrules, ALL_RULES, cd->triage);
			memset(lev, own, (size_t)leaves);
		}
		for (int b = 0; b < leaves; b++)
			lev[b] = shared[b] > lev[b] ? shared[b] : lev[b];
		for (int o = leaves; single && o < NF_MAX_VALUES; o++)
			lev[o] = (unsigned char)lk->level[i]; /* the vectors' padding */
	}
}

/* The natural logarithm to about 1e-9 relative error, several times faster than log(): a step
 * takes one per possible answer of every screen (hundreds), and the choice of question does not
 * need libm's last bit. x = m * 2^k with m in [sqrt(1/2), sqrt(2)); log m = 2 atanh(z) with
 * z = (m - 1) / (m + 1), |z| < 0.172, summed to z^9. The split of a normal number is read from its
 * bits (what frexp() returns, without the call). */
static double fast_log(double x)
{
	int k;
	double m;
	uint64_t b;
	memcpy(&b, &x, sizeof b);
	unsigned ex = (unsigned)(b >> 52 & 0x7ff);
	if (ex == 0 || ex == 0x7ff) {
		m = frexp(x, &k); /* m in [0.5, 1) */
	} else {
		k = (int)ex - 1022;
		b = (b & ~(UINT64_C(0x7ff) << 52)) | (UINT64_C(1022) << 52);
		memcpy(&m, &b, sizeof m);
	}
	if (m < M_SQRT1_2) {
		m *= 2;
		k--;
	}
	double z = (m - 1) / (m + 1), z2 = z * z;
	double s = z * (2 + z2 * (2.0 / 3 + z2 * (2.0 / 5 + z2 * (2.0 / 7 + z2 * (2.0 / 9)))));
	return s + k * M_LN2;
}

/* The outcome of the screen's k-th finding on leaf `node`. */
static int hyp_outcome(const struct look *lk, int k, int node)
{
	return lk->single ? node : node >> k & 1;
}

/* How much leaf `node`, of probability po with masses m[] of the causes needing each level and
 * leading cause top, counts as changing the conclusion: 0 if it changes neither the leading cause
 * nor the triage, NF_EMERGENCY_WEIGHT if it raises the triage to emergency, else 1. */
static double leaf_changes(const struct look *lk, int node, double po, const double *m, int top)
{
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
		const struct kb_finding *f = &lk->kb->find[lk->hyp_f[k]];
		if (f->red_flag > (int)floor && hyp_outcome(lk, k, node) == f->red_flag_value)
			floor = (nf_triage)f->red_flag;
	}
	if (t < floor)
		t = floor;
	if (t == NF_EMERGENCY && lk->now < NF_EMERGENCY)
		return NF_EMERGENCY_WEIGHT;
	/* Another form of the leading condition taking the lead changes nothing that is said. */
	const struct kb_condition *cd = lk->kb->cond;
	bool leader = top != lk->top && (top < 0 || cd[lk->idx[top]].parent != cd[lk->idx[lk->top]].parent);
	return leader || t != lk->now;
}

/* The level of kept condition i on leaf `node`. */
static nf_triage leaf_level(const struct look *lk, int i, int node)
{
	return lk->any_touch && lk->touch[i] ? (nf_triage)lk->w->lev[i][node] : lk->level[i];
}

/* Accounts one leaf, `node` of the tree, at DFS position pos: its P log P into th and, when it
 * changes the conclusion, its probability into tc. */
static void leaf_one(struct look *lk, int node, int pos, bool gain, bool change)
{
	struct scratch *w = lk->w;
	const double *J = w->tree + node;
	double po = 0, m[NF_TRIAGE_LEVELS] = {0};
	int top = 0;
	if (!change) {
		po = w->mass[node]; /* the same sum, taken when the branch was made */
		if (po > 0 && gain)
			w->th[pos] = po * fast_log(po);
		return;
	}
	for (int i = 0; i < lk->n; i++) {
		double x = J[i * LEAVES];
		po += x;
		m[leaf_level(lk, i, node)] += x;
		if (x > J[top * LEAVES])
			top = i;
	}
	if (po <= 0)
		return;
	if (gain)
		w->th[pos] = po * fast_log(po);
	if (change)
		w->tc[pos] = po * leaf_changes(lk, node, po, m, top);
}

/* For leaves [0, nodes) (a multiple of 4) of the tree: the mass of the causes needing each level
 * into w->m, and into w->top the leading cause now where it stays the leader, else -1. Four leaves
 * a lane each, the causes summed in order, so that each lane has the scalar sum's bits. The leader
 * stays lk->top (the first of the largest) when its probability is above every earlier cause's
 * and at least every later one's, and only the causes marked as rivals can reach it on some leaf. */
WIDE static void leaf_masses(const struct look *lk, int nodes)
{
	struct scratch *w = lk->w;
	const double *J = w->tree;
	for (int v = 0; v < nodes; v += 4) {
		const double *t = J + v;
		v4d z = SPLAT4(0), m1 = z, m2 = z, m3 = z;
		v4d lo = SPLAT4(-1), hi = lo, mine = LD4(J + lk->top * LEAVES + v);
		for (int i = 0; i < lk->n; i++, t += LEAVES) {
			v4d x = LD4(t);
			if (lk->rival[i] && i < lk->top)
				lo = MAX4(lo, x);
			else if (lk->rival[i] && i > lk->top)
				hi = MAX4(hi, x);
			if (lk->any_touch && lk->touch[i]) {
				const unsigned char *lev = w->lev[i] + v;
				v4i l = {lev[0], lev[1], lev[2], lev[3]};
				m1 += (v4d)((v4i)x & (l == 1));
				m2 += (v4d)((v4i)x & (l == 2));
				m3 += (v4d)((v4i)x & (l == 3));
				continue;
			}
			switch (lk->level[i]) {
			case NF_SELF_CARE:
				break;
			case NF_ROUTINE:
				m1 += x;
				break;
			case NF_URGENT:
				m2 += x;
				break;
			case NF_EMERGENCY:
				m3 += x;
				break;
			}
		}
		ST4(w->m[1] + v, m1);
		ST4(w->m[2] + v, m2);
		ST4(w->m[3] + v, m3);
		v4i same = (mine > lo) & (mine >= hi);
		for (int k = 0; k < 4; k++)
			w->top[v + k] = same[k] ? lk->top : -1;
	}
}

/* Accounts the live leaves [0, nodes) of the tree, whose probabilities are in w->mass: the same
 * figures as leaf_one, the sums four leaves at a time (leaf_masses). pos(node) is the leaf's DFS
 * position. */
static void leaves_all(struct look *lk, int nodes, const int *pos, bool gain, bool change)
{
	struct scratch *w = lk->w;
	if (change && nodes < 4) {
		for (int node = 0; node < nodes; node++)
			if (w->alive[node])
				leaf_one(lk, node, pos[node], gain, change);
		return;
	}
	if (change)
		leaf_masses(lk, nodes);
	for (int node = 0; node < nodes; node++) {
		double po = w->mass[node];
		if (!w->alive[node] || po <= 0)
			continue;
		if (gain)
			w->th[pos[node]] = po * fast_log(po);
		double m[NF_TRIAGE_LEVELS] = {0, w->m[1][node], w->m[2][node], w->m[3][node]};
		if (change)
			w->tc[pos[node]] = po * leaf_changes(lk, node, po, m, w->top[node]);
	}
}

/* Marks the kept causes that could overtake the leading one on some leaf of a screen: bound[i] is
 * post[i] times, for each of the screen's answers, the largest P(answer | i) / P(answer | top). A
 * cause whose bound stays under the leader's probability, with a margin far above rounding, cannot
 * reach it on any leaf, and the leaves need not compare it. */
static void find_rivals(struct look *lk, const double *bound)
{
	const struct kb_condition *cd = lk->kb->cond;
	for (int i = 0; i < lk->n; i++)
		lk->rival[i] = i != lk->top && !(bound[i] < lk->post[lk->top] * (1 - 1e-9)) &&
			       cd[lk->idx[i]].parent != cd[lk->idx[lk->top]].parent;
}

/* The largest ratio P(o | i) / P(o | top) over the outcomes o of one answer; p(i, o) gives P. */
static double max_ratio(const double *pi, const double *pt, int nout)
{
	double num = 0, den = 1;
	for (int o = 0; o < nout; o++) {
		if (pt[o] <= 0) {
			if (pi[o] > 0)
				return INFINITY;
			continue;
		}
		if (pi[o] * den > num * pt[o]) {
			num = pi[o];
			den = pt[o];
		}
	}
	return num / den;
}

/* Bounds on the share of a leaf's probability held by the kept causes marked in `in`, over every
 * leaf of a screen of n answers (q as for screen_fixed): each answer multiplies the group's odds
 * by at least the smallest and at most the largest ratio of a member's likelihood to an
 * outsider's. */
static void share_bounds(const struct look *lk, const double *q, size_t n, int nout, const bool *in,
			 double *smin, double *smax)
{
	double pg = 0, pc = 0, lo = 1, hi = 1;
	for (int i = 0; i < lk->n; i++) {
		if (in[i])
			pg += lk->post[i];
		else
			pc += lk->post[i];
	}
	if (pg <= 0 || pc <= 0) {
		*smin = *smax = pg > 0;
		return;
	}
	for (size_t k = 0; k < n; k++) {
		double rlo = INFINITY, rhi = 0;
		for (int o = 0; o < nout; o++) {
			const double *qo = q + (k * (size_t)nout + (size_t)o) * NF_MAX_CONDITIONS;
			double gmin = INFINITY, gmax = 0, cmin = INFINITY, cmax = 0;
			for (int i = 0; i < lk->n; i++) {
				if (in[i]) {
					gmin = qo[i] < gmin ? qo[i] : gmin;
					gmax = qo[i] > gmax ? qo[i] : gmax;
				} else {
					cmin = qo[i] < cmin ? qo[i] : cmin;
					cmax = qo[i] > cmax ? qo[i] : cmax;
				}
			}
			if (cmin <= 0) {
				*smin = 0;
				*smax = 1;
				return;
			}
			rlo = gmin / cmax < rlo ? gmin / cmax : rlo;
			rhi = gmax / cmin > rhi ? gmax / cmin : rhi;
		}
		lo *= rlo;
		hi *= rhi;
	}
	double odds = pg / pc;
	*smin = odds * lo / (1 + odds * lo);
	*smax = odds * hi / (1 + odds * hi);
}

/* Whether no leaf of a screen can change the conclusion, so that its chance of change is 0 without
 * enumerating it. The screen fs has n answers of nout outcomes each (a single finding, or a
 * checklist's yes/no items), q[(k * nout + o) * NF_MAX_CONDITIONS + i] being P(answer k = o | kept
 * condition i). A leaf keeps the leading cause when no cause can overtake it (find_rivals). Its
 * level is the highest whose threshold the share of the causes needing at least that level
 * reaches; a cause with a rule on the screen's findings is counted in that group on the leaves
 * where its rules reach the level, so the share lies between the shares of the causes that reach
 * it on every leaf and of those that reach it on some (share_bounds). When each threshold lies
 * outside those bounds, with a margin far above rounding, every leaf has the level they give. A
 * leaf cut short in a checklist's tree lacks some answers, whose ratios span 1, so the bounds hold
 * for it too. Red-flag screens are left to the enumeration. */
static bool screen_fixed(struct look *lk, const size_t *fs, size_t n, const double *q, int nout)
{
	const nf_kb *kb = lk->kb;
	for (size_t k = 0; k < n; k++)
		if (kb->find[fs[k]].red_flag >= 0)
			return false;
	double bound[NF_MAX_CONDITIONS];
	for (int i = 0; i < lk->n; i++) {
		bound[i] = lk->post[i];
		for (size_t k = 0; k < n; k++) {
			double a[NF_MAX_VALUES], t[NF_MAX_VALUES];
			for (int o = 0; o < nout; o++) {
				a[o] = q[(k * (size_t)nout + (size_t)o) * NF_MAX_CONDITIONS + (size_t)i];
				t[o] =
				    q[(k * (size_t)nout + (size_t)o) * NF_MAX_CONDITIONS + (size_t)lk->top];
			}
			bound[i] *= max_ratio(a, t, nout);
		}
	}
	find_rivals(lk, bound);
	for (int i = 0; i < lk->n; i++)
		if (lk->rival[i])
			return false;
	/* The lowest and highest level of each cause over the leaves. */
	int leaves = n == 1 ? nout : 1 << n;
	nf_triage lmin[NF_MAX_CONDITIONS], lmax[NF_MAX_CONDITIONS];
	look_screen(lk, fs, n, n == 1, leaves);
	for (int i = 0; i < lk->n; i++) {
		lmin[i] = lmax[i] = lk->level[i];
		if (!lk->touch[i])
			continue;
		lmin[i] = lmax[i] = (nf_triage)lk->w->lev[i][0];
		for (int b = 1; b < leaves; b++) {
			nf_triage l = (nf_triage)lk->w->lev[i][b];
			lmin[i] = l < lmin[i] ? l : lmin[i];
			lmax[i] = l > lmax[i] ? l : lmax[i];
		}
	}
	nf_triage t = NF_SELF_CARE;
	for (int l = NF_EMERGENCY; l >= NF_ROUTINE; l--) {
		double thr = lk->thr[l], smin, smax, unused;
		bool surely[NF_MAX_CONDITIONS], maybe[NF_MAX_CONDITIONS];
		if (thr <= 0 || thr >= 1)
			return false;
		for (int i = 0; i < lk->n; i++) {
			surely[i] = lmin[i] >= (nf_triage)l;
			maybe[i] = lmax[i] >= (nf_triage)l;
		}
		share_bounds(lk, q, n, nout, surely, &smin, &unused);
		share_bounds(lk, q, n, nout, maybe, &unused, &smax);
		if (smin > thr * (1 + 1e-9)) {
			t = (nf_triage)l;
			break;
		}
		if (!(smax < thr * (1 - 1e-9)))
			return false;
	}
	if (t < lk->floor)
		t = lk->floor;
	return t == lk->now;
}

/* Sums the leaves' terms in DFS order (the order of the plain recursion, so that the sums are the
 * same to the last bit): returns H(O) and sets lk->change. */
static double leaves_sum(struct look *lk, int nodes)
{
	const struct scratch *w = lk->w;
	double hO = 0, change = 0;
	for (int p = 0; p < nodes; p++) {
		hO -= w->th[p];
		change += w->tc[p];
	}
	lk->change = change;
	return hO;
}

static void leaves_clear(struct look *lk, int nodes)
{
	memset(lk->w->th, 0, (size_t)nodes * sizeof(double));
	memset(lk->w->tc, 0, (size_t)nodes * sizeof(double));
}

/* H(O|C) of a finding (for a set: of one of its values) over the kept conditions. */
static double cond_entropy(const struct look *lk, const struct kb_finding *f, int v)
{
	return lk->w->acc[f->hcol + v];
}

/* The gain alone of a single finding (for a set, of its value v as a yes/no), without the chance
 * of change, from the column sums: one logarithm per outcome. */
static double gain_only(const struct look *lk, const struct kb_finding *f, int v)
{
	const double *acc = lk->w->acc + f->col;
	double hO = 0;
	if (f->type == NF_SET) {
		double yes = acc[v];
		if (yes > 0 && yes < 1)
			hO = -yes * fast_log(yes) - (1 - yes) * fast_log(1 - yes);
		return hO - cond_entropy(lk, f, v);
	}
	const double *plog = lk->w->plog + f->col;
	for (int o = 0; o < f->nout; o++)
		if (acc[o] > 0)
			hO -= plog[o];
	return hO - cond_entropy(lk, f, 0);
}

/* acc[0..16) = sum over i < n, in order, of post[i] * row[i][j..j+16). */
WIDE static void column_block(const double *const *row, const double *post, int n, int j, double *acc)
{
	v4d a0 = SPLAT4(0), a1 = a0, a2 = a0, a3 = a0;
	for (int i = 0; i < n; i++) {
		v4d w = SPLAT4(post[i]);
		const double *r = row[i] + j;
		a0 += w * LD4(r);
		a1 += w * LD4(r + 4);
		a2 += w * LD4(r + 8);
		a3 += w * LD4(r + 12);
	}
	ST4(acc, a0);
	ST4(acc + 4, a1);
	ST4(acc + 8, a2);
	ST4(acc + 12, a3);
}

/* plog[0..16) = acc * fast_log(acc) where acc is above 0, else 0: fast_log's operations in its
 * order, four lanes at a time, so that each figure has the same bits as the scalar one (which
 * takes the lanes holding a subnormal, an infinity or a NaN). The gains need one per outcome of
 * every screen, the bulk of a step's logarithms. */
WIDE static void column_plogs(const double *acc, double *plog)
{
	for (int c = 0; c < 16; c += 4) {
		v4d x = LD4(acc + c), m;
		v4i b, mb;
		memcpy(&b, &x, sizeof b);
		v4i ex = b >> 52 & 0x7ff, k = ex - 1022;
		mb = (b & ~(INT64_C(0x7ff) << 52)) | INT64_C(1022) << 52;
		memcpy(&m, &mb, sizeof m);
		v4i small = m < SPLAT4(M_SQRT1_2);
		m = (v4d)(((v4i)(m * 2) & small) | ((v4i)m & ~small));
		k += small; /* -1 where small */
		v4d z = (m - 1) / (m + 1), z2 = z * z;
		v4d sum = z * (2 + z2 * (2.0 / 3 + z2 * (2.0 / 5 + z2 * (2.0 / 7 + z2 * (2.0 / 9)))));
		v4d r = x * (sum + __builtin_convertvector(k, v4d) * M_LN2);
		v4i pos = x > SPLAT4(0), odd = ((ex == 0) | (ex == 0x7ff)) & pos;
		r = (v4d)((v4i)r & pos);
		if (odd[0] | odd[1] | odd[2] | odd[3])
			for (int i = 0; i < 4; i++)
				if (odd[i])
					r[i] = x[i] * fast_log(x[i]);
		ST4(plog + c, r);
	}
}

/* P(O) and H(O|C) of every finding at once: acc[col] = sum over kept conditions i, in order, of
 * post[i] * cols[idx[i]][col], for the blocks of 16 columns marked in need (those of the findings
 * still to ask). */
static void column_sums(struct look *lk, const bool *need)
{
	const nf_kb *kb = lk->kb;
	double *acc = lk->w->acc;
	int nc = kb->ncols;
	const double *row[NF_MAX_CONDITIONS];
	for (int i = 0; i < lk->n; i++)
		row[i] = kb->cols + (size_t)lk->idx[i] * (size_t)nc;
	for (int j = 0; j < nc; j += 16)
		if (need[j / 16]) {
			column_block(row, lk->post, lk->n, j, acc + j);
			column_plogs(acc + j, lk->w->plog + j);
		}
}

/* The chance of change of a single finding (bool, enum or number): one leaf per outcome. */
static void look_single(struct look *lk, const struct kb_finding *f)
{
	struct scratch *w = lk->w;
	w->list.n = 0; /* the checklist tree kept for list_change is overwritten */
	int nodes = (f->nout + 3) & ~3, pos[NF_MAX_VALUES];
	for (int o = 0; o < nodes; o++) {
		w->mass[o] = 0;
		w->alive[o] = o < f->nout;
		pos[o] = o;
	}
	for (int i = 0; i < lk->n; i++) {
		/* p[c][o] is 0 past the finding's outcomes, so the padding's joints are 0. */
		const double *p = f->p[lk->idx[i]];
		double *J = w->tree + i * LEAVES;
		v2d post = SPLAT2(lk->post[i]);
		for (int o = 0; o < nodes; o += 2) {
			v2d x = post * LD2(p + o);
			ST2(J + o, x);
			ST2(w->mass + o, LD2(w->mass + o) + x);
		}
	}
	double bound[NF_MAX_CONDITIONS];
	for (int i = 0; i < lk->n; i++)
		bound[i] = lk->post[i] * max_ratio(f->p[lk->idx[i]], f->p[lk->idx[lk->top]], f->nout);
	find_rivals(lk, bound);
	leaves_clear(lk, nodes);
	leaves_all(lk, nodes, pos, false, true);
	leaves_sum(lk, nodes);
}

/* A set finding's outcomes are every subset of its values: too many to enumerate. Its gain is
 * taken as the sum of its values' gains, each asked as yes/no; that over-counts what values
 * share, which only brings the question forward, where "where is it" belongs anyway. Its chance
 * of change is its likeliest-changing value's. */
static void look_set(struct look *lk, const struct kb_finding *f)
{
	struct scratch *w = lk->w;
	w->list.n = 0; /* the checklist tree kept for list_change is overwritten */
	double change = 0;
	int pos[2] = {0, 1};
	hyp_set(lk, NULL, 0); /* no rule or red flag can name a set finding */
	lk->any_touch = lk->rf_touch = false;
	lk->single = true;
	for (int i = 0; i < lk->n; i++)
		lk->rival[i] = i != lk->top;
	w->alive[0] = w->alive[1] = 1;
	for (int v = 0; v < f->nvalues; v++) {
		w->mass[0] = w->mass[1] = 0;
		for (int i = 0; i < lk->n; i++) {
			double p = f->p[lk->idx[i]][v], *J = w->tree + i * LEAVES;
			J[0] = lk->post[i] * (1 - p);
			J[1] = lk->post[i] * p;
			w->mass[0] += J[0];
			w->mass[1] += J[1];
		}
		leaves_clear(lk, 2);
		leaves_all(lk, 2, pos, false, true);
		leaves_sum(lk, 2);
		if (lk->change > change)
			change = lk->change;
	}
	lk->change = change;
}

/* Below this probability a branch of a checklist's outcome tree is taken as one outcome: its
 * share of H(O) and of the chance of change is under 1e-7. */
#define BRANCH_FLOOR 1e-6

/* Bit k of i as bit NF_MAX_CHECKLIST - 1 - k: a leaf's place in the depth-first order. */
#define R2(n) n, n + 2 * 64, n + 1 * 64, n + 3 * 64
#define R4(n) R2(n), R2(n + 2 * 16), R2(n + 1 * 16), R2(n + 3 * 16)
#define R6(n) R4(n), R4(n + 2 * 4), R4(n + 1 * 4), R4(n + 3 * 4)
static const unsigned char reversed[LEAVES] = {R6(0), R6(2), R6(1), R6(3)};
#undef R2
#undef R4
#undef R6

/* Builds the outcome tree of the checklist screen fs[0..n) (struct list_tree) and, when `gain`,
 * puts each leaf's P log P in th. The joint yes/no outcomes are enumerated a level of the tree at a
 * time: branch b at depth d has item k's answer in bit k, and its probabilities under the kept
 * conditions are in tree[i][b]; its children are b (no) and b + 2^d (yes), so a level is built in
 * place, wide across branches. A branch under BRANCH_FLOOR is a leaf where it stands (its items
 * still to come taken as no), as in a depth-first walk that stops there; each leaf's terms are
 * kept at its place in that walk's order (item 0 the most significant) and summed in it. */
/* One level of the tree, nodes (a multiple of 8) branches wide: children b (no, in place) and
 * b + nodes (yes) of every branch, tree[i][.] times P(item = no | i) and P(item = yes | i), and
 * their masses summed over the conditions i < n in order. */
WIDE static void expand_level(double *tree, double *mass, const double *p0, const double *p1, int n,
			      int nodes)
{
	for (int b = 0; b < nodes; b += 8) {
		v4d m0 = SPLAT4(0), m1 = m0, n0 = m0, n1 = m0;
		double *t = tree + b;
		for (int i = 0; i < n; i++, t += LEAVES) {
			v4d q0 = SPLAT4(p0[i]), q1 = SPLAT4(p1[i]);
			v4d x = LD4(t), z = LD4(t + 4);
			v4d y0 = x * q0, y1 = x * q1, u0 = z * q0, u1 = z * q1;
			ST4(t, y0);
			ST4(t + 4, u0);
			ST4(t + nodes, y1);
			ST4(t + nodes + 4, u1);
			m0 += y0;
			n0 += u0;
			m1 += y1;
			n1 += u1;
		}
		ST4(mass + b, m0);
		ST4(mass + b + 4, n0);
		ST4(mass + b + nodes, m1);
		ST4(mass + b + nodes + 4, n1);
	}
}

static void list_expand(struct look *lk, const size_t *fs, size_t n, bool gain)
{
	const nf_kb *kb = lk->kb;
	struct scratch *w = lk->w;
	struct list_tree *lt = &w->list;
	int leaves = 1 << n;
	lt->n = n;
	lt->npruned = 0;
	memcpy(lt->fs, fs, n * sizeof *fs);
	for (size_t k = 0; k < n; k++) {
		const struct kb_finding *f = &kb->find[fs[k]];
		for (int i = 0; i < lk->n; i++) {
			lt->pk[k][0][i] = f->p[lk->idx[i]][0];
			lt->pk[k][1][i] = f->p[lk->idx[i]][1];
		}
	}
	for (int b = 0; b < leaves; b++)
		lt->pos[b] = reversed[b] >> (NF_MAX_CHECKLIST - n);
	leaves_clear(lk, leaves);
	for (int i = 0; i < lk->n; i++)
		w->tree[i * LEAVES] = lk->post[i];
	w->mass[0] = 1;
	w->alive[0] = 1;
	for (size_t d = 0; d < n; d++) {
		int nodes = 1 << d;
		const double(*pk)[NF_MAX_CONDITIONS] = lt->pk[d];
		for (int b = 0; b < nodes; b++) {
			if (w->alive[b] && w->mass[b] < BRANCH_FLOOR) {
				if (gain && w->mass[b] > 0)
					w->th[lt->pos[b]] = w->mass[b] * fast_log(w->mass[b]);
				lt->pruned[lt->npruned].node = (unsigned char)b;
				lt->pruned[lt->npruned++].depth = (unsigned char)d;
				w->alive[b] = 0;
			}
		}
		/* Children b + nodes (yes) and b (no, in place), their masses summed over the conditions
		 * in order. */
		memcpy(w->alive + nodes, w->alive, (size_t)nodes);
		if (nodes == 1) {
			double m0 = 0, m1 = 0;
			for (int i = 0; i < lk->n; i++) {
				double *t = w->tree + i * LEAVES;
				m1 += t[1] = t[0] * pk[1][i];
				m0 += t[0] = t[0] * pk[0][i];
			}
			w->mass[0] = m0;
			w->mass[1] = m1;
			continue;
		}
		if (nodes >= 8) {
			expand_level(w->tree, w->mass, pk[0], pk[1], lk->n, nodes);
			continue;
		}
		for (int b = 0; b < nodes; b += 2) {
			v2d m0 = SPLAT2(0), m1 = m0;
			double *t = w->tree + b;
			for (int i = 0; i < lk->n; i++, t += LEAVES) {
				v2d x = LD2(t), y0 = x * SPLAT2(pk[0][i]), y1 = x * SPLAT2(pk[1][i]);
				ST2(t, y0);
				ST2(t + nodes, y1);
				m0 += y0;
				m1 += y1;
			}
			ST2(w->mass + b, m0);
			ST2(w->mass + b + nodes, m1);
		}
	}
	for (int b = 0; gain && b < leaves; b++)
		if (w->alive[b] && w->mass[b] > 0)
			w->th[lt->pos[b]] = w->mass[b] * fast_log(w->mass[b]);
}

/* Puts the share of change of each leaf of the tree list_expand built in tc. A leaf cut short at
 * depth d has its probabilities computed again, the same products in the same order, into its own
 * column, which the levels below it overwrote. */
static void list_change(struct look *lk)
{
	struct scratch *w = lk->w;
	struct list_tree *lt = &w->list;
	size_t n = lt->n;
	double bound[NF_MAX_CONDITIONS];
	for (int i = 0; i < lk->n; i++) {
		bound[i] = lk->post[i];
		for (size_t k = 0; k < n; k++) {
			double a[2] = {lt->pk[k][0][i], lt->pk[k][1][i]};
			double t[2] = {lt->pk[k][0][lk->top], lt->pk[k][1][lk->top]};
			bound[i] *= max_ratio(a, t, 2);
		}
	}
	find_rivals(lk, bound);
	look_screen(lk, lt->fs, n, false, 1 << n);
	memset(w->tc, 0, sizeof(double) << n);
	for (int p = 0; p < lt->npruned; p++) {
		int b = lt->pruned[p].node, d = lt->pruned[p].depth;
		for (int i = 0; i < lk->n; i++) {
			double x = lk->post[i];
			for (int k = 0; k < d; k++)
				x = x * lt->pk[k][b >> k & 1][i];
			w->tree[i * LEAVES + b] = x;
		}
		leaf_one(lk, b, lt->pos[b], false, true);
	}
	leaves_all(lk, 1 << n, lt->pos, false, true);
}

/* The gain (when `gain`) and the chance of change (when `change`, into lk->change) of a checklist
 * of the bool findings fs[0..n). */
static double look_list(struct look *lk, const size_t *fs, size_t n, bool gain, bool change)
{
	double hc = 0;
	for (size_t k = 0; k < n; k++)
		hc += cond_entropy(lk, &lk->kb->find[fs[k]], 0);
	list_expand(lk, fs, n, gain);
	if (change)
		list_change(lk);
	return leaves_sum(lk, 1 << n) - hc;
}

/* An upper bound on the gain of the checklist fs[0..n), tighter than the sum of its items' gains:
 * by the chain rule, with the items independent given the cause, the gain of the whole is at most
 * that of its BOUND_ITEMS most informative items together (their 2^BOUND_ITEMS answers
 * enumerated) plus the others' gains alone. Exact arithmetic keeps the true gain under it; the
 * caller leaves a margin far above the rounding of both. */
#define BOUND_ITEMS 4
static double list_bound(const struct look *lk, const size_t *fs, size_t n)
{
	const nf_kb *kb = lk->kb;
	double g[NF_MAX_CHECKLIST], bound = 0, hO = 0;
	int top[BOUND_ITEMS], m = 0;
	for (size_t k = 0; k < n; k++)
		g[k] = gain_only(lk, &kb->find[fs[k]], 0);
	/* The most informative items, the rest counted alone. */
	bool in[NF_MAX_CHECKLIST] = {false};
	for (; m < BOUND_ITEMS && (size_t)m < n; m++) {
		int b = -1;
		for (size_t k = 0; k < n; k++)
			if (!in[k] && (b < 0 || g[k] > g[b]))
				b = (int)k;
		in[b] = true;
		top[m] = b;
	}
	for (size_t k = 0; k < n; k++)
		bound += in[k] ? -cond_entropy(lk, &kb->find[fs[k]], 0) : g[k];
	for (int leaf = 0; leaf < 1 << m; leaf++) {
		double po = 0;
		for (int i = 0; i < lk->n; i++) {
			double x = lk->post[i];
			for (int k = 0; k < m; k++)
				x *= kb->find[fs[top[k]]].p[lk->idx[i]][leaf >> k & 1];
			po += x;
		}
		if (po > 0)
			hO -= po * fast_log(po);
	}
	return bound + hO;
}

static bool askable(const nf_engine *e, int f)
{
	return e->state[f] == NF_UNASKED && e->allowed[f] && !engine_unless_holds(e, &e->kb->find[f].not_asked_when);
}

/* Whether rule r names finding f, in its `if` or its `unless`. */
static bool rule_names(const struct kb_rule *r, size_t f)
{
	for (int t = 0; t < r->nterms; t++)
		if (r->term[t].finding == (int)f)
			return true;
	for (int t = 0; t < r->unless.n; t++)
		if (r->unless.term[t].finding == (int)f)
			return true;
	return false;
}

/* Whether finding f's answer can move a cause that needs emergency care now: it has its own
 * likelihood for such a cause, or a rule that can raise a cause to emergency names it. */
static bool bears_on_emergency(const nf_engine *e, size_t f)
{
	const nf_kb *kb = e->kb;
	for (int c = 0; c < kb->ncond; c++) {
		if (e->level[c] == NF_EMERGENCY && kb->find[f].listed[c])
			return true;
		for (int r = 0; r < kb->cond[c].nrules; r++)
			if (kb->cond[c].rule[r].to == NF_EMERGENCY && rule_names(&kb->cond[c].rule[r], f))
				return true;
	}
	for (int r = 0; r < kb->nglobal; r++)
		if (kb->global[r].to == NF_EMERGENCY && rule_names(&kb->global[r], f))
			return true;
	return false;
}

/* Whether finding f is asked before the interview stops, whatever the look-ahead says: the knowledge
 * base's "always" findings, and in clinician mode the examination and test screens, which the
 * clinician has at hand and the result otherwise listed as "not asked" with no way to enter them
 * (an outside read: a doctor with the whole neurological and pulse examination was offered one
 * examination screen). */
static bool asked_before_stopping(const nf_engine *e, size_t f)
{
	const struct kb_finding *fd = &e->kb->find[f];
	return fd->always || (e->mode == NF_MODE_CLINICIAN && fd->clinician && fd->checklist >= 0);
}

/* Asks finding f, whole checklist and all, to complete or spare a rule for every cause. */
static bool ask_to_complete(const nf_engine *e, const bool *ask, int f, nf_question *q)
{
	const nf_kb *kb = e->kb;
	int k = kb->find[f].checklist;
	if (k < 0) {
		q->finding[q->n++] = (size_t)f;
	} else {
		for (int j = 0; j < kb->list[k].n; j++)
			if (ask[kb->list[k].finding[j]])
				q->finding[q->n++] = (size_t)kb->list[k].finding[j];
		q->checklist = k;
	}
	q->change = 1;
	q->completes = true;
	return true;
}

/* Whether alternative a of rule r's unless can no longer hold: one of its terms is answered and
 * does not hold. */
static bool unless_alt_failed(const nf_engine *e, const struct kb_rule *r, int a)
{
	for (int t = 0; t < r->unless.n; t++)
		if (r->unless.alt[t] == a && e->state[r->unless.term[t].finding] == NF_ANSWERED &&
		    !term_holds(e, &r->unless.term[t]))
			return true;
	return false;
}

bool nf_engine_next(nf_engine *e, nf_question *q)
{
	const nf_kb *kb = e->kb;
	memset(q, 0, sizeof *q);
	q->checklist = -1;
	update(e);
	/* Which findings may be asked, read once: each screen loop below needs it. */
	bool ask[NF_MAX_FINDINGS];
	for (int f = 0; f < kb->nfind; f++)
		ask[f] = askable(e, f);

	/* Red-flag screens come first, whatever the probabilities: they must never wait. */
	for (int k = 0; k < kb->nlist; k++) {
		const struct kb_checklist *l = &kb->list[k];
		if (!l->red_flags)
			continue;
		for (int i = 0; i < l->n; i++)
			if (ask[l->finding[i]])
				q->finding[q->n++] = (size_t)l->finding[i];
		if (q->n) {
			q->checklist = k;
			q->change = 1;
			return true;
		}
	}
	if (e->screens >= NF_MAX_SCREENS)
		return false;
	/* Then the one answer that would complete a rule for every cause raising the level (a cold or
	 * pale foot, once numbness has not come back hours after a run; how many weeks, once new
	 * weakness is getting worse in both feet): the warning it completes must not wait behind the
	 * questions that rank the causes. The rules are scanned, not the findings: this runs at
	 * every step. */
	for (int i = 0; i < kb->nglobal; i++) {
		const struct kb_rule *r = &kb->global[i];
		int f = -1, open = 0;
		if (r->to <= e->tri.level || unless_holds(&r->unless, term_holds_now, e))
			continue;
		for (int t = 0; t < r->nterms && open < 2; t++)
			if (!term_holds(e, &r->term[t])) {
				open++;
				f = r->term[t].finding;
			}
		if (open == 1 && ask[f] && kb->find[f].red_flag < 0)
			return ask_to_complete(e, ask, f, q);
	}
	/* An emergency that a rule for every cause gives does not depend on the ranking: once the
	 * answers that could spare it are asked, the interview ends and shows it (dossier §3.22: a
	 * positive answer shows its instruction at once). */
	if (e->tri.level == NF_EMERGENCY)
		for (int i = 0; i < kb->nglobal; i++) {
			const struct kb_rule *r = &kb->global[i];
			if (r->to != NF_EMERGENCY || !rule_holds(e, r))
				continue;
			for (int t = 0; t < r->unless.n; t++) {
				int f = r->unless.term[t].finding;
				if (ask[f] && kb->find[f].red_flag < 0 && !unless_alt_failed(e, r, r->unless.alt[t]))
					return ask_to_complete(e, ask, f, q);
			}
			return false;
		}

	struct look lk = {.kb = kb, .e = e, .w = e->scratch};
	lk.w->list.n = 0;
	lk.w->acc = lk.w->tree + (size_t)kb->ncond * LEAVES;
	lk.w->plog = lk.w->acc + kb->ncols;
	memset(lk.hyp_of, -1, sizeof lk.hyp_of);
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
	/* The rules for every cause that can still hold on some answer: none of their terms answered
	 * and failing, or left unknown (a finding no longer asked). The others hold on no leaf, so
	 * leaving them out changes nothing but the time. */
	lk.w->glive = 0;
	for (int i = 0; i < kb->nglobal; i++) {
		const struct kb_rule *r = &kb->global[i];
		bool live = true;
		for (int t = 0; t < r->nterms && live; t++)
			live = ask[r->term[t].finding] || term_holds(e, &r->term[t]);
		lk.w->glive |= (rule_mask)live << i;
	}
	memcpy(lk.thr, kb->threshold, sizeof lk.thr);
	lk.floor = e->tri.red_flag_level;
	lk.now = e->tri.level;
	bool need[NF_MAX_FINDINGS * 2 * NF_MAX_VALUES / 16 + 1] = {false};
	for (int f = 0; f < kb->nfind; f++) {
		const struct kb_finding *fd = &kb->find[f];
		if (!ask[f])
			continue;
		int end = fd->hcol + (fd->type == NF_SET ? fd->nvalues : 1);
		for (int j = fd->col / 16; j <= (end - 1) / 16; j++)
			need[j] = true;
	}
	column_sums(&lk, need);

	/* Every screen's gain first, cheaply: exact for a single finding (for the location set, the
	 * sum over its places), and for a checklist an upper bound, the sum of its findings' gains
	 * (mutual information is sub-additive when findings are independent given the cause). */
	struct cand {
		nf_question q;
		double key;  /* the gain, or for a checklist not yet enumerated its bound */
		bool exact;  /* q.change is known */
	} cand[NF_MAX_FINDINGS];
	int ncand = 0;
	for (int f = 0; f < kb->nfind; f++) {
		const struct kb_finding *fd = &kb->find[f];
		if (fd->checklist >= 0 || !ask[f])
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
		const struct kb_checklist *l = &kb->list[k];
		struct cand *c = &cand[ncand];
		memset(c, 0, sizeof *c);
		c->q.checklist = k;
		for (int i = 0; i < l->n; i++) {
			if (!ask[l->finding[i]])
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
	double keys[NF_MAX_FINDINGS]; /* keys[j] = cand[order[j]].key, read without the struct */
	for (int i = 0; i < ncand; i++) {
		int j = i;
		double key = cand[i].key;
		while (j > 0 && keys[j - 1] < key) {
			order[j] = order[j - 1];
			keys[j] = keys[j - 1];
			j--;
		}
		order[j] = i;
		keys[j] = key;
	}
	/* The best screen: a checklist is enumerated (all 2^n answers) only while its bound can still
	 * beat the best exact gain found; the bound is worked out only for checklists longer than
	 * BOUND_ITEMS, as for the others it costs as much as the enumeration. Its chance of change
	 * waits until it is needed. */
	int best = -1;
	for (int r = 0; r < ncand; r++) {
		struct cand *c = &cand[order[r]];
		if (best >= 0 && c->key <= cand[best].q.gain)
			break;
		if (c->q.checklist >= 0 && c->q.n > BOUND_ITEMS && best >= 0 &&
		    list_bound(&lk, c->q.finding, c->q.n) + 1e-6 <= cand[best].q.gain)
			continue; /* its gain, at most the bound, cannot beat the best's */
		if (c->q.checklist >= 0)
			c->q.gain = look_list(&lk, c->q.finding, c->q.n, true, false);
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
		/* A checklist's tree costs more than the bounds; a single finding's leaves cost less. */
		if (!c->exact && r >= 0 && c->q.checklist >= 0 && c->q.n >= 3) {
			double qs[NF_MAX_CHECKLIST * 2 * NF_MAX_CONDITIONS];
			for (size_t k = 0; k < c->q.n; k++)
				for (int o = 0; o < 2; o++)
					for (int i = 0; i < lk.n; i++)
						qs[(k * 2 + (size_t)o) * NF_MAX_CONDITIONS + (size_t)i] =
						    kb->find[c->q.finding[k]].p[lk.idx[i]][o];
			if (screen_fixed(&lk, c->q.finding, c->q.n, qs, 2))
				continue;
		}
		if (!c->exact) {
			const struct kb_finding *fd = &kb->find[c->q.finding[0]];
			const struct list_tree *lt = &lk.w->list;
			if (c->q.checklist >= 0 && lt->n == c->q.n &&
			    !memcmp(lt->fs, c->q.finding, c->q.n * sizeof *c->q.finding)) {
				/* The search enumerated this screen last: its tree is still there. */
				list_change(&lk);
				leaves_sum(&lk, 1 << c->q.n);
			} else if (c->q.checklist >= 0) {
				look_list(&lk, c->q.finding, c->q.n, false, true);
			} else if (fd->type == NF_SET) {
				look_set(&lk, fd);
			} else {
				look_screen(&lk, c->q.finding, 1, true, fd->nout);
				look_single(&lk, fd);
			}
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
	if (most >= NF_STOP_CHANGE)
		return true;
	/* Near an emergency the look-ahead's one step is too short: two answers together (new weakness,
	 * and that it began this week) can cross the threshold when neither alone is likely to. So while
	 * the causes needing emergency care hold NF_NEAR_EMERGENCY of its threshold or more, the screens
	 * that bear on them are asked, most informative first, before the interview stops. */
	/* Then, for the same reason, what every clinician takes first (the knowledge base's "always"
	 * findings: age, one foot or both, how long): these move many causes at once together with
	 * answers still to come (66 and an ex-smoker make arterial disease likely where neither alone
	 * changes the leading cause). Pass 0 looks for the first kind of screen, pass 1 the second. */
	if (e->tri.level >= NF_EMERGENCY)
		return false;
	bool near = e->tri.mass[NF_EMERGENCY] >= NF_NEAR_EMERGENCY * kb->threshold[NF_EMERGENCY];
	for (int pass = near ? 0 : 1; pass < 2; pass++)
		for (int r = 0; r < ncand; r++) {
			const struct cand *c = &cand[order[r]];
			for (size_t i = 0; i < c->q.n; i++) {
				size_t f = c->q.finding[i];
				if (pass == 0 ? bears_on_emergency(e, f) : asked_before_stopping(e, f)) {
					*q = c->q;
					return true;
				}
			}
		}
	return false;
}
