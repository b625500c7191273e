/* numbfoot report internals: the content (model.c), the figures (plot.c), and the writers
 * (pdf.c for PDF, PNG and SVG through cairo; html.c). Not exported. */
#ifndef NUMBFOOT_REPORT_PRIV_H
#define NUMBFOOT_REPORT_PRIV_H

#include <cairo.h>
#include <jansson.h>
#include <stdio.h>

#include "core/calendar.h" /* an_date */
#include "numbfoot/analyze.h"
#include "numbfoot/report.h"

#define RP_TEXT_MAX 2048
#define RP_EPISODES_SHOWN 60 /* the latest episodes listed; the figures show them all */
#define RP_CLEAN_NOTES 12      /* the notes of the latest runs without numbness listed */
#define RP_CLEAN_SCAN 200      /* of the latest runs so many are read for those notes */

/* Everything the report says, gathered once so that every writer says the same. */
/* The route of one run with numbness, for report --gps. */
#define RP_ROUTES 6 /* the latest runs with numbness whose route is drawn */
struct rp_route {
	char date[11];
	double km, onset_km; /* NaN unknown */
	nf_track_point *pt;  /* owned; from nf_journal_get_track */
	size_t n;
};

/* ---- the report as lines (content.c): what every writer renders, in order ---- */
enum rp_kind {
	RP_SECTION, /* text: a section's title; value 1 for the title of the whole report */
	RP_PARA,    /* text, bold or not */
	RP_FACT,    /* label: text (one of page one's facts; "Whom to see") */
	RP_TRIAGE,  /* text in the colour of the level named by label */
	RP_CAUSE,   /* label: a cause's name; text: its probability in words; value: the probability */
	RP_REASON,  /* text, the factor in label (NULL: none); mark; derived */
	RP_LEAD,    /* a line that heads the items after it */
	RP_ITEM,    /* one item of the list a LEAD began */
	RP_ANSWER,  /* label: text, extra: its evidence (or NULL); derived; bold (answered yes, or derived) */
	RP_MARKS,   /* no text: says how the writer marks the answers derived from the journal */
	RP_ROW,     /* a row of table value (enum rp_table): cell[], under that table's headings */
	RP_FIGURE,  /* figure number value, text its title */
	RP_REF,     /* [label] text */
	RP_SMALL,   /* small print: a legend, a list in one line */
};

#define RP_COLS 8 /* the most columns a table has */
/* The report's tables: the episode history, and the shoes and insoles. */
enum rp_table { RP_TABLE_EPISODES, RP_TABLE_GEAR, RP_TABLES };
/* Each table's column count and headings (rp_columns is the episode table's). */
extern const int rp_table_cols[RP_TABLES];
extern const char *const rp_table_head[RP_TABLES][RP_COLS];
extern const char *const rp_columns[RP_COLS];

/* One line; its strings are owned by the document. */
struct rp_line {
	enum rp_kind kind;
	char *label, *text, *extra;
	char *cell[RP_COLS];
	double value;
	const char *mark; /* a reason's evidence when a study did not measure it (static), or NULL */
	bool bold, derived;
};

struct rp_doc {
	const nf_kb *kb;
	const nf_report_options *opt;
	nf_analysis *an;
	json_t *result;      /* the assessment result (docs/result-schema.md) */
	json_t *derived;     /* array of finding IDs that came from the journal */
	bool fresh;          /* no saved assessment: made now from the journal */
	char assessed[24];   /* time of the saved assessment, or the clock */
	char unfinished[24]; /* time of the latest saved assessment when it was not finished, or "" */
	char today[24];
	json_t *refs;        /* array of {key, cite} behind the causes and steps page one shows */
	struct rp_route route[RP_ROUTES]; /* only with opt->gps: latest first */
	/* The runner's notes on the runs of the episodes the history lists (the episodes' own are in
	 * the analysis): run_id and its notes (owned), one per run that has some. */
	struct rp_run_note {
		int64_t run_id;
		int64_t time; /* the run's start, as the journal has it */
		char *text;
	} run_note[RP_EPISODES_SHOWN];
	size_t nrun_notes;
	/* The notes of the latest runs without numbness (newest first): what went right is evidence
	 * too ("laces loosened, no tingling"). */
	struct rp_run_note clean_note[RP_CLEAN_NOTES];
	size_t nclean_notes;
	size_t nroutes;
	struct rp_line *lines; /* the report's content, in order (rp_content_build) */
	size_t nlines, lines_cap;
};

/* Fills d->lines from the rest of d (rp_doc_load calls it last). NF_ENOMEM; what was added is
 * freed by rp_content_release, which rp_doc_release calls. */
nf_err rp_content_build(struct rp_doc *d, nf_error *err);
void rp_content_release(struct rp_doc *d);

nf_err rp_doc_load(struct rp_doc *d, nf_journal *j, const nf_kb *kb, const nf_report_options *o, nf_error *err);
void rp_doc_release(struct rp_doc *d);

/* The answer to finding id (a JSON value as the result stores it) in words, with its unit;
 * distances in d's units. */
void rp_answer_text(const struct rp_doc *d, const char *id, json_t *v, char *buf, size_t cap);
/* km as "12.3 km" or "7.6 mi" in d's units, with decimals places; the factor and unit name alone. */
void rp_dist(const struct rp_doc *d, double km, int decimals, char *buf, size_t cap);
double rp_per_km(const struct rp_doc *d);
const char *rp_unit(const struct rp_doc *d);
bool rp_is_derived(const struct rp_doc *d, const char *id);
/* A derived finding's value as an answer in the result's JSON form (for rp_answer_text); NULL for
 * a set of places or when out of memory. The caller owns it. */
json_t *rp_derived_value(const nf_derived *dv);
/* Whether the journal's analysis today derives the value the saved result holds for id: false
 * when it derives another, or none (a journal changed since, or an analysis that has since
 * learnt better). A set of places is taken as held. */
bool rp_derived_holds(const struct rp_doc *d, const char *id);
/* Today's evidence of a derived finding, when it still holds for the saved value (rp_derived_holds),
 * else NULL: evidence for one value is never printed beside another. */
const char *rp_evidence(const struct rp_doc *d, const char *id);
/* The one line that says what the marks of the reasons mean. */
#define RP_EVIDENCE_LEGEND                                                                                          \
	"\"estimate\" marks an answer whose likelihood under that cause is the knowledge base's judgement, not a " \
	"study's measurement, and \"derived\" one worked out from studies' figures (pooled, or carried over to the " \
	"question asked); the others are studies' own figures."

/* Nickname of gear id, or "". */
const char *rp_gear_name(const struct rp_doc *d, int64_t id);

/* The figures, in order; each draws itself (or a "no data yet" panel) in the box x, y, w, h. */
#define RP_FIGURES 5
#define RP_FIG_ROUTES RP_FIGURES /* the routes, drawn only with opt->gps and a stored route */
/* Of the runs the training's cadence rests on (nf_training.cadence_runs, the latest with one), how
 * many came before the weeks the figures show, which the cadence figure leaves out; *first and
 * *last (out) get the earliest and latest of those (-1 when none). */
size_t rp_cadence_before(const struct rp_doc *d, int64_t *first, int64_t *last);
/* The height the routes figure wants at width w. */
double rp_routes_height(const struct rp_doc *d, double w);
const char *rp_figure_title(int i);
/* The ticks of a time axis from x0 to x1 (Unix seconds) with room for about room labels: on whole
 * days, and when a week or more apart on week starts (Mondays, 00:00 UTC, as the analysis counts
 * weeks); with weeks, on week starts only. Writes up to cap tick times to out; returns how many. */
size_t rp_time_ticks(double x0, double x1, int room, bool weeks, double *out, size_t cap);
/* The step between the ticks of a value axis spanning range: a round number (1, 2 or 5 times a
 * power of ten) giving about n ticks; at least 1 when whole, for an axis of counts. */
double rp_value_step(double range, int n, bool whole);
/* The colours of the shoe pairs in the figures (rp_shoe_colours of them, i taken modulo that), and
 * the two colours that mean numbness or a warning there (0 red, 1 orange), which no pair gets. */
size_t rp_shoe_colours(void);
void rp_shoe_colour(size_t i, double rgb[3]);
void rp_warning_colour(size_t i, double rgb[3]);
/* The height figure i wants at width w: its plot at a readable height for that width, under its
 * title and key (which take more lines on a narrow figure). */
double rp_figure_height(const struct rp_doc *d, int i, double w);
void rp_figure_draw(const struct rp_doc *d, int i, cairo_t *cr, double x, double y, double w, double h);

/* A wrapped paragraph of plain text at (x, y), width wide; returns its height. Draws only when
 * draw is true (false measures). */
double rp_para(cairo_t *cr, const char *s, double x, double y, double width, double size, bool bold, bool draw);

/* Writers. */
/* The report's output file: rp_out_open opens path for writing, *f NULL and err set with the
 * system's reason on failure. rp_out_write is cairo's write function for it (closure: the
 * struct rp_out); rp_out_close flushes and closes, and on any failure (of a write, the flush or
 * the close; failed is the caller's own, such as cairo's status) removes the file, so that no
 * half-written report is left, and sets err to "PATH: writing ... failed: REASON" with the
 * system's reason (No space left on device) where one is known, else why. */
struct rp_out {
	FILE *f;
	int errnum; /* errno of the first failed write, 0 if none */
};
nf_err rp_out_open(struct rp_out *o, const char *path, nf_error *err);
cairo_status_t rp_out_write(void *closure, const unsigned char *data, unsigned int len);
nf_err rp_out_close(struct rp_out *o, const char *path, const char *what, bool failed, const char *why,
		    nf_error *err);
nf_err rp_write_pdf(const struct rp_doc *d, const char *path, nf_error *err);
nf_err rp_write_figures(const struct rp_doc *d, const char *path, bool svg, nf_error *err);
nf_err rp_write_html(const struct rp_doc *d, const char *path, nf_error *err);
/* One figure as an SVG text (ids prefixed with prefix so that several can share a page); the
 * caller frees it. NULL when out of memory. */
char *rp_figure_svg(const struct rp_doc *d, int i, double w, double h, const char *prefix);

/* Page one's facts in order, in words, the same in both writers (model.c): each handed to fn
 * as a label and its words. The runner's age and sex; whether the assessment was complete, and
 * when; where (the assessment's answer, else the places the episodes name with their counts);
 * which foot (what the analysis found from the episodes, else the runner's answer); the journal's
 * size and the report date. */
typedef void (*rp_fact_fn)(void *ctx, const char *label, const char *words);
void rp_facts(const struct rp_doc *d, rp_fact_fn fn, void *ctx);
/* Place i (nf_location_name(i)) in the vocabulary's words, without a leading "the" when short is
 * true ("top of the foot"); the ID when the knowledge base has no words for it. */
const char *rp_place_words(const struct rp_doc *d, int i, bool short_form);
/* The places of a set in words, comma-separated; "-" for none. */
void rp_places_text(const struct rp_doc *d, uint32_t set, char *buf, size_t cap);
/* Which foot one episode was in, in a word ("left", "both", "one": one foot, not said which). */
const char *rp_episode_foot(const nf_episode *e);

/* The causes page one lists in full (the top three), and the line after them: a few more at 1%
 * or more by name, then "Others under 1% each." (or how likely the most likely of the rest is);
 * without percent (a warning sign or a rule for every cause set the level), names and a count. */
#define RP_TOP_CAUSES 3
#define RP_REASONS_SHOWN 3 /* the answers that moved each cause most */
#define RP_ALSO_NAMED 3
void rp_others_words(const struct rp_doc *d, bool percent, char *buf, size_t cap);
/* One reason of a cause: its words ("raised by <finding>: <answer>") and its factor ("×4.4");
 * *mark is what it rests on when a study did not measure it ("estimate", "derived"; static), else
 * NULL. False when the reason is too small to show (|weight| below 0.1) or names no finding the
 * knowledge base knows. */
bool rp_reason_words(const struct rp_doc *d, json_t *cause, json_t *reason, char *words, size_t cap,
		     char factor[NF_FACTOR_MAX], const char **mark);
/* The legend of the factor. */
#define RP_FACTOR_LEGEND "\u00d72.5 is how many times an answer raised or lowered the odds of that cause. "

/* Words used by both writers. */
extern const char rp_disclaimer[];
/* "The last assessment ... was not finished ..." into buf, or "" when it was. */
void rp_unfinished_note(const struct rp_doc *d, char *buf, size_t cap);
extern const char rp_gps_note[];

#endif
