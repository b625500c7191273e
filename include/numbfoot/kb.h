/* numbfoot: the knowledge base.
 *
 * The knowledge base is data (kb/numbfoot.json, format in docs/kb-format.md) checked against the
 * vocabulary of IDs (kb/vocabulary.json, a copy of the project's contract). An nf_kb is read-only
 * once loaded and may be shared by any number of engines and threads.
 */
#ifndef NUMBFOOT_KB_H
#define NUMBFOOT_KB_H

#include <stdbool.h>
#include <stddef.h>

#include "numbfoot/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct nf_kb nf_kb;

typedef enum nf_ftype { NF_BOOL, NF_ENUM, NF_NUMBER, NF_SET } nf_ftype;

typedef enum nf_triage {
	NF_SELF_CARE = 0,
	NF_ROUTINE = 1,
	NF_URGENT = 2,
	NF_EMERGENCY = 3,
} nf_triage;
#define NF_TRIAGE_LEVELS 4

/* What a number in the knowledge base rests on (docs/kb-format.md, "Sources"), weakest first, so
 * that the weaker of two kinds is the smaller. */
typedef enum nf_evidence {
	NF_EV_ESTIMATE = 0, /* judgement, with its reasoning and the dossier section */
	NF_EV_DERIVED = 1,  /* arithmetic on published figures */
	NF_EV_MEASURED = 2, /* a published figure itself */
} nf_evidence;
#define NF_EVIDENCE_KINDS 3

/* Counts of the knowledge base's numbers (priors, finding defaults, likelihoods, triage
 * thresholds) by what they rest on. */
typedef struct nf_kb_evidence_counts {
	size_t parameters;
	size_t kind[NF_EVIDENCE_KINDS]; /* indexed by nf_evidence */
} nf_kb_evidence_counts;

/* Upper bounds the loader enforces; they size fixed arrays in the engine. */
#define NF_MAX_CONDITIONS 64
#define NF_MAX_FINDINGS 256
#define NF_MAX_VALUES 16   /* enum values, set values, number bins */
#define NF_MAX_CHECKLIST 8 /* findings in one checklist screen */

/* Loads and validates a knowledge base from text in memory. vocab/kb are NUL-terminated JSON
 * texts; the names are used in messages ("kb/numbfoot.json:120: findings[3].default.p: ...").
 * On success *out is a new nf_kb the caller frees with nf_kb_free. On failure *out is NULL, the
 * return is NF_EPARSE (or NF_ENOMEM) and err holds the first fault. Nothing is half-loaded. */
NF_API nf_err nf_kb_load(const char *vocab, const char *vocab_name, const char *kb, const char *kb_name,
			 nf_kb **out, nf_error *err);

/* Like nf_kb_load but reads the knowledge base from kb_path (the vocabulary is given as text). */
NF_API nf_err nf_kb_load_file(const char *vocab, const char *vocab_name, const char *kb_path, nf_kb **out,
			      nf_error *err);

/* Like nf_kb_load but reads both files from disk. */
NF_API nf_err nf_kb_load_files(const char *vocab_path, const char *kb_path, nf_kb **out, nf_error *err);

/* Loads a knowledge base from its compiled image: the JSON knowledge base as this build of the
 * library loaded it, written out at build time (lib/kb/image.c, scripts/kb_image.c), which loads
 * in a fraction of the time. The image is copied; the caller keeps its own. NF_EPARSE, naming the
 * byte, when the image is damaged or was written by another build (then read the JSON instead). */
NF_API nf_err nf_kb_load_image(const void *image, size_t size, nf_kb **out, nf_error *err);

/* Validates without keeping the result and calls report(ctx, message) for every fault found, not
 * only the first. Returns the number of faults (0 when the knowledge base is valid). */
NF_API size_t nf_kb_check(const char *vocab, const char *vocab_name, const char *kb, const char *kb_name,
			  void (*report)(void *ctx, const char *message), void *ctx);

/* The same for files on disk: vocab_path may be NULL to use the vocabulary text given as vocab.
 * A file that cannot be read is reported as one fault. */
NF_API size_t nf_kb_check_files(const char *vocab, const char *vocab_path, const char *kb_path,
				void (*report)(void *ctx, const char *message), void *ctx);

NF_API void nf_kb_free(nf_kb *kb);

/* Triage levels by name ("emergency", ...) and back. */
NF_API const char *nf_triage_id(nf_triage t);
NF_API int nf_triage_from_id(const char *id); /* -1 if unknown */
/* Plain words for a runner. */
NF_API const char *nf_triage_words(nf_triage t);
/* Evidence kinds by name ("measured", "derived", "estimate") and back. */
NF_API const char *nf_evidence_id(nf_evidence k);
NF_API int nf_evidence_from_id(const char *id); /* -1 if unknown */

/* Sources are given as text for people: the reference keys, then the kind and its figure or
 * reasoning ("Key 2010; Other 2011; estimate: ..."). The text lives as long as the nf_kb. */

/* Conditions, indexed 0 .. nf_kb_conditions()-1. */
NF_API size_t nf_kb_conditions(const nf_kb *kb);
NF_API int nf_kb_condition_index(const nf_kb *kb, const char *id); /* -1 if unknown */
NF_API const char *nf_kb_condition_id(const nf_kb *kb, size_t c);
NF_API const char *nf_kb_condition_name(const nf_kb *kb, size_t c);
NF_API const char *nf_kb_condition_summary(const nf_kb *kb, size_t c);
NF_API const char *nf_kb_condition_icd10(const nf_kb *kb, size_t c);
NF_API double nf_kb_condition_prior(const nf_kb *kb, size_t c, const char **source);
NF_API nf_triage nf_kb_condition_triage(const nf_kb *kb, size_t c);
NF_API bool nf_kb_condition_in_vocabulary(const nf_kb *kb, size_t c); /* false for `other` */
NF_API size_t nf_kb_condition_see(const nf_kb *kb, size_t c, const char **who, size_t cap);
NF_API size_t nf_kb_condition_plan_steps(const nf_kb *kb, size_t c);
NF_API const char *nf_kb_condition_plan_step(const nf_kb *kb, size_t c, size_t i, double *weeks,
					    const char **source);

/* The condition's safety net: the signs that would change the advice, the last steps of every plan,
 * in parts (0 if the knowledge base gives none). Part i's text; *source its source, *level the
 * triage level its advice sends to (-1 when not given: shown under every level). */
NF_API size_t nf_kb_condition_safety_nets(const nf_kb *kb, size_t c);
NF_API const char *nf_kb_condition_safety_net(const nf_kb *kb, size_t c, size_t i, const char **source, int *level);

/* Escalation rules of condition c, or with c == nf_kb_conditions(kb) the rules for every cause
 * (triage.escalate). nf_kb_rule gives rule i's level and, when the rule carries them, the first
 * step it puts in the plan and its source; nf_kb_rule_see whom it sends to (returns how many). */
NF_API size_t nf_kb_rules(const nf_kb *kb, size_t c);
NF_API nf_triage nf_kb_rule(const nf_kb *kb, size_t c, size_t i, const char **step, const char **source);
NF_API size_t nf_kb_rule_see(const nf_kb *kb, size_t c, size_t i, const char **who, size_t cap);

/* Findings, indexed 0 .. nf_kb_findings()-1. */
NF_API size_t nf_kb_findings(const nf_kb *kb);
NF_API int nf_kb_finding_index(const nf_kb *kb, const char *id); /* -1 if unknown */
NF_API const char *nf_kb_finding_id(const nf_kb *kb, size_t f);
NF_API nf_ftype nf_kb_finding_type(const nf_kb *kb, size_t f);
NF_API bool nf_kb_finding_clinician(const nf_kb *kb, size_t f);
NF_API const char *nf_kb_finding_question(const nf_kb *kb, size_t f);
/* What an answer of yes means, in the vocabulary's words: a label for reasons. */
NF_API const char *nf_kb_finding_means(const nf_kb *kb, size_t f);
NF_API const char *nf_kb_finding_help(const nf_kb *kb, size_t f);
NF_API const char *nf_kb_finding_unit(const nf_kb *kb, size_t f); /* "" when none */
/* Writes number x of finding f with its unit into buf ("3 minutes", "1 minute", "40"), as every
 * face shows an answer; returns snprintf's count. */
NF_API int nf_kb_number_text(const nf_kb *kb, size_t f, double x, char *buf, size_t cap);
NF_API bool nf_kb_finding_is_distance(const nf_kb *kb, size_t f);
/* A number finding's range: the lowest and highest answer a person can give, in the finding's unit
 * (km for a distance), from the knowledge base's "range". Every reader of answers (case files, the
 * interview, the server) and nf_engine_answer refuse a number outside it. Returns false, leaving
 * lo and hi alone, for a finding that is not a number; either pointer may be NULL. */
NF_API bool nf_kb_finding_range(const nf_kb *kb, size_t f, double *lo, double *hi);
/* Whether x is a finite number within finding f's range (false for a finding that is not a number). */
NF_API bool nf_kb_finding_in_range(const nf_kb *kb, size_t f, double x);
NF_API size_t nf_kb_finding_values(const nf_kb *kb, size_t f); /* enum and set values */
NF_API const char *nf_kb_finding_value(const nf_kb *kb, size_t f, size_t v);
NF_API const char *nf_kb_finding_value_means(const nf_kb *kb, size_t f, size_t v);
NF_API int nf_kb_finding_value_index(const nf_kb *kb, size_t f, const char *value); /* -1 if not */
/* Red flag: the level the finding's flagged answer sets, or -1; *says is its plain explanation. */
NF_API int nf_kb_finding_red_flag(const nf_kb *kb, size_t f, const char **says);
/* The first step a red flag puts in the advice (NULL if none) and whom it sends to (returns how
 * many, 0 for no red flag). */
NF_API const char *nf_kb_finding_red_flag_step(const nf_kb *kb, size_t f);
/* Whether an urgent red flag's care cannot wait past today (a possible clot): "today" rather than
 * "within 24 to 48 hours". */
NF_API bool nf_kb_finding_red_flag_today(const nf_kb *kb, size_t f);
NF_API size_t nf_kb_finding_red_flag_see(const nf_kb *kb, size_t f, const char **who, size_t cap);
/* The causes red flag f's flagged answer points to, read from the likelihoods: each cause for which
 * that answer is at least NF_KB_POINTS_RATIO times (for a sign below an emergency,
 * NF_KB_POINTS_RATIO_SOON times) as likely as for a cause that does not produce it (the finding's
 * default) and has at least NF_KB_POINTS_MIN probability. An emergency sign's come the likeliest
 * to give it first; another sign's in the order the sign alone makes them likely (each cause's
 * prior times the likelihood). Fills out with up to cap condition indices; returns how many (0
 * when f is no red flag). */
#define NF_KB_POINTS_RATIO 10.0
#define NF_KB_POINTS_RATIO_SOON 2.5
#define NF_KB_POINTS_MIN 0.05
NF_API size_t nf_kb_red_flag_points_to(const nf_kb *kb, size_t f, size_t *out, size_t cap);
/* Condition c's forms (docs/kb-format.md, a mixture of presentations): how many, 0 without. */
NF_API size_t nf_kb_condition_forms(const nf_kb *kb, size_t c);
/* The i-th form of condition c: its id, name and share of the prior into *id, *name, *share (each
 * may be NULL). Returns an index the finding accessors below take in place of c, for that form's
 * likelihoods. */
NF_API size_t nf_kb_condition_form(const nf_kb *kb, size_t c, size_t i, const char **id, const char **name,
				   double *share);
/* The likelihood of the finding under condition c as text for `kb show`, with its source. */
NF_API size_t nf_kb_finding_describe(const nf_kb *kb, size_t f, size_t c, char *buf, size_t cap,
				     const char **source, bool *listed);
/* What P(answer of finding f | condition c) rests on: the kind of c's own likelihood, or of the
 * finding's default when c has none; for a set whose entry for c leaves values to the default,
 * the weaker of the two. */
NF_API nf_evidence nf_kb_finding_evidence(const nf_kb *kb, size_t f, size_t c);

/* Counts of numbers by kind: *all over the whole knowledge base, *likelihoods over the findings'
 * per-condition likelihoods (not their defaults); either may be NULL. */
NF_API void nf_kb_evidence_stats(const nf_kb *kb, nf_kb_evidence_counts *all, nf_kb_evidence_counts *likelihoods);
/* The same for condition c: its prior and the likelihoods listed under it. */
NF_API void nf_kb_condition_evidence(const nf_kb *kb, size_t c, nf_kb_evidence_counts *out);

/* Checklist screens, indexed 0 .. nf_kb_checklists()-1. */
NF_API size_t nf_kb_checklists(const nf_kb *kb);
NF_API const char *nf_kb_checklist_id(const nf_kb *kb, size_t k);
NF_API const char *nf_kb_checklist_title(const nf_kb *kb, size_t k);
/* Whether checklist k is a warning-sign screen, asked before any other question. */
NF_API bool nf_kb_checklist_red_flags(const nf_kb *kb, size_t k);
/* Whether checklist k's items are each answered yes, no or not known, none by default: a test
 * result left out is not a normal one. The terminal asks them one by one; the page asks every
 * checklist so. */
NF_API bool nf_kb_checklist_each(const nf_kb *kb, size_t k);
NF_API size_t nf_kb_checklist_findings(const nf_kb *kb, size_t k, size_t *findings, size_t cap);
NF_API int nf_kb_finding_checklist(const nf_kb *kb, size_t f); /* -1 if asked on its own */

/* References. */
NF_API size_t nf_kb_references(const nf_kb *kb);
NF_API const char *nf_kb_reference(const nf_kb *kb, size_t i, const char **cite);

/* A "see" ID ("sports_medicine") in words for a person ("a sports-medicine doctor"); the ID itself
 * when unknown. */
NF_API const char *nf_kb_see_words(const char *id);

/* Triage threshold of a level (NF_ROUTINE .. NF_EMERGENCY). */
NF_API double nf_kb_triage_threshold(const nf_kb *kb, nf_triage t);

#ifdef __cplusplus
}
#endif
#endif
