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
#include "core/alloc.h"

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
	int ncause;     /* causes listed so far, to number them */
	int table_page; /* the page a table's header was last drawn on */
	int table;      /* and which table's it was (enum rp_table; -1 none yet) */
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
		int *q = core_realloc(p->piece_page, cap * sizeof *q);
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

/* ---- one renderer per kind of line (enum rp_kind) ---- */

static void section(struct pg *p, const struct rp_line *l)
{
	if (l->value) /* the report's title */
		keep_with_next(p, l->text, 17, true, 0, 0, 4, true, -1);
	else
		heading(p, l->text);
}

static void plain(struct pg *p, const struct rp_line *l)
{
	para(p, l->text, l->bold ? 9.5 : 9, l->bold, 0, l->bold ? 6 : 3);
}

static void small(struct pg *p, const struct rp_line *l)
{
	para(p, l->text, 8, false, 0, 4);
}

/* One fact of page one: "Runner: 45 years old, male". */
static void fact(struct pg *p, const struct rp_line *l)
{
	char b[RP_TEXT_MAX];
	snprintf(b, sizeof b, "%s: %s", l->label, l->text);
	para(p, b, 9.5, l->bold, 0, 3);
}

static void triage_box(struct pg *p, const struct rp_line *l)
{
	static const struct {
		const char *id;
		double r, g, b;
	} c[] = {{"emergency", 0.8, 0.1, 0.1}, {"urgent", 0.95, 0.7, 0.1}, {"routine", 0.3, 0.7, 0.8},
		 {"self_care", 0.4, 0.75, 0.4}};
	double h = measure(p, l->text, 12, true, TEXT_W - 20) + 14;
	place(p, h);
	if (p->draw) {
		for (size_t i = 0; i < 4; i++)
			if (!strcmp(c[i].id, l->label))
				cairo_set_source_rgb(p->cr, c[i].r, c[i].g, c[i].b);
		cairo_rectangle(p->cr, MARGIN, p->y, TEXT_W, h);
		cairo_fill(p->cr);
		!strcmp(l->label, "emergency") ? cairo_set_source_rgb(p->cr, 1, 1, 1) : ink(p->cr);
		rp_para(p->cr, l->text, MARGIN + 10, p->y + 7, TEXT_W - 20, 12, true, true);
		ink(p->cr);
	}
	p->y += h + 8;
}

/* "2. Name  (31%)" with its bar; it waits to go on the page with its first reason. */
static void cause(struct pg *p, const struct rp_line *l)
{
	char b[RP_TEXT_MAX];
	p->ncause++;
	if (l->text)
		snprintf(b, sizeof b, "%d. %s  (%s)", p->ncause, l->label, l->text);
	else
		snprintf(b, sizeof b, "%d. %s", p->ncause, l->label);
	keep_with_next(p, b, 10.5, true, 0, p->ncause > 1 ? 4 : 0, 2, false, l->value);
}

static void reason(struct pg *p, const struct rp_line *l)
{
	char b[RP_TEXT_MAX];
	if (l->label)
		snprintf(b, sizeof b, "%s (%s%s%s)%s", l->text, l->label, l->mark ? ", " : "", l->mark ? l->mark : "",
			 l->derived ? " [journal]" : "");
	else
		snprintf(b, sizeof b, "%s", l->text);
	para(p, b, 8.5, false, 14, 1);
}

static void lead(struct pg *p, const struct rp_line *l)
{
	keep_with_next(p, l->text, 9.5, true, 0, 3, 2, false, -1);
}

static void item(struct pg *p, const struct rp_line *l)
{
	char b[RP_TEXT_MAX];
	snprintf(b, sizeof b, "- %s", l->text);
	para(p, b, 8.5, false, 10, 1);
}

static void answer(struct pg *p, const struct rp_line *l)
{
	char b[RP_TEXT_MAX];
	snprintf(b, sizeof b, "%s%s: %s%s%s%s", l->derived ? "[journal] " : "", l->label, l->text, l->extra ? " (" : "",
		 l->extra ? l->extra : "", l->extra ? ")" : "");
	para(p, b, 8.5, l->bold, 0, 1.5);
}

static void marks(struct pg *p, const struct rp_line *l)
{
	para(p, "Those marked [journal] were derived from the run journal.", 8.5, false, 0, 3);
}

/* Each table's columns' left edges, the last its right edge. */
static const double col[RP_TABLES][RP_COLS + 1] = {
	[RP_TABLE_EPISODES] = {0, 56, 100, 144, 186, 222, 380, 426, TEXT_W},
	[RP_TABLE_GEAR] = {0, 72, 140, 222, 282, 392, 424, TEXT_W},
};

static double row_height(struct pg *p, int t, char *const *cell, bool bold)
{
	double h = 0;
	for (int c = 0; c < rp_table_cols[t]; c++)
		h = fmax(h, measure(p, cell[c], 8, bold, col[t][c + 1] - col[t][c] - 4));
	return h;
}

static void draw_row(struct pg *p, int t, char *const *cell, bool bold, double h)
{
	if (p->draw)
		for (int c = 0; c < rp_table_cols[t]; c++)
			rp_para(p->cr, cell[c], MARGIN + col[t][c], p->y, col[t][c + 1] - col[t][c] - 4, 8, bold, true);
	p->y += h + 2;
}

/* A row goes whole onto a page, and every page of a table, and every table, starts with its
 * header. */
static void row(struct pg *p, const struct rp_line *l)
{
	int t = (int)l->value;
	char *const *top = (char *const *)rp_table_head[t];
	double top_h = row_height(p, t, top, true), h = row_height(p, t, l->cell, false);
	bool header = p->table_page != p->page || p->table != t || p->y + h > BOTTOM ||
		      p->piece == p->lo.break_before;
	place(p, h + (header ? top_h + 2 : 0));
	if (header) {
		draw_row(p, t, top, true, top_h);
		p->table_page = p->page;
		p->table = t;
	}
	draw_row(p, t, l->cell, false, h);
}

static void figure(struct pg *p, int i, double h)
{
	place(p, h);
	if (p->draw)
		rp_figure_draw(p->d, i, p->cr, MARGIN, p->y, TEXT_W, h);
	p->y += h + 10;
}

static void figure_line(struct pg *p, const struct rp_line *l)
{
	int i = (int)l->value;
	figure(p, i, i == RP_FIG_ROUTES ? rp_routes_height(p->d, TEXT_W) : p->lo.fig_h);
}

static void ref(struct pg *p, const struct rp_line *l)
{
	char b[RP_TEXT_MAX * 2];
	snprintf(b, sizeof b, "[%s] %s", l->label, l->text);
	para(p, b, 7.5, false, 0, 2);
}

static void (*const render[])(struct pg *, const struct rp_line *) = {
	[RP_SECTION] = section, [RP_PARA] = plain,  [RP_FACT] = fact,       [RP_TRIAGE] = triage_box,
	[RP_CAUSE] = cause,     [RP_REASON] = reason, [RP_LEAD] = lead,     [RP_ITEM] = item,
	[RP_ANSWER] = answer,   [RP_MARKS] = marks,   [RP_ROW] = row,       [RP_FIGURE] = figure_line,
	[RP_REF] = ref,         [RP_SMALL] = small,
};

/* One pass over the whole report; p->fill and p->page tell how it fell. */
static void pass(struct pg *p)
{
	p->y = TOP;
	p->page = 1;
	p->piece = 0;
	p->npend = 0;
	p->npieces = 0;
	p->ncause = 0;
	p->table_page = 0;
	p->table = -1;
	ink(p->cr);
	for (size_t i = 0; i < p->d->nlines; i++)
		render[p->d->lines[i].kind](p, &p->d->lines[i]);
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

nf_err rp_write_pdf(const struct rp_doc *d, const char *path, nf_error *err)
{
	struct rp_out out;
	if (rp_out_open(&out, path, err) != NF_OK)
		return NF_EIO;
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(rp_out_write, &out, PAGE_W, PAGE_H);
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
	return rp_out_close(&out, path, "the PDF", st != CAIRO_STATUS_SUCCESS, cairo_status_to_string(st), err);
}

#define FIGS_W 700.0
#define FIGS_H 250.0
#define PNG_SCALE 1.5

nf_err rp_write_figures(const struct rp_doc *d, const char *path, bool svg, nf_error *err)
{
	double h = FIGS_H * RP_FIGURES + 10 * (RP_FIGURES + 1), w = FIGS_W + 20;
	struct rp_out out = {0};
	cairo_surface_t *s;
	if (svg) {
		if (rp_out_open(&out, path, err) != NF_OK)
			return NF_EIO;
		s = cairo_svg_surface_create_for_stream(rp_out_write, &out, w, h);
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
	/* The PNG through the same file as the SVG, so that its failure gives the system's reason
	 * too (cairo_surface_write_to_png says only "error while writing to output stream"). */
	cairo_status_t st = CAIRO_STATUS_SUCCESS;
	if (!svg) {
		if (rp_out_open(&out, path, err) != NF_OK) {
			cairo_surface_destroy(s);
			return NF_EIO;
		}
		st = cairo_surface_write_to_png_stream(s, rp_out_write, &out);
	}
	cairo_surface_finish(s);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	return rp_out_close(&out, path, "the figures", st != CAIRO_STATUS_SUCCESS, cairo_status_to_string(st), err);
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
		char *q = core_realloc(b->p, cap);
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
			struct name *m = core_realloc(ids, cap * sizeof *ids);
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
	char *out = core_malloc(strlen(s) + count * (plen + 24) + 1);
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
