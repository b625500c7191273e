/* The report on A4 pages (cairo PDF surface), and the figures alone as PNG or SVG.
 *
 * The pages are laid out in passes: a pass that only measures, as many as it takes to choose
 * where the pages break, then the pass that draws. Every piece of the report goes on a page
 * through place(), which moves it whole to the next page when it does not fit: a table row is
 * never split, and a heading (or a cause's name) waits to go on the page with what follows it, so
 * that none ends a page. A last page that would hold only a few lines is avoided by shrinking
 * the figures a little, else by starting the last page earlier. */
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "numbfoot/version.h"
#include "report/report_priv.h"

#define PAGE_W 595.28
#define PAGE_H 841.89
#define MARGIN 50.0
#define TOP 56.0
#define BOTTOM (PAGE_H - 58.0)
#define TEXT_W (PAGE_W - 2 * MARGIN)
#define FIG_H 215.0     /* a figure's height, as drawn unless the last page needs the room */
#define FIG_H_MIN 155.0 /* the least a figure is shrunk to */
#define LAST_PAGE_MIN ((BOTTOM - TOP) / 4) /* a last page holding less is nearly empty */
#define MAX_PAGES 256
#define PENDING_MAX 4

/* A piece that waits to go on the page with the piece after it: a heading, a cause's name. */
struct pending {
	char text[512];
	double size, indent, before, after;
	bool bold, heading;
	double bar; /* a cause's probability bar beside it, or -1 */
};

/* Where one pass breaks the pages, and what it records for choosing the next. */
struct layout {
	double fig_h;
	int break_before; /* start a new page before this piece (-1: none) */
};

struct pg {
	const struct rp_doc *d;
	cairo_t *cr;
	bool draw; /* false: measure only */
	struct layout lo;
	double y;
	int page, pages; /* pages: the total, once a measuring pass has found it (0: unknown) */
	int piece;       /* pieces placed so far */
	struct pending pend[PENDING_MAX];
	int npend;
	double fill[MAX_PAGES]; /* height used on each page */
	int *piece_page;        /* the page each piece went on (NULL when not recorded) */
	size_t npieces, cap;
};

static void ink(cairo_t *cr)
{
	cairo_set_source_rgb(cr, 0.1, 0.1, 0.12);
}

static void footer(struct pg *p)
{
	char b[200], of[24] = "";
	if (p->pages)
		snprintf(of, sizeof of, " of %d", p->pages);
	snprintf(b, sizeof b, "numbfoot %s report, %.10s. Not a diagnosis: informs, does not examine. Page %d%s",
		 nf_version(), p->d->today, p->page, of);
	cairo_set_source_rgb(p->cr, 0.4, 0.4, 0.45);
	rp_para(p->cr, b, MARGIN, PAGE_H - 40, TEXT_W, 7.5, false, true);
	ink(p->cr);
}

static void new_page(struct pg *p)
{
	if (p->draw) {
		footer(p);
		cairo_show_page(p->cr);
	}
	if (p->page <= MAX_PAGES)
		p->fill[p->page - 1] = p->y - TOP;
	p->page++;
	p->y = TOP;
}

static double measure(struct pg *p, const char *s, double size, bool bold, double width)
{
	return rp_para(p->cr, s, 0, 0, width, size, bold, false);
}

static double pending_height(struct pg *p)
{
	double h = 0;
	for (int i = 0; i < p->npend; i++)
		h += p->pend[i].before + measure(p, p->pend[i].text, p->pend[i].size, p->pend[i].bold,
						   TEXT_W - p->pend[i].indent) + p->pend[i].after;
	return h;
}

static void record(struct pg *p)
{
	if (p->draw || p->npieces == SIZE_MAX)
		return;
	if (p->npieces == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 512;
		int *q = realloc(p->piece_page, cap * sizeof *q);
		if (!q) { /* without the record the last page is left as it falls */
			p->npieces = SIZE_MAX;
			return;
		}
		p->piece_page = q, p->cap = cap;
	}
	p->piece_page[p->npieces++] = p->page;
}

static void draw_pending(struct pg *p, const struct pending *x)
{
	p->y += x->before;
	double h = measure(p, x->text, x->size, x->bold, TEXT_W - x->indent);
	if (p->draw) {
		if (x->heading)
			cairo_set_source_rgb(p->cr, 0.13, 0.3, 0.55);
		rp_para(p->cr, x->text, MARGIN + x->indent, p->y, TEXT_W - x->indent, x->size, x->bold, true);
		ink(p->cr);
		if (x->bar >= 0) {
			double w = 120, bh = 7, bx = MARGIN + TEXT_W - w, by = p->y + h - 9;
			cairo_set_source_rgb(p->cr, 0.88, 0.88, 0.9);
			cairo_rectangle(p->cr, bx, by, w, bh);
			cairo_fill(p->cr);
			cairo_set_source_rgb(p->cr, 0.22, 0.42, 0.69);
			cairo_rectangle(p->cr, bx, by, w * x->bar, bh);
			cairo_fill(p->cr);
			ink(p->cr);
		}
	}
	p->y += h + x->after;
}

/* Makes room for the next piece, h high, with what waits to go with it: on this page when it
 * fits, else at the top of the next. Then draws what waited; the caller draws the piece at p->y. */
static void place(struct pg *p, double h)
{
	double ph = pending_height(p);
	if (p->y > TOP && (p->piece == p->lo.break_before || p->y + ph + h > BOTTOM))
		new_page(p);
	record(p);
	p->piece++;
	for (int i = 0; i < p->npend; i++)
		draw_pending(p, &p->pend[i]);
	p->npend = 0;
}

static void keep_with_next(struct pg *p, const char *s, double size, bool bold, double indent, double before,
			   double after, bool heading, double bar)
{
	if (p->npend == PENDING_MAX)
		place(p, 0);
	struct pending *x = &p->pend[p->npend++];
	snprintf(x->text, sizeof x->text, "%s", s);
	x->size = size, x->bold = bold, x->indent = indent, x->before = before, x->after = after;
	x->heading = heading, x->bar = bar;
}

static void heading(struct pg *p, const char *s)
{
	keep_with_next(p, s, 13, true, 0, 8, 6, true, -1);
}

static void para(struct pg *p, const char *s, double size, bool bold, double indent, double gap)
{
	double h = measure(p, s, size, bold, TEXT_W - indent);
	place(p, h);
	if (p->draw)
		rp_para(p->cr, s, MARGIN + indent, p->y, TEXT_W - indent, size, bold, true);
	p->y += h + gap;
}

static void triage_box(struct pg *p, const char *level, const char *words)
{
	static const struct {
		const char *id;
		double r, g, b;
	} c[] = {{"emergency", 0.8, 0.1, 0.1}, {"urgent", 0.95, 0.7, 0.1}, {"routine", 0.3, 0.7, 0.8},
		 {"self_care", 0.4, 0.75, 0.4}};
	double h = measure(p, words, 12, true, TEXT_W - 20) + 14;
	place(p, h);
	if (p->draw) {
		for (size_t i = 0; i < 4; i++)
			if (!strcmp(c[i].id, level))
				cairo_set_source_rgb(p->cr, c[i].r, c[i].g, c[i].b);
		cairo_rectangle(p->cr, MARGIN, p->y, TEXT_W, h);
		cairo_fill(p->cr);
		!strcmp(level, "emergency") ? cairo_set_source_rgb(p->cr, 1, 1, 1) : ink(p->cr);
		rp_para(p->cr, words, MARGIN + 10, p->y + 7, TEXT_W - 20, 12, true, true);
		ink(p->cr);
	}
	p->y += h + 8;
}

static void pct(double p, char b[16])
{
	if (p > 0.99)
		snprintf(b, 16, ">99%%");
	else if (p < 0.01)
		snprintf(b, 16, "<1%%");
	else
		snprintf(b, 16, "%.0f%%", 100 * p);
}

/* One fact of page one: "Runner: 45 years old, male". */
static void fact(void *ctx, const char *label, const char *words)
{
	char b[RP_TEXT_MAX];
	snprintf(b, sizeof b, "%s: %s", label, words);
	para(ctx, b, 9.5, false, 0, 3);
}

static void page_one(struct pg *p)
{
	const struct rp_doc *d = p->d;
	char b[RP_TEXT_MAX];
	keep_with_next(p, "numbfoot report: numbness or tingling in the feet when running", 17, true, 0, 0, 4, true, -1);
	para(p, "For a sports-medicine doctor or physiotherapist. Made from the runner's own answers and run journal.",
	     9.5, false, 0, 8);
	rp_facts(d, fact, p);
	p->y += 6;
	rp_unfinished_note(d, b, sizeof b);
	if (b[0])
		para(p, b, 9.5, true, 0, 10);

	json_t *tri = json_object_get(d->result, "triage");
	const char *level = json_string_value(json_object_get(tri, "level"));
	const char *tw = json_string_value(json_object_get(tri, "words"));
	heading(p, "Triage");
	triage_box(p, level ? level : "", tw ? tw : "");
	json_t *rf = json_object_get(tri, "red_flag");
	if (json_is_object(rf)) {
		snprintf(b, sizeof b, "Set by a warning sign: %s", json_string_value(json_object_get(rf, "says")));
		para(p, b, 9.5, true, 0, 6);
	}

	heading(p, "Most likely causes, with the answers that moved each");
	json_t *rank = json_object_get(d->result, "ranking"), *r;
	size_t i;
	int estimated = 0;
	json_array_foreach(rank, i, r)
	{
		double prob = json_number_value(json_object_get(r, "probability"));
		if (i >= RP_TOP_CAUSES || (i > 0 && prob < 0.01))
			break;
		char pc[16];
		pct(prob, pc);
		snprintf(b, sizeof b, "%zu. %s  (%s)", i + 1, json_string_value(json_object_get(r, "name")), pc);
		keep_with_next(p, b, 10.5, true, 0, 0, 2, false, prob);
		json_t *x;
		size_t k;
		int shown = 0;
		json_array_foreach(json_object_get(r, "reasons"), k, x)
		{
			bool est;
			char words[RP_TEXT_MAX], factor[NF_FACTOR_MAX];
			if (k >= 3 || !rp_reason_words(d, r, x, words, sizeof words, factor, &est))
				continue;
			snprintf(b, sizeof b, "%s (%s%s)%s", words, factor, est ? ", estimate" : "",
				 rp_is_derived(d, json_string_value(json_object_get(x, "finding"))) ? " [journal]" : "");
			estimated += est;
			para(p, b, 8.5, false, 14, 1);
			shown++;
		}
		if (!shown)
			para(p, "no answer moved it much: it stands on how common it is", 8.5, false, 14, 1);
		p->y += 4;
	}
	rp_others_words(d, b, sizeof b);
	para(p, b, 8.5, false, 0, 3);
	snprintf(b, sizeof b, "%s%s", RP_FACTOR_LEGEND, estimated ? RP_ESTIMATE_LEGEND : "");
	para(p, b, 8, false, 0, 4);
}

static void warning_signs(struct pg *p)
{
	const struct rp_doc *d = p->d;
	const nf_kb *kb = d->kb;
	char b[RP_TEXT_MAX];
	heading(p, "Warning signs asked, and the answers");
	json_t *answers = json_object_get(d->result, "answers");
	int asked = 0;
	for (size_t f = 0; f < nf_kb_findings(kb); f++) {
		const char *says;
		if (nf_kb_finding_red_flag(kb, f, &says) >= 0 && !nf_kb_finding_clinician(kb, f) &&
		    json_object_get(answers, nf_kb_finding_id(kb, f)))
			asked++;
	}
	if (!asked) {
		para(p, "None of the warning signs has been asked yet ('numbfoot assess --from-journal' asks them):", 8.5,
		     true, 0, 2);
	}
	size_t nb = 0;
	b[0] = '\0';
	for (size_t f = 0; f < nf_kb_findings(kb); f++) {
		const char *says;
		if (nf_kb_finding_red_flag(kb, f, &says) < 0 || nf_kb_finding_clinician(kb, f))
			continue;
		json_t *v = json_object_get(answers, nf_kb_finding_id(kb, f));
		char ans[256];
		if (v) {
			rp_answer_text(d, nf_kb_finding_id(kb, f), v, ans, sizeof ans);
			snprintf(b, sizeof b, "%s: %s", nf_kb_finding_means(kb, f), ans);
			para(p, b, 8.5, v && json_is_true(v), 0, 1);
		} else if (!asked && nb < sizeof b) {
			nb += (size_t)snprintf(b + nb, sizeof b - nb, "%s%s", nb ? "; " : "", nf_kb_finding_means(kb, f));
		} else if (asked) {
			snprintf(b, sizeof b, "%s: not asked", nf_kb_finding_means(kb, f));
			para(p, b, 8.5, false, 0, 1);
		}
	}
	if (!asked)
		para(p, b, 8, false, 0, 2);
}

static void plan(struct pg *p)
{
	const struct rp_doc *d = p->d;
	char b[RP_TEXT_MAX];
	size_t i;
	heading(p, "The plan so far");
	/* A saved assessment from before first steps were kept has none: its plans say it all. */
	json_t *first = json_object_get(d->result, "first_step");
	const char *fk = json_string_value(json_object_get(first, "kind"));
	if (fk && !strcmp(fk, "action")) {
		snprintf(b, sizeof b, "First: %s", json_string_value(json_object_get(first, "step")));
		para(p, b, 9.5, true, 0, 2);
	}
	json_t *pl;
	json_array_foreach(json_object_get(d->result, "plan"), i, pl)
	{
		char pc[16];
		pct(json_number_value(json_object_get(pl, "probability")), pc);
		snprintf(b, sizeof b, "If it is %s (%s):", json_string_value(json_object_get(pl, "name")), pc);
		keep_with_next(p, b, 9.5, true, 0, 0, 2, false, -1);
		json_t *st;
		size_t k;
		json_array_foreach(json_object_get(pl, "steps"), k, st)
		{
			double wk = json_number_value(json_object_get(st, "weeks"));
			char w[40] = "";
			if (wk > 0)
				snprintf(w, sizeof w, " (try for %g week%s)", wk, wk == 1 ? "" : "s");
			snprintf(b, sizeof b, "- %s%s", json_string_value(json_object_get(st, "step")), w);
			para(p, b, 8.5, false, 10, 1);
		}
		p->y += 3;
	}
	if (nf_analysis_advice(d->an)) {
		keep_with_next(p, "From the runner's own data:", 9.5, true, 0, 0, 2, false, -1);
		for (size_t k = 0; k < nf_analysis_advice(d->an); k++) {
			snprintf(b, sizeof b, "- %s", nf_analysis_advice_text(d->an, k));
			para(p, b, 8.5, false, 10, 1);
		}
	}
	json_t *see = json_object_get(d->result, "see"), *s;
	size_t n = 0;
	n += (size_t)snprintf(b, sizeof b, "Whom to see: ");
	json_array_foreach(see, i, s) if (n < sizeof b) n += (size_t)snprintf(b + n, sizeof b - n, "%s%s", i ? ", " : "",
									 nf_kb_see_words(json_string_value(s)));
	p->y += 4;
	para(p, b, 9.5, true, 0, 4);
}

static void answers_section(struct pg *p)
{
	const struct rp_doc *d = p->d;
	char b[RP_TEXT_MAX];
	heading(p, "Answers given (those marked [journal] were derived from the run journal)");
	json_t *answers = json_object_get(d->result, "answers"), *v;
	const char *id;
	int shown = 0;
	json_object_foreach(answers, id, v)
	{
		int f = nf_kb_finding_index(d->kb, id);
		if (f < 0)
			continue;
		char ans[256];
		rp_answer_text(d, id, v, ans, sizeof ans);
		bool der = rp_is_derived(d, id);
		const char *ev = der ? rp_evidence(d, id) : NULL;
		snprintf(b, sizeof b, "%s%s: %s%s%s%s", der ? "[journal] " : "", nf_kb_finding_means(d->kb, (size_t)f), ans,
			 ev ? " (" : "", ev ? ev : "", ev ? ")" : "");
		para(p, b, 8.5, der, 0, 1.5);
		shown++;
	}
	if (!shown)
		para(p, "No answers yet.", 9, false, 0, 2);
	if (nf_analysis_needs(d->an)) {
		keep_with_next(p, "What more to log to settle other questions:", 9.5, true, 0, 0, 2, false, -1);
		for (size_t k = 0; k < nf_analysis_needs(d->an); k++) {
			snprintf(b, sizeof b, "- %s", nf_analysis_need(d->an, k));
			para(p, b, 8.5, false, 10, 1);
		}
	}
}

/* The episode table: its columns' left edges and headings. */
#define COLS 8
static const double col[COLS + 1] = {0, 56, 100, 144, 186, 222, 380, 426, TEXT_W};
static const char *const head[COLS] = {"date", "run", "onset", "severity", "foot", "where", "recovery", "shoes"};

static double row_height(struct pg *p, char cell[COLS][256], bool bold)
{
	double h = 0;
	for (int c = 0; c < COLS; c++)
		h = fmax(h, measure(p, cell[c], 8, bold, col[c + 1] - col[c] - 4));
	return h;
}

static void draw_row(struct pg *p, char cell[COLS][256], bool bold, double h)
{
	if (p->draw)
		for (int c = 0; c < COLS; c++)
			rp_para(p->cr, cell[c], MARGIN + col[c], p->y, col[c + 1] - col[c] - 4, 8, bold, true);
	p->y += h + 2;
}

static void history(struct pg *p)
{
	const struct rp_doc *d = p->d;
	size_t n, nr;
	const nf_an_episode *e = nf_analysis_episodes(d->an, &n);
	const nf_an_run *r = nf_analysis_runs(d->an, &nr);
	char b[RP_TEXT_MAX];
	heading(p, "Episode history");
	if (!n) {
		para(p, "No episodes are logged yet.", 9, false, 0, 2);
		return;
	}
	size_t first = n > RP_EPISODES_SHOWN ? n - RP_EPISODES_SHOWN : 0;
	if (first) {
		snprintf(b, sizeof b, "The latest %d of %zu episodes; the figures show them all.", RP_EPISODES_SHOWN, n);
		para(p, b, 8.5, false, 0, 3);
	}
	char top[COLS][256];
	for (int c = 0; c < COLS; c++)
		snprintf(top[c], sizeof top[c], "%s", head[c]);
	double top_h = row_height(p, top, true);
	int page = 0;
	for (size_t i = first; i < n; i++) {
		const nf_episode *ep = &e[i].ep;
		const nf_an_run *x = &r[e[i].run];
		char cell[COLS][256];
		an_date(x->time, cell[0]);
		isfinite(x->km) ? rp_dist(d, x->km, 1, cell[1], 256) : (void)snprintf(cell[1], 256, "-");
		if (isfinite(ep->onset_km))
			rp_dist(d, ep->onset_km, 1, cell[2], 256);
		else if (isfinite(ep->onset_min))
			snprintf(cell[2], 256, "%.0f min", ep->onset_min);
		else
			snprintf(cell[2], 256, "-");
		ep->severity >= 0 ? snprintf(cell[3], 256, "%d/10", ep->severity) : snprintf(cell[3], 256, "-");
		snprintf(cell[4], 256, "%s", rp_episode_foot(ep));
		rp_places_text(d, ep->locations, cell[5], 256);
		isfinite(ep->recover_min) ? snprintf(cell[6], 256, "%.0f min", ep->recover_min) : snprintf(cell[6], 256, "-");
		snprintf(cell[7], 256, "%s", x->shoes_id ? rp_gear_name(d, x->shoes_id) : "-");
		/* A row goes whole onto a page, and every page of the table starts with its header. */
		double h = row_height(p, cell, false);
		bool header = page != p->page || p->y + h > BOTTOM || p->piece == p->lo.break_before;
		place(p, h + (header ? top_h + 2 : 0));
		if (header) {
			draw_row(p, top, true, top_h);
			page = p->page;
		}
		draw_row(p, cell, false, h);
	}
}

static void training(struct pg *p)
{
	const nf_training *t = nf_analysis_training(p->d->an);
	char b[RP_TEXT_MAX];
	heading(p, "Training");
	if (isfinite(t->week_km_recent)) {
		char ch[40] = "";
		if (isfinite(t->week_change_pct))
			snprintf(ch, sizeof ch, " (%+.0f%%)", t->week_change_pct);
		const struct rp_doc *d = p->d;
		snprintf(b, sizeof b, "Weekly distance: %.1f %s a week over the last 4 weeks, %.1f %s over the 4 before%s.",
			 t->week_km_recent * rp_per_km(d), rp_unit(d), t->week_km_before * rp_per_km(d), rp_unit(d), ch);
		para(p, b, 9, false, 0, 2);
	}
	if (isfinite(t->cadence_spm)) {
		snprintf(b, sizeof b, "Cadence: %.0f steps per minute (median of the latest %d runs with one)%s.", t->cadence_spm,
			 t->cadence_runs, t->cadence_spm < NF_AN_LOW_CADENCE ? ", below the usual range" : "");
		para(p, b, 9, false, 0, 2);
	}
	if (isfinite(t->stride_m)) {
		snprintf(b, sizeof b, "Stride length: %.2f m per step.", t->stride_m);
		para(p, b, 9, false, 0, 2);
	}
	if (!isfinite(t->week_km_recent) && !isfinite(t->cadence_spm))
		para(p, "No recent runs in the journal.", 9, false, 0, 2);
}

static void figure(struct pg *p, int i, double h)
{
	place(p, h);
	if (p->draw)
		rp_figure_draw(p->d, i, p->cr, MARGIN, p->y, TEXT_W, h);
	p->y += h + 10;
}

static void closing(struct pg *p)
{
	const struct rp_doc *d = p->d;
	char b[RP_TEXT_MAX * 2];
	heading(p, "References behind the conditions listed");
	json_t *x;
	size_t i;
	json_array_foreach(d->refs, i, x)
	{
		snprintf(b, sizeof b, "[%s] %s", json_string_value(json_object_get(x, "key")),
			 json_string_value(json_object_get(x, "cite")));
		para(p, b, 7.5, false, 0, 2);
	}
	if (!json_array_size(d->refs))
		para(p, "None cited.", 8, false, 0, 2);
	heading(p, "GPS tracks");
	if (d->opt->gps)
		figure(p, RP_FIG_ROUTES, rp_routes_height(d, TEXT_W));
	else
		para(p, rp_gps_note, 9, false, 0, 2);
	heading(p, "This is not a diagnosis");
	para(p, rp_disclaimer, 9.5, true, 0, 2);
}

/* One pass over the whole report; p->fill and p->page tell how it fell. */
static void pass(struct pg *p)
{
	p->y = TOP;
	p->page = 1;
	p->piece = 0;
	p->npend = 0;
	p->npieces = 0;
	ink(p->cr);
	page_one(p);
	warning_signs(p);
	plan(p);
	answers_section(p);
	history(p);
	training(p);
	heading(p, "Figures");
	for (int i = 0; i < RP_FIGURES; i++)
		figure(p, i, p->lo.fig_h);
	closing(p);
	if (p->page <= MAX_PAGES)
		p->fill[p->page - 1] = p->y - TOP;
	if (p->draw) {
		footer(p);
		cairo_show_page(p->cr);
	}
}

static bool nearly_empty_end(const struct pg *p)
{
	return p->page > 1 && p->page <= MAX_PAGES && p->fill[p->page - 1] < LAST_PAGE_MIN;
}

/* Chooses where the pages break: the figures as drawn, unless the last page would be nearly
 * empty; then the tallest figures that spare it, else a break before the last page that moves
 * enough onto it, without leaving the page before nearly empty. */
static struct layout choose(struct pg *p)
{
	struct layout best = {FIG_H, -1};
	p->lo = best;
	pass(p);
	if (!nearly_empty_end(p))
		return best;
	for (double h = FIG_H - 10; h >= FIG_H_MIN; h -= 10) {
		p->lo = (struct layout){h, -1};
		pass(p);
		if (!nearly_empty_end(p))
			return p->lo;
	}
	p->lo = best;
	pass(p);
	int pages = p->page;
	if (p->npieces == SIZE_MAX || pages > MAX_PAGES)
		return best;
	/* The pieces of the page before the last, latest first: each tried as the last page's start,
	 * keeping at least the first on that page. */
	size_t last = p->npieces, first;
	while (last > 0 && p->piece_page[last - 1] == pages)
		last--;
	for (first = last; first > 0 && p->piece_page[first - 1] == pages - 1;)
		first--;
	for (size_t j = last; j-- > first + 1;) {
		p->lo = (struct layout){FIG_H, (int)j};
		pass(p);
		if (p->page == pages && !nearly_empty_end(p) && p->fill[pages - 2] >= LAST_PAGE_MIN)
			return p->lo;
		if (p->page > pages)
			break;
	}
	return best;
}

static cairo_status_t write_file(void *closure, const unsigned char *data, unsigned int len)
{
	return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

nf_err rp_write_pdf(const struct rp_doc *d, const char *path, nf_error *err)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return nf_error_set(err, NF_EIO, "%s: cannot write", path);
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(write_file, f, PAGE_W, PAGE_H);
	char date[24], creator[64];
	snprintf(date, sizeof date, "%.19s", d->today); /* ISO 8601 without the Z: cairo adds none */
	snprintf(creator, sizeof creator, "numbfoot %s", nf_version());
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, "numbfoot report");
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, creator);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);
	cairo_t *cr = cairo_create(s);
	/* The measuring passes use the same surface, so that they measure as the drawing pass draws;
	 * they only measure, and put nothing on it. */
	struct pg p = {.d = d, .cr = cr};
	p.lo = choose(&p);
	pass(&p); /* once more with the chosen breaks, to know the number of pages */
	p.pages = p.page;
	p.draw = true;
	pass(&p);
	free(p.piece_page);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	cairo_status_t st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	int closed = fclose(f);
	if (st != CAIRO_STATUS_SUCCESS || closed) {
		unlink(path);
		return nf_error_set(err, NF_EIO, "%s: writing the PDF failed: %s", path,
				    st ? cairo_status_to_string(st) : "close failed");
	}
	return NF_OK;
}

#define FIGS_W 700.0
#define FIGS_H 250.0
#define PNG_SCALE 1.5

nf_err rp_write_figures(const struct rp_doc *d, const char *path, bool svg, nf_error *err)
{
	double h = FIGS_H * RP_FIGURES + 10 * (RP_FIGURES + 1), w = FIGS_W + 20;
	FILE *f = NULL;
	cairo_surface_t *s;
	if (svg) {
		if (!(f = fopen(path, "wb")))
			return nf_error_set(err, NF_EIO, "%s: cannot write", path);
		s = cairo_svg_surface_create_for_stream(write_file, f, w, h);
	} else {
		s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)(w * PNG_SCALE), (int)(h * PNG_SCALE));
	}
	cairo_t *cr = cairo_create(s);
	if (!svg)
		cairo_scale(cr, PNG_SCALE, PNG_SCALE);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	for (int i = 0; i < RP_FIGURES; i++)
		rp_figure_draw(d, i, cr, 10, 10 + i * (FIGS_H + 10), FIGS_W, FIGS_H);
	cairo_destroy(cr);
	cairo_status_t st = svg ? CAIRO_STATUS_SUCCESS : cairo_surface_write_to_png(s, path);
	cairo_surface_finish(s);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	int closed = f ? fclose(f) : 0;
	if (st != CAIRO_STATUS_SUCCESS || closed) {
		unlink(path);
		return nf_error_set(err, NF_EIO, "%s: writing the figures failed: %s", path,
				    st ? cairo_status_to_string(st) : "close failed");
	}
	return NF_OK;
}

/* ---- one figure as SVG text, for the HTML report ---- */

#define SVG_MAX (16u << 20) /* a cap on one figure's SVG */

struct buf {
	char *p;
	size_t n, cap;
	bool failed;
};

static cairo_status_t write_buf(void *closure, const unsigned char *data, unsigned int len)
{
	struct buf *b = closure;
	if (b->failed || b->n + len + 1 > SVG_MAX) {
		b->failed = true;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	if (b->n + len + 1 > b->cap) {
		size_t cap = (b->cap ? b->cap * 2 : 65536);
		while (cap < b->n + len + 1)
			cap *= 2;
		char *q = realloc(b->p, cap);
		if (!q) {
			b->failed = true;
			return CAIRO_STATUS_NO_MEMORY;
		}
		b->p = q, b->cap = cap;
	}
	memcpy(b->p + b->n, data, len);
	b->n += len;
	b->p[b->n] = '\0';
	return CAIRO_STATUS_SUCCESS;
}

/* Copies svg without the XML declaration and with every id renamed PREFIX-N, N counting ids in
 * order of appearance, references renamed to match. The names are cairo's, which count surfaces
 * and glyphs across the process; renaming makes each figure the same whatever was drawn before
 * it, and lets several figures share one page. */
static char *prefix_ids(const char *svg, const char *prefix)
{
	static const char *const pat[] = {"id=\"", "href=\"#", "url(#"};
	const char *s = strstr(svg, "<svg");
	if (!s)
		return NULL;
	size_t nids = 0, cap = 0, count = 0;
	struct name {
		const char *p;
		size_t n;
	} *ids = NULL;
	for (const char *q = s; (q = strstr(q, pat[0])); q += 4) {
		const char *v = q + 4, *e = strchr(v, '"');
		if (!e)
			break;
		if (nids == cap) {
			cap = cap ? cap * 2 : 64;
			struct name *m = realloc(ids, cap * sizeof *ids);
			if (!m) {
				free(ids);
				return NULL;
			}
			ids = m;
		}
		ids[nids++] = (struct name){v, (size_t)(e - v)};
	}
	for (const char *q = s; *q; q++)
		for (int k = 0; k < 3; k++)
			count += !strncmp(q, pat[k], strlen(pat[k]));
	size_t plen = strlen(prefix), n = 0;
	char *out = malloc(strlen(s) + count * (plen + 24) + 1);
	if (!out) {
		free(ids);
		return NULL;
	}
	for (const char *q = s; *q;) {
		int hit = -1;
		for (int k = 0; k < 3 && hit < 0; k++)
			if (!strncmp(q, pat[k], strlen(pat[k])))
				hit = k;
		if (hit < 0) {
			out[n++] = *q++;
			continue;
		}
		size_t l = strlen(pat[hit]);
		memcpy(out + n, q, l);
		n += l;
		q += l;
		size_t len = strcspn(q, hit == 2 ? ")" : "\"");
		size_t k = 0;
		while (k < nids && !(ids[k].n == len && !strncmp(ids[k].p, q, len)))
			k++;
		if (k < nids) {
			n += (size_t)snprintf(out + n, plen + 24, "%s-%zu", prefix, k);
			q += len;
		} else {
			memcpy(out + n, prefix, plen);
			n += plen;
			out[n++] = '-';
		}
	}
	out[n] = '\0';
	free(ids);
	return out;
}

char *rp_figure_svg(const struct rp_doc *d, int i, double w, double h, const char *prefix)
{
	struct buf b = {0};
	cairo_surface_t *s = cairo_svg_surface_create_for_stream(write_buf, &b, w, h);
	cairo_t *cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	rp_figure_draw(d, i, cr, 0, 0, w, h);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	bool ok = cairo_surface_status(s) == CAIRO_STATUS_SUCCESS && !b.failed && b.p;
	cairo_surface_destroy(s);
	char *out = ok ? prefix_ids(b.p, prefix) : NULL;
	free(b.p);
	return out;
}
