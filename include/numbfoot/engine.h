/* numbfoot: the assessment engine.
 *
 * An nf_engine holds one person's answers and gives, for any set of them, the exact posterior
 * over the knowledge base's conditions, the answers that moved each condition, a triage level,
 * and the next question worth asking. The model is in docs/model.md. An engine borrows its nf_kb,
 * which must outlive it; one engine must not be used from two threads at once.
 */
#ifndef NUMBFOOT_ENGINE_H
#define NUMBFOOT_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "numbfoot/error.h"
#include "numbfoot/kb.h"
#include "numbfoot/run.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct nf_engine nf_engine;

typedef enum nf_mode {
	NF_MODE_RUNNER = 0,    /* history questions only */
	NF_MODE_CLINICIAN = 1, /* history plus examination and test findings */
} nf_mode;

/* One answer. Which member counts follows the finding's type: b for bool, index for enum,
 * x for number, set (bit i = value i named) for set. */
typedef struct nf_value {
	bool b;
	int index;
	double x;
	uint32_t set;
} nf_value;

typedef enum nf_answer_state {
	NF_UNASKED = 0,
	NF_ANSWERED = 1,
	NF_UNKNOWN = 2, /* asked, and the person does not know: no evidence, not asked again */
} nf_answer_state;

/* A new engine with no answers; free with nf_engine_free (which accepts NULL). */
NF_API nf_err nf_engine_new(const nf_kb *kb, nf_mode mode, nf_engine **out, nf_error *err);
NF_API void nf_engine_free(nf_engine *e);
NF_API const nf_kb *nf_engine_kb(const nf_engine *e);
NF_API nf_mode nf_engine_mode(const nf_engine *e);

/* Sets or changes the answer to finding f. NF_EINVAL (with a message) for a value out of range
 * or a clinician finding in runner mode; the engine is then unchanged. */
NF_API nf_err nf_engine_answer(nf_engine *e, size_t f, const nf_value *v, nf_error *err);
/* Marks f as asked but not known. */
NF_API void nf_engine_unknown(nf_engine *e, size_t f);
/* Takes an answer back: f is as if never asked. */
NF_API void nf_engine_withdraw(nf_engine *e, size_t f);
NF_API nf_answer_state nf_engine_state(const nf_engine *e, size_t f, nf_value *v);
/* How many findings are answered or marked unknown: 0 means the result would be the priors alone,
 * which is no one's assessment, and every face says there is nothing to assess. */
NF_API size_t nf_engine_given(const nf_engine *e);
/* The warning signs at `level` not answered yes or no (never asked, or "don't know") that the
 * mode asks (a runner is not asked examination findings), in the knowledge base's order: what a
 * stopped interview, a case file silent on them or a runner who was not sure cannot speak for. A
 * sign's level is what a yes would set: its own, or a rule for every cause whose other answers
 * already hold (new weakness, told with back pain and numbness in both feet, is an emergency).
 * Listed too, at that level, is an unanswered yes/no finding that is no sign in itself but whose
 * yes would complete such a rule above the level now (a cold or pale foot, once numbness has not
 * come back hours after a run). None below the level already given (they would change nothing).
 * Writes up to cap finding indices to out; returns how many there are. */
NF_API size_t nf_engine_open_signs(const nf_engine *e, nf_triage level, size_t *out, size_t cap);
/* For finding f listed by nf_engine_open_signs as no sign in itself, the yes answers already given
 * that it would complete a rule with (low back pain, with weakness in a leg): so that a runner
 * does not read "low back pain now" as an emergency on its own. Writes up to cap finding indices
 * to out; returns how many there are (0 for a sign, or a rule whose other terms are no yes). */
NF_API size_t nf_engine_sign_with(const nf_engine *e, size_t f, size_t *out, size_t cap);

/* Posterior probability of condition c given the answers so far. */
NF_API double nf_engine_probability(nf_engine *e, size_t c);
/* Writes condition indices, most probable first, to order (cap entries); returns how many
 * conditions there are. */
NF_API size_t nf_engine_ranking(nf_engine *e, size_t *order, size_t cap);

/* How much answer f moved condition c: the log likelihood ratio (natural log) of the answer under
 * c against under the other conditions weighted by their priors. Positive raised c. */
typedef struct nf_reason {
	size_t finding;
	double weight;
	nf_evidence evidence; /* what P(answer | c) rests on */
} nf_reason;
/* The answered findings that moved c by 5% or more either way (less reads as x1.0, which names
 * nothing that moved it), largest |weight| first; returns how many there are. For a
 * condition with forms (docs/kb-format.md) they are its likeliest form's. */
NF_API size_t nf_engine_reasons(nf_engine *e, size_t c, nf_reason *out, size_t cap);
/* The likeliest form of condition c on the answers so far, its id and (into *name) its name; NULL
 * for a condition without forms, or when that form holds less than two thirds of c (the answers do
 * not tell the forms apart). */
NF_API const char *nf_engine_form(nf_engine *e, size_t c, const char **name);

/* How far a reason moved its cause, written one way wherever it is shown (terminal, page,
 * report): the times the odds were multiplied or divided, exp(|weight|), after a multiplication
 * sign: "×2.5" (one decimal below 10, whole from 10: "×12"); "raised by" or "lowered by" beside it
 * says which way. Writes into buf (UTF-8, at least NF_FACTOR_MAX bytes) and returns it. */
#define NF_FACTOR_MAX 24
NF_API const char *nf_factor_text(double weight, char *buf, size_t cap);

typedef struct nf_triage_info {
	nf_triage level;          /* what to do: the more urgent of the two below */
	nf_triage by_probability; /* from the posterior and the thresholds */
	int red_flag;             /* the finding whose answer set the most urgent red-flag level, or -1 */
	nf_triage red_flag_level; /* NF_SELF_CARE when no red flag was answered */
	double mass[NF_TRIAGE_LEVELS]; /* posterior of causes needing at least each level */
} nf_triage_info;
NF_API nf_triage nf_engine_triage(nf_engine *e, nf_triage_info *info);
/* The level condition c calls for with the answers so far (its own level, escalated by rules). */
NF_API nf_triage nf_engine_condition_level(const nf_engine *e, size_t c);
/* When the level comes from the probabilities and a rule for every cause (triage.escalate) that
 * gives it holds, or else the likeliest cause that needs the level needs it only because an
 * escalation rule holds (a CECS whose numbness has not settled), the answers that rule asks for,
 * so that a face can give them as the reason: up to cap findings into finding, and how many. 0 when
 * the level is the cause's own, a warning sign's (also when a rule gives the same), or self-care. *every_cause (unless NULL) tells
 * whether the rule is one for every cause, which gives the level whatever the ranking says. */
NF_API size_t nf_engine_level_rule(nf_engine *e, size_t *finding, size_t cap, bool *every_cause);
/* Whether the faces give the ranking's and the plans' percentages: not when a warning sign set the
 * level, nor when a rule for every cause gives it. The ranking is then of the numbness on runs,
 * whose likeliest cause need not explain the level: a laces cause at 99% under numbness between
 * the legs would read as the answer to the sign, when the runner may have two things at once. */
NF_API bool nf_engine_percentages(nf_engine *e);
/* Whether the faces show a ranking of the causes: not when an emergency warning sign set the
 * level (the causes it can mean are named instead, nf_engine_sign_means: a benign foot cause first
 * after a face droop reads as "it is only my foot"), nor when a rule for every cause set an
 * emergency for a cause that does not lead the ranking on the other answers (its first step names
 * it), nor when the chance of the causes needing emergency care set it, a fifth or more, and the
 * likeliest cause needs less (the reason names them), nor when another sign set it and fewer than
 * NF_RANKED_ANSWERS answers besides the warning signs are given (an interview stops at the sign:
 * the order is then the causes' commonness, a laces cause first under bladder trouble). The faces
 * then show no list, only why (nf_engine_unranked_words). */
#define NF_RANKED_ANSWERS 3
#define NF_UNRANKED_WORDS                                                                          \
	"Not ranked: the questions that tell the causes apart come after the warning sign, which is " \
	"acted on first."
#define NF_UNRANKED_EMERGENCY_WORDS                                                                   \
	"Not ranked: the warning sign is an emergency, and the causes it can mean, named above, come " \
	"first; the other causes of the numbness on runs wait until it has been seen to."
#define NF_UNRANKED_RULE_WORDS                                                                         \
	"Not ranked: these answers together are an emergency whatever the cause, and what they can mean, " \
	"named in the first step, comes first; the other causes of the numbness on runs wait until it "    \
	"has been seen to."
#define NF_UNRANKED_CHANCE_WORDS                                                                      \
	"Not ranked: the causes that need emergency care, named above, are likely enough to act on now; " \
	"the other causes of the numbness on runs wait until they have been ruled out."
NF_API bool nf_engine_ranked(nf_engine *e);
/* Why the faces show no ranking (one of the four texts above), or "" when they show one. Points to
 * static text. */
NF_API const char *nf_engine_unranked_words(nf_engine *e);
/* The causes the warning sign that was answered yes points to (nf_kb_red_flag_points_to): a sign
 * below an emergency in the order of the posterior, so that with a cold, pale foot a "new
 * weakness" names the blocked artery the other answers make likely rather than the sciatica the
 * sign alone would, those under 1% left out but the first, and the cause of a rule for every cause
 * that set the level above the sign first; an emergency sign in the knowledge base's order. Up to
 * cap condition indices into out, and how many (0 without a sign). */
NF_API size_t nf_engine_sign_points_to(nf_engine *e, size_t *out, size_t cap);
/* The words every face prints under the sign: the first three causes it points to, and, when the
 * causes are ranked below it (nf_engine_ranked), that the ranking weighs the other answers too and
 * does not outweigh the sign. "" without a sign or when it points to none. */
NF_API void nf_engine_sign_means(nf_engine *e, char *buf, size_t cap);
/* The words every face prints for a sign the other answers overtook (its own level is below the
 * result's): what it is, without its own timing ("a doctor within 1-2 days" under an emergency
 * read as a second, slower instruction). "" when no sign was answered yes or it set the level. */
NF_API void nf_engine_sign_overtaken(nf_engine *e, char *buf, size_t cap);
/* The words every face prints for why the level rests on the chance of the causes that need it,
 * after "Why: " (or after a rule's answers and "with them,"): the share, up to three causes of 1%
 * or more that need the level (a cause raised to it by a rule said so), the rest as "others
 * together", and, under a share of a half at urgent or emergency, the threshold and why it is
 * low. Percentages under 10% with one decimal, so that the parts add up. "" at self-care, and when
 * a warning sign or a rule for every cause set the level. */
NF_API void nf_engine_chance_words(nf_engine *e, char *buf, size_t cap);

/* The next screen to show: one finding, or a checklist of bool findings. */
typedef struct nf_question {
	int checklist;   /* checklist index, or -1 for a single finding */
	size_t n;        /* findings on this screen (1 for a single finding) */
	size_t finding[NF_MAX_CHECKLIST];
	double gain;     /* expected information gain in nats */
	double change;   /* probability that the answer changes the leading cause or the triage,
			  * a rise to emergency counted NF_EMERGENCY_WEIGHT times */
	bool completes;  /* asked because a yes completes a rule for every cause that raises the
			  * level (gain not weighed) */
} nf_question;

/* Chooses the next screen: unasked red-flag screens first, then a screen with the one answer a
 * rule for every cause still needs to raise the level (a cold or pale foot, once numbness has not
 * come back hours after a run), then the screen with the greatest expected information gain. Returns false when the interview should stop: no screen left, the
 * cap NF_MAX_SCREENS reached, or no screen with at least NF_STOP_CHANGE chance of changing the
 * leading cause or the triage level. An interview asks through nf_interview_next
 * (numbfoot/interview.h), which adds the stop on an emergency warning sign and keeps the count. */
NF_API bool nf_engine_next(nf_engine *e, nf_question *q);
#define NF_MAX_SCREENS 25
#define NF_STOP_CHANGE 0.05
/* A missed emergency costs far more than a question: an answer that would raise the triage to
 * emergency counts five times in that chance, so a screen with a 1% chance of it is asked. */
#define NF_EMERGENCY_WEIGHT 5.0
/* ...but while the causes needing emergency care hold this share of the emergency threshold or
 * more, the screens that bear on them are asked before it stops (docs/model.md). */
#define NF_NEAR_EMERGENCY 0.1
/* Counts a screen as asked (the interview's progress and its cap). */
NF_API void nf_engine_count_screen(nf_engine *e);
/* Sets the count of screens asked, for an interview that went back. */
NF_API void nf_engine_set_screens(nf_engine *e, size_t n);
NF_API size_t nf_engine_screens(const nf_engine *e);
/* The runner's units for the words of nf_engine_result_json (steps, headline, warning signs):
 * with NF_UNITS_MI the knowledge base's kilometres get their miles beside them (nf_units_text).
 * Its numbers stay in km. NF_UNITS_KM until set. nf_engine_advice keeps the knowledge base's own
 * words: a face that prints them passes them through nf_units_text. */
NF_API void nf_engine_set_units(nf_engine *e, nf_units units);
NF_API nf_units nf_engine_units(const nf_engine *e);
/* An estimate of the screens still to come, counting the one nf_engine_next would show now: the
 * mean length of the interview played on for simulated runners, each with a cause drawn from the
 * posterior of the answers given and answering as the knowledge base says runners with that cause
 * do, until the stopping rule ends it (lib/engine/progress.c). 0 when nf_engine_next would stop
 * now, else at least 1: for a progress bar, screens / (screens + left) reaches 1 only when the
 * interview is over. The same answers give the same estimate. Leaves e unchanged; takes a few
 * milliseconds. Out of memory, it returns the screens the cap NF_MAX_SCREENS still allows. */
NF_API size_t nf_engine_screens_left(const nf_engine *e);

/* The advice that goes with the triage (docs/model.md, "Advice"): the first thing to do, the plans
 * of the causes worth acting on, and whom to see, all agreeing with the level. The first step of
 * an urgent or emergency result says whom to see and how soon (or to go now), never a trial of
 * self-care; the headline names see[0]; every plan ends with its safety net. Strings point into
 * the knowledge base (valid while it lives), except those the struct holds. */
#define NF_ADVICE_PLANS 3
#define NF_ADVICE_STEPS 14
#define NF_ADVICE_SEE 16
typedef enum nf_step_kind {
	NF_STEP_ACTION = 0,     /* whom to see and how soon, or go now: what the level asks */
	NF_STEP_SELF_CARE = 1,  /* a step of the cause's plan */
	NF_STEP_SAFETY_NET = 2, /* the signs that would change the advice */
	NF_STEP_REFERRAL = 3,   /* whom to see if the plan's steps before it have not helped */
} nf_step_kind;
typedef struct nf_step {
	const char *text;
	double weeks; /* how long to try it before seeing someone (a referral: after how long); 0 for "now" */
	const char *source; /* "" for the engine's own words */
	nf_step_kind kind;
	nf_evidence evidence; /* what the step rests on (estimate for the engine's own words) */
	/* The weeks since onset (weeks_since_onset) once they reach weeks, else 0: the step's time has
	 * passed, so a referral is due now and a trial is no longer offered as new. 0 too when the
	 * runner said no change has been tried yet (changes_tried no): the trial's weeks count from the
	 * change, not from the onset. */
	double since;
	bool tried; /* with since: the runner said changes were tried for weeks without help */
} nf_step;
/* The words shown beside a step for its weeks, the same in every face: "(try for 4 weeks)",
 * "(after 6 weeks)", and once its time has passed (since) "(now: it has been 16 weeks, more than
 * the 6 weeks to wait)" or "(alongside seeing someone: ...)"; "" for a step without weeks. Writes at most
 * cap bytes into buf, NUL-terminated. */
#define NF_STEP_WHEN_MAX 128
NF_API void nf_step_when(const nf_step *s, char *buf, size_t cap);
typedef struct nf_advice_plan {
	size_t condition;
	double probability;
	size_t nsteps;
	nf_step step[NF_ADVICE_STEPS];
} nf_advice_plan;
typedef struct nf_advice {
	nf_triage level;
	char headline[256];
	nf_step first;
	char first_text[256]; /* holds first.text when the engine words it itself */
	int first_condition;  /* the cause whose advice the first step is, or -1 */
	int first_red_flag;   /* or the warning sign's finding, or -1 */
	size_t nplans;
	/* An action first step (kind NF_STEP_ACTION) stands above the plans and is not repeated in them;
	 * a self-care first step is plan[0]'s first step. */
	nf_advice_plan plan[NF_ADVICE_PLANS];
	size_t nsee;
	const char *see[NF_ADVICE_SEE]; /* "see" IDs (docs/kb-format.md), most relevant first */
} nf_advice;
NF_API void nf_engine_advice(nf_engine *e, nf_advice *out);
/* The words of the triage level for the answers so far: the advice's headline (nf_engine_advice)
 * in the engine's units, which the result gives as triage.words. A face that says the level during
 * the interview (the served page's and the static site's emergency banner) says these words, so
 * that it never says less than the result and the terminal ("... Do not drive yourself.").
 * Writes at most cap bytes into buf, NUL-terminated (NF_TRIAGE_WORDS_MAX holds any), and returns
 * buf. */
#define NF_TRIAGE_WORDS_MAX 512
NF_API const char *nf_engine_triage_words(nf_engine *e, char *buf, size_t cap);

/* The whole result as a JSON text (schema in docs/result-schema.md) for scripts, the web page and
 * the report. The caller frees it with free(). NULL if out of memory. */
NF_API char *nf_engine_result_json(nf_engine *e);

#ifdef __cplusplus
}
#endif
#endif
