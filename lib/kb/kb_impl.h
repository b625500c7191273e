/* The knowledge base's inside, shared by lib/kb (which builds it) and lib/engine (which reads the
 * precomputed tables directly, because the interview's hot loop must not go through accessors).
 * Strings point into the jansson tree the nf_kb owns. */
#ifndef NUMBFOOT_KB_IMPL_H
#define NUMBFOOT_KB_IMPL_H

#include <jansson.h>
#include <stdint.h>

#include "numbfoot/kb.h"

/* Share of each likelihood replaced by the finding's default, so that one misreported answer
 * cannot rule a cause out (docs/model.md, "Leak"). */
#define NF_KB_LEAK 0.05

#define NF_MAX_RULE_TERMS 6
#define NF_MAX_RULES 24
/* Rules for every cause (triage.escalate), alternatives counted: one list for all the causes. */
#define NF_MAX_GLOBAL_RULES 48
#define NF_MAX_SEE 6
#define NF_MAX_PLAN 10
#define NF_MAX_SOURCE_REFS 8
#define NF_MAX_FORMS 4
#define NF_MAX_NETS 3

/* A structured source (docs/kb-format.md, "Sources"). Strings point into the jansson tree except
 * text, which is rendered once for people ("Key; Other; estimate: ...") and freed with the nf_kb;
 * next chains every source the nf_kb owns. */
struct kb_source {
	nf_evidence kind;
	int nrefs;
	const char *ref[NF_MAX_SOURCE_REFS];
	const char *figure, *how; /* NULL when absent */
	const char *text;
	struct kb_source *next;
};

enum kb_rule_op { NF_OP_EQ, NF_OP_GE, NF_OP_LT };

struct kb_rule_term {
	int finding;
	enum kb_rule_op op;
	double x; /* bool 0/1, enum value index, number threshold */
};

/* An "unless": alternatives of answers, any one of which holding in full rules something out (a
 * rule's danger, a plan step or a safety net part already answered). term[0..n) in order, alt[t]
 * the alternative term[t] belongs to, counted from 0. */
struct kb_unless {
	int n;
	struct kb_rule_term term[NF_MAX_RULE_TERMS];
	unsigned char alt[NF_MAX_RULE_TERMS];
};

/* An escalation rule: the level rises to `to` when every `if` term holds, unless one of the `unless`
 * alternatives holds in full (an answered pattern that rules the danger out, e.g. months of
 * identical episodes; or any one answer that says a cold foot recovered). step and see (optional)
 * replace the condition's first step and head its list of whom to see while the rule holds, so
 * that the advice changes with the level. A rule for every cause may name the cause it guards
 * against (cause, else -1), whose emergency after-care the advice then gives whatever that cause's
 * probability. A rule to urgent whose care cannot wait past today (today) makes the headline say
 * so, as an urgent red flag with today does, and its step may then stand for such a red flag. */
struct kb_rule {
	int nterms;
	struct kb_rule_term term[NF_MAX_RULE_TERMS];
	struct kb_unless unless;
	nf_triage to;
	const char *step;
	const struct kb_source *source;
	int nsee;
	const char *see[NF_MAX_SEE];
	int cause;
	bool today;
};

/* A plan step; with `when` terms it applies only while every one holds (answered), and it is left
 * out while one of its `unless` alternatives holds in full (a test the clinician has entered is
 * not asked for again). */
struct kb_plan_step {
	const char *text;
	double weeks;
	bool refer; /* sends to a clinician once the steps before have had their time: weeks is when */
	/* Whom the step sends to, put before its cause's own list while the step is shown (a low
	 * ankle-brachial index: a vascular surgeon), so whom to see names the step's clinician. */
	int nsee;
	const char *see[NF_MAX_SEE];
	const struct kb_source *source;
	int nwhen;
	struct kb_rule_term when[NF_MAX_RULE_TERMS];
	struct kb_unless unless;
};

/* A condition's row. A condition with forms (a mixture of two presentations, docs/kb-format.md)
 * has one row per form: its own row is the first form and the others follow every condition's row
 * (nf_kb.npublic onwards), each a copy of it with its own share of the prior and its own likelihoods
 * where the form says so. parent is the condition a row belongs to (its own index for the first). */
struct kb_condition {
	const char *id, *name, *summary, *icd10;
	const struct kb_source *prior_source;
	double prior; /* this row's: the condition's prior times the form's share */
	int parent;
	const char *form, *form_name; /* NULL without forms */
	double share;
	const struct kb_source *share_source;
	nf_triage triage;
	bool in_vocab;
	int nrules;
	struct kb_rule rule[NF_MAX_RULES];
	int nsee;
	const char *see[NF_MAX_SEE];
	int nplan;
	struct kb_plan_step plan[NF_MAX_PLAN];
	int nnet; /* the last steps of every plan: what changes the advice */
	struct kb_net {
		const char *text;
		const struct kb_source *source;
		int level; /* the level its advice sends to, -1 when not given */
		/* Left out when one of the unless alternatives holds in full (the sign it names is
		 * already answered yes). */
		struct kb_unless unless;
	} net[NF_MAX_NETS];
};

struct kb_finding {
	const char *id, *question, *help, *unit, *means;
	nf_ftype type;
	bool clinician;
	bool distance;
	bool always; /* asked before the interview stops, whatever the look-ahead says */
	int nvalues; /* enum and set values */
	const char *value[NF_MAX_VALUES];
	const char *value_means[NF_MAX_VALUES];
	int nbins; /* numbers: edges + 1 */
	double edge[NF_MAX_VALUES];
	/* Numbers: the answers a person can give, lo..hi inclusive ("range"). Past the last edge
	 * the model changes nothing, so this refuses typing slips, not values the model cannot use. */
	double lo, hi;
	/* Outcomes: bool 2 (false, true); enum one per value; number one per bin; set one per value,
	 * where p is P(value named). p and lp are [condition][outcome], after the leak. */
	int nout;
	double (*p)[NF_MAX_VALUES];
	double (*lp)[NF_MAX_VALUES];
	double (*lq)[NF_MAX_VALUES]; /* set only: log(1 - p) */
	/* Entropy of the answer given each condition (nats): [c][0] for bool, enum and number; for a
	 * set, [c][v] of value v's yes/no. The engine's look-ahead needs these every step. */
	double (*h)[NF_MAX_VALUES];
	int col, hcol; /* where p[c][0..nout) and h[c][0..) sit in each row of nf_kb.cols */
	const struct kb_source **source; /* per condition */
	nf_evidence *evidence;       /* per condition: what P(answer | condition) rests on */
	bool *listed;                /* per condition: has its own likelihood */
	uint64_t rule_conds;         /* bit c: condition c's own escalation rules name this finding */
	int checklist;               /* -1 if asked alone */
	int red_flag;                /* level set by the flagged answer, or -1 */
	int red_flag_value;          /* outcome index of the flagged answer */
	bool red_flag_today;         /* an urgent flag whose care cannot wait past today */
	const char *red_flag_says;
	const char *red_flag_step; /* the first step when the flag sets the level */
	const struct kb_source *red_flag_source;
	int red_flag_nsee;
	const char *red_flag_see[NF_MAX_SEE];
	/* Answers that already answer the sign (a stated recovery time answers "not back to normal
	 * hours later"): while one alternative holds in full, the unanswered sign is not listed. */
	struct kb_unless red_flag_answered_by;
	/* Answers that already say this one (numbness not back hours after a run says it does not go
	 * away on stopping and is there at rest): while one alternative holds in full, the finding is
	 * not asked. It stays unanswered, so the evidence is not counted twice. */
	struct kb_unless not_asked_when;
};

struct kb_checklist {
	const char *id, *title;
	bool red_flags;
	bool each; /* the terminal asks its items one by one (nf_kb_checklist_each) */
	int n;
	int finding[NF_MAX_CHECKLIST];
};

struct nf_kb {
	json_t *vocab_root, *kb_root; /* own every string below */
	int ncond, nfind, nlist, nref;
	int npublic; /* the conditions; rows [npublic, ncond) are further forms of them */
	struct kb_condition cond[NF_MAX_CONDITIONS];
	struct kb_finding *find; /* [nfind] */
	struct kb_checklist *list;
	struct kb_ref {
		const char *key, *cite;
	} *ref; /* sorted by key */
	double threshold[NF_TRIAGE_LEVELS];
	int nglobal;
	struct kb_rule global[NF_MAX_GLOBAL_RULES]; /* triage.escalate: rules that raise every cause */
	double log_prior[NF_MAX_CONDITIONS]; /* normalised */
	/* The look-ahead's table (lib/kb/tables.c): one row per condition of every finding's outcome
	 * probabilities and answer entropies side by side, ncols (a multiple of NF_KB_COLS_ALIGN)
	 * wide, so that one pass of multiply-adds over a row per condition gives every screen's P(O)
	 * and H(O|C). Owned. */
	int ncols;
	double *cols;
	/* Loaded from a compiled image (lib/kb/image.c): the one block that holds the nf_kb itself and
	 * everything it points to, freed as one. NULL for a knowledge base read from JSON. */
	void *image;
	struct kb_source *sources; /* every source read, owned */
	/* Numbers by the kind of their source: all, the findings' per-condition likelihoods, and per
	 * condition (its prior and the likelihoods under it). */
	nf_kb_evidence_counts ev_all, ev_likelihoods, ev_condition[NF_MAX_CONDITIONS];
};

#define NF_KB_COLS_ALIGN 16
/* Writes the compiled image of kb (lib/kb/image.c) into *out (the caller frees it with free()),
 * its size in *size. NF_ENOMEM when out of memory. */
nf_err kb_image_write(const nf_kb *kb, void **out, size_t *size, nf_error *err);

/* Builds kb->cols from the findings' p and h; false when out of memory. */
bool kb_build_cols(nf_kb *kb);

/* Faults found while checking a JSON text, each placed as "NAME:LINE: KEY: message" and passed to
 * report (when set); the first also goes to err. Shared by the knowledge-base and case readers. */
struct kb_faults {
	const char *text, *name;
	void (*report)(void *ctx, const char *message);
	void *ctx;
	size_t count;
	nf_error *err;
};
/* Adds a fault at the value at path (the file's first line when path is "" or not found); key is
 * what the message names, path when NULL. */
void kb_faults_add(struct kb_faults *f, const char *path, const char *key, const char *msg);
/* Adds jansson's syntax error. */
void kb_faults_syntax(struct kb_faults *f, const json_error_t *je);

/* The line of the value at path ("findings[3].default.p") in a JSON text, or 0 if not found.
 * Only used to place error messages; the text must already have parsed. */
int kb_json_path_line(const char *text, const char *path);

#endif
