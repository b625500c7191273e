/* Inside the knowledge-base reader: the checking context and the helpers its parts share. Nothing
 * here is exported (the library is built with hidden visibility). */
#ifndef NUMBFOOT_KB_CHECK_H
#define NUMBFOOT_KB_CHECK_H

#include <jansson.h>
#include <stdbool.h>

#include "kb/kb_impl.h"

/* The static site's copy of the knowledge base (scripts/kb_site.py) leaves out the numbers' source
 * texts and the citations, which the site never shows and which are most of its bytes: only a
 * module built with NUMBFOOT_KB_SITE takes such a copy; every other build requires them. */
#ifdef NUMBFOOT_KB_SITE
#define KB_TEXTS_REQUIRED false
#else
#define KB_TEXTS_REQUIRED true
#endif

struct kb_ctx {
	struct kb_faults f; /* the file being checked and the faults found in it */
	nf_kb *kb;
};

/* Paths name where a value sits ("findings[3].default.p"); joined by hand, see check.c. */
void kb_path_key(char *out, size_t cap, const char *parent, const char *key);
void kb_path_index(char *out, size_t cap, const char *parent, size_t i);

/* Adds a fault placed at path. */
void kb_fault(struct kb_ctx *cx, const char *path, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Parses text (an object is required); NULL after a fault. */
json_t *kb_parse(struct kb_ctx *cx, const char *text);
/* Reports keys of obj not in the NULL-terminated list allowed. */
void kb_only_keys(struct kb_ctx *cx, const char *path, json_t *obj, const char *const *allowed);
/* Whether v is an object with only the keys allowed; false after a fault when it is not an object
 * (unknown keys are reported, and the object is still read). */
bool kb_object(struct kb_ctx *cx, const char *path, json_t *v, const char *const *allowed);
/* obj.key as a non-empty string, or NULL (a fault when required). */
const char *kb_get_string(struct kb_ctx *cx, const char *path, json_t *obj, const char *key, bool required);
/* obj's optional boolean member key: false when absent; a fault (placed at path.key) when not a
 * boolean. */
bool kb_get_bool(struct kb_ctx *cx, const char *path, json_t *obj, const char *key);
/* The "id" of a conditions or findings entry, or NULL after a fault. */
const char *kb_entry_id(struct kb_ctx *cx, const char *p, json_t *v);
/* Whether key (len bytes) is a reference; references must be sorted (kb_read_references). */
bool kb_is_reference(const nf_kb *kb, const char *key, size_t len);
/* The numbers an object's source stands behind, for the check that a measured source states
 * them. Probabilities match as written ("0.56") or as a percentage ("56%"), within half a point;
 * other numbers (weeks, an age threshold) as written. */
struct kb_numbers {
	int n;
	double x[NF_MAX_VALUES + NF_MAX_RULE_TERMS];
	bool prob;
	bool complement; /* a two-valued distribution: either value states both */
};
/* Reads obj.source (source.c): kind, references that resolve, a figure for measured, a "how"
 * for derived and estimate (an estimate's also names its dossier section), and for measured, each of
 * nums (may be NULL) in the figure. Returns the source, owned by cx->kb, or NULL after a fault. */
const struct kb_source *kb_read_source(struct kb_ctx *cx, const char *path, json_t *obj, const struct kb_numbers *nums);
/* Adds a number resting on s to the counts (nothing when s is NULL). */
void kb_count_evidence(nf_kb_evidence_counts *c, const struct kb_source *s);
void kb_free_sources(nf_kb *kb);
/* A probability in (0, 1) into *out; false after a fault. */
bool kb_get_prob(struct kb_ctx *cx, const char *path, json_t *v, double *out);
int kb_vocab_value_index(json_t *vf, const char *value);
int kb_finding_by_id(const nf_kb *kb, const char *id);
int kb_condition_by_id(const nf_kb *kb, const char *id);
/* The row of "condition/form", or -1. */
int kb_form_by_id(const nf_kb *kb, const char *id);
/* The outcome index of a JSON answer value for a bool or enum finding, or -1. */
int kb_outcome_of_json(const struct kb_finding *f, json_t *v);

/* The sections (conditions.c, findings.c, sections.c). */
/* Reads a see list into out (NF_MAX_SEE); returns how many, -1 after a fault. */
int kb_read_see(struct kb_ctx *cx, const char *path, json_t *see, const char **out);
/* Reads the optional "see" of object o at path (a rule's, a plan step's, a red flag's) into out;
 * returns how many, 0 when it has none or after a fault. */
int kb_read_see_of(struct kb_ctx *cx, const char *path, json_t *o, const char **out);
/* Reads an object of finding answers into term (room for cap); returns how many. Each finding
 * named gets the bits conds in its rule_conds (0 for terms that choose advice, not levels). The
 * number thresholds are added to nums (may be NULL) for the measured-source check. */
int kb_read_terms(struct kb_ctx *cx, const char *path, json_t *cond, struct kb_rule_term *term, int cap,
		  uint64_t conds, struct kb_numbers *nums);
/* Reads an "unless" at path pu (an object, or an array of alternatives any one of which holds)
 * into u; conds and nums as for kb_read_terms. */
void kb_read_unless(struct kb_ctx *cx, const char *pu, json_t *unless, struct kb_unless *u, uint64_t conds,
		    struct kb_numbers *nums);
/* Reads an escalation rule into rules[*nrules], one rule per alternative of an array "if", and
 * counts them, at most cap in all; conds as for kb_read_terms. */
void kb_read_rule(struct kb_ctx *cx, const char *path, json_t *r, struct kb_rule *rules, int *nrules, int cap,
		  uint64_t conds);
/* Reads the terms of condition c's advice, once findings are known: its plan steps' "when" and
 * "unless", and its safety net parts' "unless". */
void kb_read_advice_terms(struct kb_ctx *cx, const char *path, json_t *o, struct kb_condition *c);
void kb_read_condition(struct kb_ctx *cx, const char *path, json_t *o, struct kb_condition *c);
/* Reads the forms of condition c (read already): its row becomes the first form and each further
 * form a new row at kb->ncond, a copy of it with its share of the prior. */
void kb_read_forms(struct kb_ctx *cx, const char *path, json_t *forms, int c);
/* Copies each further form's rules and plan from its condition, once they are read, and marks
 * the findings its rules name. */
void kb_copy_forms(nf_kb *kb);
void kb_read_finding_shape(struct kb_ctx *cx, const char *path, json_t *o, json_t *vf, struct kb_finding *f);
void kb_read_finding_likelihoods(struct kb_ctx *cx, const char *path, json_t *o, json_t *vf, struct kb_finding *f);
/* A finding's answer conditions (not_asked_when), once every finding is known. */
void kb_read_finding_terms(struct kb_ctx *cx, const char *path, json_t *o, struct kb_finding *f);
void kb_read_triage(struct kb_ctx *cx, json_t *t);
void kb_read_checklists(struct kb_ctx *cx, json_t *arr);
void kb_read_references(struct kb_ctx *cx, json_t *arr);

#endif
