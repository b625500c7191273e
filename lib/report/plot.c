/* The report's figures, drawn with cairo and pango onto any surface (PDF page, SVG, PNG). Each
 * has a title, a key, axes with units; without data it draws a "no data yet" panel that says what
 * to log.
 *
 * Every figure lays itself out for the box it is given, so that one drawn for a phone's column
 * reads as well as one on an A4 page: the key sits beside the title when it fits there and flows
 * under it when not, labels are shortened to their room, the left margin follows the widest tick
 * label, the number of ticks follows the width, dates fall on whole days and weekly ticks on the
 * analysis's week starts (Mondays, 00:00 UTC), and dots keep clear of the axes.
 */
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "report/report_priv.h"

#define FONT "DejaVu Sans"
#define WEEKS_SHOWN 52
#define PAD 8.0		 /* inside the frame */
#define KEY_GAP 10.0	 /* between two entries of a key */
#define KEY_LINE 13.0	 /* between two lines of a key */
#define KEY_MAX 10
#define KEY_LABEL_MAX 160.0 /* a key's label is shortened beyond this */
#define BOTTOM 36.0	 /* under the plot: tick labels and the x axis's label */
#define DOT_R 3.0
#define SECS_DAY 86400.0
#define SECS_WEEK (7 * SECS_DAY)
#define MONDAY0 (4 * SECS_DAY) /* 1970-01-05 00:00 UTC, a Monday: the analysis's weeks start on Mondays */

struct rgb {
	double r, g, b;
};
static const struct rgb ink = {0.15, 0.15, 0.18}, grid = {0.88, 0.88, 0.9}, dim = {0.45, 0.45, 0.5};
static const struct rgb red = {0.80, 0.22, 0.17}, blue = {0.22, 0.42, 0.69}, light = {0.72, 0.80, 0.90};
static const struct rgb orange = {0.90, 0.55, 0.10};
/* The shoe pairs' colours. Red and orange are kept out: the next figures use them for runs with
 * numbness, the check distance and the retirement distance, and a pair drawn in red reads as a
 * warning or a numb run. */
static const struct rgb palette[] = {
	{0.22, 0.42, 0.69}, {0.20, 0.60, 0.35}, {0.55, 0.35, 0.70}, {0.35, 0.65, 0.75},
	{0.45, 0.45, 0.50}, {0.10, 0.25, 0.40}, {0.45, 0.55, 0.15}, {0.75, 0.45, 0.70},
};
#define PALETTE (sizeof palette / sizeof *palette)

size_t rp_shoe_colours(void)
{
	return PALETTE;
}

void rp_shoe_colour(size_t i, double rgb[3])
{
	struct rgb c = palette[i % PALETTE];
	rgb[0] = c.r, rgb[1] = c.g, rgb[2] = c.b;
}

void rp_warning_colour(size_t i, double rgb[3])
{
	struct rgb c = i ? orange : red;
	rgb[0] = c.r, rgb[1] = c.g, rgb[2] = c.b;
}

static void color(cairo_t *cr, struct rgb c)
{
	cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

static PangoLayout *layout(cairo_t *cr, const char *s, double size, bool bold, double width)
{
	PangoLayout *l = pango_cairo_create_layout(cr);
	PangoFontDescription *fd = pango_font_description_from_string(FONT);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	if (bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (width > 0) {
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_text(l, s, -1);
	return l;
}

/* The size of s on one line. */
static void measure(cairo_t *cr, const char *s, double size, bool bold, double *w, double *h)
{
	PangoLayout *l = layout(cr, s, size, bold, 0);
	int lw, lh;
	pango_layout_get_size(l, &lw, &lh);
	g_object_unref(l);
	*w = (double)lw / PANGO_SCALE;
	if (h)
		*h = (double)lh / PANGO_SCALE;
}

/* Text anchored at (x, y): ax, ay = 0 left/top, 0.5 centre, 1 right/bottom; turned by angle;
 * shortened with an ellipsis to maxw when maxw > 0. */
static void text_fit(cairo_t *cr, const char *s, double x, double y, double size, bool bold, double ax, double ay,
		     double angle, double maxw)
{
	PangoLayout *l = layout(cr, s, size, bold, 0);
	if (maxw > 0) {
		pango_layout_set_width(l, (int)(maxw * PANGO_SCALE));
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	}
	PangoRectangle ink_r, logical;
	pango_layout_get_extents(l, &ink_r, &logical);
	double w = (double)logical.width / PANGO_SCALE, h = (double)logical.height / PANGO_SCALE;
	cairo_save(cr);
	cairo_translate(cr, x, y);
	cairo_rotate(cr, angle);
	cairo_move_to(cr, -ax * w - (double)logical.x / PANGO_SCALE, -ay * h);
	pango_cairo_show_layout(cr, l);
	cairo_restore(cr);
	g_object_unref(l);
}

static void text(cairo_t *cr, const char *s, double x, double y, double size, bool bold, double ax, double ay,
		 double angle)
{
	text_fit(cr, s, x, y, size, bold, ax, ay, angle, 0);
}

double rp_para(cairo_t *cr, const char *s, double x, double y, double width, double size, bool bold, bool draw)
{
	PangoLayout *l = layout(cr, s, size, bold, width);
	int w, h;
	pango_layout_get_size(l, &w, &h);
	if (draw) {
		cairo_move_to(cr, x, y);
		pango_cairo_show_layout(cr, l);
	}
	g_object_unref(l);
	return (double)h / PANGO_SCALE;
}

static double nice_step(double range, int n)
{
	if (!(range > 0))
		return 1;
	double raw = range / n, mag = pow(10, floor(log10(raw))), f = raw / mag;
	return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag;
}

double rp_value_step(double range, int n, bool whole)
{
	double s = nice_step(range, n);
	/* A count takes whole steps: a tick at 0.5 runs is no count anyone had. */
	return whole && s < 1 ? 1 : s;
}

static void dot(cairo_t *cr, double x, double y, double r)
{
	cairo_new_sub_path(cr);
	cairo_arc(cr, x, y, r, 0, 2 * M_PI);
	cairo_fill(cr);
}

/* ---- the frame, the title and the key ---- */

/* The dash of a level line (160 spm), in the figure and in its key alike. */
static const double level_dash[] = {4, 3};
enum mark { MARK_DOT, MARK_SQUARE, MARK_LINE, MARK_DASH };
struct key {
	const char *label;
	struct rgb c;
	enum mark mark;
};

static void frame(cairo_t *cr, double x, double y, double w, double h)
{
	cairo_set_line_width(cr, 0.8);
	color(cr, (struct rgb){0.75, 0.75, 0.78});
	cairo_rectangle(cr, x + 0.5, y + 0.5, w - 1, h - 1);
	cairo_stroke(cr);
}

static double key_width(cairo_t *cr, const struct key *k, double room)
{
	double w;
	measure(cr, k->label, 8, false, &w, NULL);
	return 12 + fmin(w, fmin(room, KEY_LABEL_MAX) - 12);
}

/* One entry of a key, its mark at x and its middle at y, w wide. */
static void key_draw(cairo_t *cr, const struct key *k, double x, double y, double w)
{
	color(cr, k->c);
	switch (k->mark) {
	case MARK_DOT:
		dot(cr, x + 4, y, DOT_R);
		break;
	case MARK_SQUARE:
		cairo_rectangle(cr, x, y - 4, 8, 8);
		cairo_fill(cr);
		break;
	case MARK_LINE:
		cairo_set_line_width(cr, 1.5);
		cairo_move_to(cr, x + 4, y - 5);
		cairo_line_to(cr, x + 4, y + 5);
		cairo_stroke(cr);
		break;
	case MARK_DASH: { /* a dashed level, as the figure draws it */
		cairo_set_line_width(cr, 1);
		cairo_set_dash(cr, level_dash, 2, 0);
		cairo_move_to(cr, x - 4, y);
		cairo_line_to(cr, x + 9, y);
		cairo_stroke(cr);
		cairo_set_dash(cr, NULL, 0, 0);
		break;
	}
	}
	color(cr, ink);
	text_fit(cr, k->label, x + 12, y, 8, false, 0, 0.5, 0, w - 12);
}

/* The title and the key at the top of the box x, y, w; returns the height they take. The key sits
 * right of the title when it fits there, else flows in lines under it. Draws only when draw. */
static double header(cairo_t *cr, const char *title, const struct key *k, size_t n, double x, double y, double w,
		     bool draw)
{
	double room = w - 2 * PAD, tw, th, kw[KEY_MAX], total = 0;
	measure(cr, title, 10, true, &tw, &th);
	if (draw) {
		color(cr, ink);
		text_fit(cr, title, x + PAD, y + 6, 10, true, 0, 0, 0, room);
	}
	for (size_t i = 0; i < n; i++) {
		kw[i] = key_width(cr, &k[i], room);
		total += kw[i] + (i ? KEY_GAP : 0);
	}
	if (!n || tw + 2 * KEY_GAP + total <= room) {
		double kx = x + w - PAD - total;
		for (size_t i = 0; draw && i < n; i++) {
			key_draw(cr, &k[i], kx, y + 6 + th / 2, kw[i]);
			kx += kw[i] + KEY_GAP;
		}
		return fmax(30, 6 + th + 12);
	}
	double kx = x + PAD, ky = y + 6 + th + 4 + KEY_LINE / 2;
	for (size_t i = 0; i < n; i++) {
		if (kx > x + PAD && kx + kw[i] > x + w - PAD) {
			kx = x + PAD;
			ky += KEY_LINE;
		}
		if (draw)
			key_draw(cr, &k[i], kx, ky, kw[i]);
		kx += kw[i] + KEY_GAP;
	}
	return ky - y + KEY_LINE / 2 + 8;
}

/* The panel of a figure with nothing to draw: headline ("No data yet") over why, in words. */
static void no_data(cairo_t *cr, const char *title, const char *headline, const char *why, double x, double y,
		    double w, double h)
{
	frame(cr, x, y, w, h);
	double top = header(cr, title, NULL, 0, x, y, w, true), inset = fmin(40, w * 0.08);
	color(cr, (struct rgb){0.96, 0.96, 0.97});
	cairo_rectangle(cr, x + inset, y + top, w - 2 * inset, h - top - 18);
	cairo_fill(cr);
	double mid = y + top + (h - top - 18) / 2;
	color(cr, dim);
	text(cr, headline, x + w / 2, mid - 8, 12, true, 0.5, 0.5, 0);
	PangoLayout *l = layout(cr, why, 8.5, false, w - 2 * inset - 20);
	pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
	cairo_move_to(cr, x + inset + 10, mid + 4);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
}

/* ---- axes ---- */

/* The plot inside the axes, and its data ranges. inset keeps room at each end of the x axis (for
 * dots, whose centre would otherwise sit on the y axis or at the plot's edge). */
struct area {
	double x, y, w, h;
	double x0, x1, y0, y1;
	double inset;
	bool counts; /* the y axis counts things: whole ticks only (rp_value_step) */
};

static double px(const struct area *a, double v)
{
	double f = a->x1 > a->x0 ? (v - a->x0) / (a->x1 - a->x0) : 0.5;
	return a->x + a->inset + f * (a->w - 2 * a->inset);
}

static double py(const struct area *a, double v)
{
	return a->y + a->h - (a->y1 > a->y0 ? (v - a->y0) / (a->y1 - a->y0) : 0.5) * a->h;
}

static const char *const month[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
				    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* A date as a tick's label: "3 Dec"; over a long span "Dec 2026", or for a week "3 Dec 2026". */
static void date_label(double t, double span, bool week, char buf[24])
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	if (span > 300 * SECS_DAY && week)
		snprintf(buf, 24, "%d %s %d", tm.tm_mday, month[tm.tm_mon], tm.tm_year + 1900);
	else if (span > 300 * SECS_DAY)
		snprintf(buf, 24, "%s %d", month[tm.tm_mon], tm.tm_year + 1900);
	else
		snprintf(buf, 24, "%d %s", tm.tm_mday, month[tm.tm_mon]);
}

enum xaxis { X_NONE, X_VALUE, X_DATES, X_WEEKS };

size_t rp_time_ticks(double x0, double x1, int room, bool weeks, double *out, size_t cap)
{
	static const double days[] = {1, 2, 7, 14, 28, 56, 91, 182, 364, 728, 1456, 2912};
	double span = x1 - x0;
	size_t k = weeks ? 2 : 0, n = 0;
	if (room < 2)
		room = 2;
	while (k + 1 < sizeof days / sizeof *days && span / (days[k] * SECS_DAY) > room)
		k++;
	double step = days[k] * SECS_DAY;
	double t = days[k] >= 7 ? MONDAY0 + ceil((x0 - MONDAY0) / step) * step : ceil(x0 / step) * step;
	/* On a weekly axis x1 is the end of the last week, not a week of its own: no tick there. */
	for (; (weeks ? t < x1 : t <= x1) && n < cap; t += step)
		out[n++] = t;
	return n;
}

/* Ticks on a time axis: as many as their labels have room for (rp_time_ticks). */
static void time_ticks(cairo_t *cr, const struct area *a, bool weeks)
{
	double span = a->x1 - a->x0, lw, t[64];
	char b[24], prev[24] = "";
	date_label(a->x0, span, weeks, b);
	measure(cr, b, 8, false, &lw, NULL);
	size_t n = rp_time_ticks(a->x0, a->x1, (int)floor(a->w / (lw + 14)), weeks, t, sizeof t / sizeof *t);
	cairo_set_line_width(cr, 0.8);
	for (size_t i = 0; i < n; i++) {
		date_label(t[i], span, weeks, b);
		if (!strcmp(b, prev))
			continue; /* months named twice when ticks are days apart */
		memcpy(prev, b, sizeof prev);
		double x = px(a, t[i]);
		color(cr, ink);
		cairo_move_to(cr, x, a->y + a->h);
		cairo_line_to(cr, x, a->y + a->h + 3);
		cairo_stroke(cr);
		/* A label near an end is aligned to it, so that it stays inside the frame. */
		double ax = x - lw / 2 < a->x - 6 ? 0 : x + lw / 2 > a->x + a->w + 6 ? 1 : 0.5;
		text(cr, b, x, a->y + a->h + 4, 8, false, ax, 0, 0);
	}
}

/* Lays out the plot area of a box whose header ends at top and whose foot keeps bottom for the
 * labels, rounds the y range to nice ticks, and draws the grid, ticks, labels and axes. */
static void axes(cairo_t *cr, struct area *a, enum xaxis xk, const char *xlabel, const char *ylabel, double top,
		 double bottom, double bx, double by, double bw, double bh)
{
	if (a->y1 <= a->y0)
		a->y1 = a->y0 + 1;
	double ys = rp_value_step(a->y1 - a->y0, 5, a->counts);
	a->y0 = floor(a->y0 / ys) * ys;
	a->y1 = ceil(a->y1 / ys) * ys;
	if (a->y1 <= a->y0)
		a->y1 = a->y0 + ys;
	/* The widest tick label sets the left margin: room for the turned y label, then the labels. */
	double lw = 0;
	char b[24];
	for (double v = a->y0; v <= a->y1 + ys / 2; v += ys) {
		double w;
		snprintf(b, sizeof b, "%g", fabs(v) < ys / 1e6 ? 0.0 : v);
		measure(cr, b, 8, false, &w, NULL);
		lw = fmax(lw, w);
	}
	a->x = bx + 6 + 12 + 4 + lw + 4;
	a->y = by + top;
	a->w = bx + bw - PAD - 4 - a->x;
	a->h = by + bh - bottom - a->y;
	if (xk == X_DATES || xk == X_WEEKS) {
		if (a->x1 - a->x0 <= 0)
			a->x0 -= 3 * SECS_DAY, a->x1 += 3 * SECS_DAY;
	}
	cairo_set_line_width(cr, 0.5);
	for (double v = a->y0; v <= a->y1 + ys / 2; v += ys) {
		color(cr, grid);
		cairo_move_to(cr, a->x, py(a, v));
		cairo_line_to(cr, a->x + a->w, py(a, v));
		cairo_stroke(cr);
		snprintf(b, sizeof b, "%g", fabs(v) < ys / 1e6 ? 0.0 : v);
		color(cr, ink);
		text(cr, b, a->x - 4, py(a, v), 8, false, 1, 0.5, 0);
	}
	if (xk == X_DATES || xk == X_WEEKS) {
		time_ticks(cr, a, xk == X_WEEKS);
	} else if (xk == X_VALUE && a->x1 > a->x0) {
		double xs = nice_step(a->x1 - a->x0, (int)fmax(2, a->w / 60));
		for (double v = ceil(a->x0 / xs) * xs; v <= a->x1 + xs / 1e6; v += xs) {
			snprintf(b, sizeof b, "%g", v);
			color(cr, grid);
			cairo_move_to(cr, px(a, v), a->y);
			cairo_line_to(cr, px(a, v), a->y + a->h);
			cairo_stroke(cr);
			color(cr, ink);
			text(cr, b, px(a, v), a->y + a->h + 4, 8, false, 0.5, 0, 0);
		}
	}
	color(cr, ink);
	cairo_set_line_width(cr, 1);
	cairo_move_to(cr, a->x, a->y);
	cairo_line_to(cr, a->x, a->y + a->h);
	cairo_line_to(cr, a->x + a->w, a->y + a->h);
	cairo_stroke(cr);
	text_fit(cr, xlabel, bx + bw / 2, by + bh - 4, 8.5, false, 0.5, 1, 0, bw - 2 * PAD);
	text_fit(cr, ylabel, bx + 6, a->y + a->h / 2, 8.5, false, 0.5, 0, -M_PI / 2, a->h);
}

/* ---- the figures ---- */

static size_t shoe_index(const struct rp_doc *d, int64_t id)
{
	size_t n, k = 0;
	const nf_an_gear *g = nf_analysis_gear(d->an, &n);
	for (size_t i = 0; i < n; i++) {
		if (g[i].gear.kind != NF_GEAR_SHOES)
			continue;
		if (g[i].gear.id == id)
			return k % PALETTE;
		k++;
	}
	return PALETTE - 1;
}

/* Whether the onset figure plots minutes: when the episodes give the onset in minutes more often
 * than in distance, as a runner timing each tempo run does (the analysis's onset_consistent
 * chooses the same way). Minutes are plotted as minutes, not converted: a run's average pace is
 * not the pace of its first minutes. */
static bool onset_in_minutes(const struct rp_doc *d)
{
	size_t n, nkm = 0, nmin = 0;
	const nf_an_run *r = nf_analysis_runs(d->an, &n);
	for (size_t i = 0; i < n; i++) {
		if (!r[i].episodes || r[i].time < 0)
			continue;
		nkm += isfinite(r[i].onset_km) && r[i].onset_km > 0;
		nmin += isfinite(r[i].onset_min) && r[i].onset_min > 0;
	}
	return nmin > nkm && nkm < NF_AN_MIN_EPISODES;
}

/* The onset the figure plots for run r: km, or minutes when min; NaN when the run has none. */
static double onset_of(const nf_an_run *r, bool min)
{
	double v = min ? r->onset_min : r->onset_km;
	return r->episodes && r->time >= 0 && isfinite(v) && v > 0 ? v : NAN;
}

/* The first of the weeks shown, with the count of all: the last 52, from the first with a run. */
static size_t weeks_shown(const struct rp_doc *d, size_t *n)
{
	const nf_an_week *wk = nf_analysis_weeks(d->an, n);
	size_t first = *n > WEEKS_SHOWN ? *n - WEEKS_SHOWN : 0;
	while (first + 1 < *n && !wk[first].runs)
		first++;
	return first;
}

/* Where the cadence figure begins: the first week the weekly figure shows. One file imported from
 * years ago would otherwise stretch the axis over years and squeeze the journal's runs into its
 * last sliver. */
static int64_t cadence_from(const struct rp_doc *d)
{
	size_t nw;
	const nf_an_week *wk = nf_analysis_weeks(d->an, &nw);
	return nw ? wk[weeks_shown(d, &nw)].start : 0;
}

/* Whether run r is in the cadence figure that begins at from. */
static bool cadence_known(int64_t from, const nf_an_run *r)
{
	return isfinite(r->cadence_spm) && r->cadence_spm > 0 && r->time >= from;
}

size_t rp_cadence_before(const struct rp_doc *d, int64_t *first, int64_t *last)
{
	size_t n, before = 0;
	const nf_an_run *r = nf_analysis_runs(d->an, &n);
	const nf_training *t = nf_analysis_training(d->an);
	int64_t from = cadence_from(d), now = nf_analysis_now(d->an);
	int counted = 0;
	*first = *last = -1;
	/* the runs nf_training's median rests on: the latest cadence_runs with one, up to the clock */
	for (size_t i = n; i-- > 0 && counted < t->cadence_runs;) {
		if (r[i].time > now || !isfinite(r[i].cadence_spm) || !(r[i].cadence_spm > 0))
			continue;
		counted++;
		if (r[i].time >= from)
			continue;
		before++;
		if (*last < 0)
			*last = r[i].time;
		*first = r[i].time;
	}
	return before;
}

/* Figure i's title (into buf) and key (into k, KEY_MAX at most); returns the key's length, 0 when
 * the figure has no data and shows the "no data yet" panel. The height and the drawing both use
 * it, so that they agree. */
static size_t fig_head(const struct rp_doc *d, int i, char *buf, size_t cap, struct key *k)
{
	size_t n = 0, nr, ng, nw;
	const nf_an_run *r = nf_analysis_runs(d->an, &nr);
	const nf_an_gear *g = nf_analysis_gear(d->an, &ng);
	snprintf(buf, cap, "%s", rp_figure_title(i));
	switch (i) {
	case 0: {
		int64_t seen[8];
		/* The caption outside the figure (the page's, the HTML report's) is "Onset per run",
		 * which holds for both; the figure says which it plots. */
		bool min = onset_in_minutes(d);
		snprintf(buf, cap, "%s", min ? "Onset time per run (minutes, as recorded)" : "Onset distance per run");
		for (size_t j = 0; j < nr; j++) {
			if (!isfinite(onset_of(&r[j], min)))
				continue;
			bool known = false;
			for (size_t m = 0; m < n; m++)
				known |= seen[m] == r[j].shoes_id;
			if (!known && n < 8) {
				seen[n] = r[j].shoes_id;
				k[n] = (struct key){seen[n] ? rp_gear_name(d, seen[n]) : "no shoes recorded",
						    palette[shoe_index(d, seen[n])], MARK_DOT};
				n++;
			}
		}
		return n;
	}
	case 1:
		for (size_t j = 0; j < ng; j++)
			if (g[j].gear.kind == NF_GEAR_SHOES && g[j].runs_logged) {
				k[0] = (struct key){"runs", light, MARK_SQUARE};
				k[1] = (struct key){"runs with numbness", red, MARK_SQUARE};
				return 2;
			}
		return 0;
	case 2:
		for (size_t j = 0; j < ng; j++)
			if (g[j].gear.kind == NF_GEAR_SHOES) {
				k[0] = (struct key){"retirement distance", red, MARK_LINE};
				k[1] = (struct key){"check the midsole", orange, MARK_LINE};
				return 2;
			}
		return 0;
	case 3: {
		size_t first = weeks_shown(d, &nw);
		const nf_an_week *wk = nf_analysis_weeks(d->an, &nw);
		bool any = false;
		for (size_t j = first; j < nw; j++)
			any |= wk[j].km > 0;
		/* Named only when the weeks shown are cut to 52: one old run does not make 7 weeks "52". */
		if (nw - first >= WEEKS_SHOWN && nw > WEEKS_SHOWN)
			snprintf(buf, cap, "%s (the last 52 weeks)", rp_figure_title(i));
		if (!any)
			return 0;
		k[0] = (struct key){"weeks without numbness", blue, MARK_SQUARE};
		k[1] = (struct key){"weeks with numbness", red, MARK_SQUARE};
		return 2;
	}
	case 4: {
		int64_t from = cadence_from(d);
		for (size_t j = 0; j < nr; j++)
			if (cadence_known(from, &r[j])) {
				k[0] = (struct key){"runs without numbness", blue, MARK_DOT};
				k[1] = (struct key){"with numbness", red, MARK_DOT};
				k[2] = (struct key){"160 spm: below it, raise cadence", orange, MARK_DASH};
				return 3;
			}
		return 0;
	}
	case RP_FIG_ROUTES:
		if (!d->nroutes)
			return 0;
		k[0] = (struct key){"numbness began", red, MARK_DOT};
		return 1;
	}
	return 0;
}

static void fig_onset(const struct rp_doc *d, cairo_t *cr, double top, double x, double y, double w, double h)
{
	size_t n;
	const nf_an_run *r = nf_analysis_runs(d->an, &n);
	const bool min = onset_in_minutes(d);
	const double f = min ? 1 : rp_per_km(d);
	struct area a = {.x0 = INFINITY, .x1 = -INFINITY, .y0 = 0, .y1 = 0, .inset = DOT_R + 4};
	for (size_t i = 0; i < n; i++)
		if (isfinite(onset_of(&r[i], min))) {
			a.x0 = fmin(a.x0, (double)r[i].time), a.x1 = fmax(a.x1, (double)r[i].time);
			a.y1 = fmax(a.y1, onset_of(&r[i], min) * f * 1.1);
		}
	char ylabel[32];
	snprintf(ylabel, sizeof ylabel, "onset (%s into the run)", min ? "minutes" : rp_unit(d));
	axes(cr, &a, X_DATES, "date of the run", ylabel, top, BOTTOM, x, y, w, h);
	for (size_t i = 0; i < n; i++) {
		double v = onset_of(&r[i], min);
		if (!isfinite(v))
			continue;
		color(cr, palette[shoe_index(d, r[i].shoes_id)]);
		dot(cr, px(&a, (double)r[i].time), py(&a, v * f), DOT_R);
	}
}

static void fig_shoes(const struct rp_doc *d, cairo_t *cr, double top, double x, double y, double w, double h)
{
	size_t n, m = 0;
	const nf_an_gear *g = nf_analysis_gear(d->an, &n);
	struct area a = {.y0 = 0, .y1 = 1, .counts = true};
	for (size_t i = 0; i < n; i++)
		if (g[i].gear.kind == NF_GEAR_SHOES && g[i].runs_logged) {
			m++;
			a.y1 = fmax(a.y1, g[i].runs_logged);
		}
	axes(cr, &a, X_NONE, "runs in each pair of shoes", "runs", top, BOTTOM + 11, x, y, w, h);
	double slot = a.w / (double)m, bw = fmin(slot * 0.3, 40);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (!(g[i].gear.kind == NF_GEAR_SHOES && g[i].runs_logged))
			continue;
		double cx = a.x + slot * ((double)k + 0.5);
		color(cr, light);
		cairo_rectangle(cr, cx - bw, py(&a, g[i].runs_logged), bw, py(&a, 0) - py(&a, g[i].runs_logged));
		cairo_fill(cr);
		color(cr, red);
		cairo_rectangle(cr, cx, py(&a, g[i].episode_runs), bw, py(&a, 0) - py(&a, g[i].episode_runs));
		cairo_fill(cr);
		char b[48];
		double tw;
		snprintf(b, sizeof b, "%d of %d with numbness", g[i].episode_runs, g[i].runs_logged);
		measure(cr, b, 7.5, false, &tw, NULL);
		if (tw > slot - 6) /* the count alone where the words do not fit; the key says what it is */
			snprintf(b, sizeof b, "%d of %d", g[i].episode_runs, g[i].runs_logged);
		color(cr, ink);
		text_fit(cr, g[i].gear.nickname, cx, a.y + a.h + 4, 8, false, 0.5, 0, 0, slot - 6);
		text_fit(cr, b, cx, a.y + a.h + 15, 7.5, false, 0.5, 0, 0, slot - 6);
		k++;
	}
}

static void fig_wear(const struct rp_doc *d, cairo_t *cr, double top, double x, double y, double w, double h)
{
	size_t n, m = 0;
	const nf_an_gear *g = nf_analysis_gear(d->an, &n);
	const double f = rp_per_km(d);
	double hi = 0, names = 0;
	char b[96];
	for (size_t i = 0; i < n; i++)
		if (g[i].gear.kind == NF_GEAR_SHOES) {
			m++;
			hi = fmax(hi, f * fmax(g[i].gear.used_km, isfinite(g[i].gear.retire_km) ? g[i].gear.retire_km : 0));
			double tw;
			snprintf(b, sizeof b, "%s%s", g[i].gear.nickname, g[i].gear.retired[0] ? " (retired)" : "");
			measure(cr, b, 8, false, &tw, NULL);
			names = fmax(names, tw);
		}
	/* The names' column: as wide as the longest, within a third of the figure. */
	double lw = fmin(names + 10, fmax(60, w * 0.32));
	struct area a = {.x = x + PAD + lw, .y = y + top, .x0 = 0};
	a.w = x + w - PAD - 8 - a.x;
	a.h = y + h - BOTTOM - a.y;
	double xs = nice_step(hi * 1.05, (int)fmax(2, a.w / 40));
	a.x1 = ceil(hi * 1.05 / xs) * xs;
	if (a.x1 <= 0)
		a.x1 = xs;
	cairo_set_line_width(cr, 0.5);
	for (double v = 0; v <= a.x1 + xs / 2; v += xs) {
		snprintf(b, sizeof b, "%g", v);
		color(cr, grid);
		cairo_move_to(cr, px(&a, v), a.y);
		cairo_line_to(cr, px(&a, v), a.y + a.h);
		cairo_stroke(cr);
		color(cr, ink);
		text(cr, b, px(&a, v), a.y + a.h + 4, 8, false, 0.5, 0, 0);
	}
	snprintf(b, sizeof b, "distance run (%s)", rp_unit(d));
	text_fit(cr, b, a.x + a.w / 2, y + h - 4, 8.5, false, 0.5, 1, 0, w - 2 * PAD);
	double row = a.h / (double)m, bh = fmin(row * 0.55, 18);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (g[i].gear.kind != NF_GEAR_SHOES)
			continue;
		double cy = a.y + row * ((double)k + 0.5);
		color(cr, g[i].wear == NF_WEAR_RETIRE ? red : g[i].wear == NF_WEAR_CHECK ? orange : blue);
		double used = g[i].gear.used_km * f, retire = g[i].gear.retire_km * f;
		cairo_rectangle(cr, a.x, cy - bh / 2, px(&a, used) - a.x, bh);
		cairo_fill(cr);
		if (isfinite(g[i].gear.retire_km)) {
			cairo_set_line_width(cr, 1.5);
			color(cr, red);
			cairo_move_to(cr, px(&a, retire), cy - bh / 2 - 3);
			cairo_line_to(cr, px(&a, retire), cy + bh / 2 + 3);
			cairo_stroke(cr);
			color(cr, orange);
			cairo_move_to(cr, px(&a, retire * 5 / 8), cy - bh / 2 - 3);
			cairo_line_to(cr, px(&a, retire * 5 / 8), cy + bh / 2 + 3);
			cairo_stroke(cr);
		}
		snprintf(b, sizeof b, "%s%s", g[i].gear.nickname, g[i].gear.retired[0] ? " (retired)" : "");
		color(cr, ink);
		text_fit(cr, b, a.x - 6, cy, 8, false, 1, 0.5, 0, lw - 6);
		/* The distance beside the bar's end, or inside it when the end is too near the edge. */
		double tw, end = px(&a, used);
		rp_dist(d, g[i].gear.used_km, 0, b, sizeof b);
		measure(cr, b, 7.5, false, &tw, NULL);
		if (end + 4 + tw <= a.x + a.w) {
			text(cr, b, end + 4, cy, 7.5, false, 0, 0.5, 0);
		} else {
			cairo_set_source_rgb(cr, 1, 1, 1);
			text(cr, b, end - 4, cy, 7.5, false, 1, 0.5, 0);
		}
		k++;
	}
	color(cr, ink);
	cairo_set_line_width(cr, 1);
	cairo_move_to(cr, a.x, a.y);
	cairo_line_to(cr, a.x, a.y + a.h);
	cairo_stroke(cr);
}

static void fig_weeks(const struct rp_doc *d, cairo_t *cr, double top, double x, double y, double w, double h)
{
	size_t n;
	const nf_an_week *wk = nf_analysis_weeks(d->an, &n);
	size_t first = weeks_shown(d, &n);
	const double f = rp_per_km(d);
	struct area a = {.y0 = 0, .y1 = 0};
	for (size_t i = first; i < n; i++)
		a.y1 = fmax(a.y1, wk[i].km * f);
	a.x0 = (double)wk[first].start;
	a.x1 = (double)wk[n - 1].start + SECS_WEEK;
	char ylabel[24];
	snprintf(ylabel, sizeof ylabel, "%s per week", rp_unit(d));
	axes(cr, &a, X_WEEKS, "week starting (Monday)", ylabel, top, BOTTOM, x, y, w, h);
	double bw = px(&a, a.x0 + SECS_WEEK) - px(&a, a.x0);
	for (size_t i = first; i < n; i++) {
		color(cr, wk[i].episodes ? red : blue);
		double x0 = px(&a, (double)wk[i].start);
		cairo_rectangle(cr, x0 + bw * 0.1, py(&a, wk[i].km * f), bw * 0.8, py(&a, 0) - py(&a, wk[i].km * f));
		cairo_fill(cr);
	}
}

static void fig_cadence(const struct rp_doc *d, cairo_t *cr, double top, double x, double y, double w, double h)
{
	size_t n;
	const nf_an_run *r = nf_analysis_runs(d->an, &n);
	struct area a = {.x0 = INFINITY, .x1 = -INFINITY, .y0 = INFINITY, .y1 = -INFINITY, .inset = DOT_R + 4};
	int64_t from = cadence_from(d);
	for (size_t i = 0; i < n; i++)
		if (cadence_known(from, &r[i])) {
			a.x0 = fmin(a.x0, (double)r[i].time), a.x1 = fmax(a.x1, (double)r[i].time);
			a.y0 = fmin(a.y0, r[i].cadence_spm), a.y1 = fmax(a.y1, r[i].cadence_spm);
		}
	a.y0 = fmin(a.y0, NF_AN_LOW_CADENCE) - 5;
	a.y1 = fmax(a.y1, NF_AN_LOW_CADENCE) + 5;
	axes(cr, &a, X_DATES, "date of the run", "steps per minute", top, BOTTOM, x, y, w, h);
	cairo_set_line_width(cr, 1);
	color(cr, orange);
	cairo_set_dash(cr, level_dash, 2, 0);
	cairo_move_to(cr, a.x, py(&a, NF_AN_LOW_CADENCE));
	cairo_line_to(cr, a.x + a.w, py(&a, NF_AN_LOW_CADENCE));
	cairo_stroke(cr);
	cairo_set_dash(cr, NULL, 0, 0);
	text(cr, "160 spm", a.x + a.w - 2, py(&a, NF_AN_LOW_CADENCE) - 2, 7.5, false, 1, 1, 0);
	for (size_t i = 0; i < n; i++)
		if (cadence_known(from, &r[i])) {
			color(cr, r[i].episodes ? red : blue);
			dot(cr, px(&a, (double)r[i].time), py(&a, r[i].cadence_spm), 2.5);
		}
}

#define ROUTE_ROW_H 170.0

/* Two routes a row, or one on a narrow figure. */
static size_t route_columns(double w)
{
	return w < 400 ? 1 : 2;
}

double rp_routes_height(const struct rp_doc *d, double w)
{
	size_t cols = route_columns(w), rows = (d->nroutes + cols - 1) / cols;
	return 34 + (double)(rows ? rows : 1) * ROUTE_ROW_H;
}

/* One route in the box x, y, w, h: the path north up, its start, and a red mark where the
 * numbness began (the first point at or past the onset distance). */
static void route_panel(const struct rp_doc *d, const struct rp_route *rt, cairo_t *cr, double x, double y, double w,
			double h)
{
	char label[160], dist[32], onset[32] = "";
	rp_dist(d, rt->km, 1, dist, sizeof dist);
	if (isfinite(rt->onset_km)) {
		char at[32];
		rp_dist(d, rt->onset_km, 1, at, sizeof at);
		snprintf(onset, sizeof onset, ", numb at %s", at);
	}
	snprintf(label, sizeof label, "%s, %s%s", rt->date, isfinite(rt->km) ? dist : "distance unknown", onset);
	color(cr, ink);
	text_fit(cr, label, x + w / 2, y, 8, false, 0.5, 0, 0, w - 4);
	double lat0 = INFINITY, lat1 = -INFINITY, lon0 = INFINITY, lon1 = -INFINITY;
	for (size_t i = 0; i < rt->n; i++) {
		lat0 = fmin(lat0, rt->pt[i].lat), lat1 = fmax(lat1, rt->pt[i].lat);
		lon0 = fmin(lon0, rt->pt[i].lon), lon1 = fmax(lon1, rt->pt[i].lon);
	}
	/* Equirectangular about the middle latitude: true to shape at a run's scale. */
	double k = cos((lat0 + lat1) / 2 * M_PI / 180);
	double dw = (lon1 - lon0) * k, dh = lat1 - lat0;
	double bx = x + 8, by = y + 16, bw = w - 16, bh = h - 24;
	double scale = fmin(dw > 0 ? bw / dw : INFINITY, dh > 0 ? bh / dh : INFINITY);
	if (!isfinite(scale))
		scale = 1;
	double ox = bx + (bw - dw * scale) / 2, oy = by + (bh - dh * scale) / 2;
#define RX(p) (ox + ((p).lon - lon0) * k * scale)
#define RY(p) (oy + (lat1 - (p).lat) * scale)
	cairo_set_line_width(cr, 1.6);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	color(cr, blue);
	for (size_t i = 0; i < rt->n; i++)
		(i ? cairo_line_to : cairo_move_to)(cr, RX(rt->pt[i]), RY(rt->pt[i]));
	cairo_stroke(cr);
	color(cr, ink);
	dot(cr, RX(rt->pt[0]), RY(rt->pt[0]), 3);
	text(cr, "start", RX(rt->pt[0]) + 5, RY(rt->pt[0]), 7, false, 0, 0.5, 0);
	if (isfinite(rt->onset_km)) {
		for (size_t i = 0; i < rt->n; i++)
			if (isfinite(rt->pt[i].dist_m) && rt->pt[i].dist_m >= rt->onset_km * 1000) {
				color(cr, red);
				dot(cr, RX(rt->pt[i]), RY(rt->pt[i]), 4.5);
				break;
			}
	}
#undef RX
#undef RY
}

static void fig_routes(const struct rp_doc *d, cairo_t *cr, double top, double x, double y, double w, double h)
{
	size_t cols = route_columns(w);
	double cw = (w - 20) / (double)cols;
	for (size_t i = 0; i < d->nroutes; i++)
		route_panel(d, &d->route[i], cr, x + 10 + (double)(i % cols) * cw,
			    y + top + (double)(i / cols) * ROUTE_ROW_H, cw, ROUTE_ROW_H - 8);
	(void)h;
}

const char *rp_figure_title(int i)
{
	static const char *const t[RP_FIGURES + 1] = {
		"Onset per run", "Episodes by shoe pair", "Shoe distance against retirement distance",
		"Weekly distance", "Cadence over time", "Routes of the latest runs with numbness",
	};
	return i >= 0 && i <= RP_FIGURES ? t[i] : "";
}

/* What to log for each figure to have data. */
static const char *const why_empty[RP_FIGURES + 1] = {
	"Record where the numbness starts on each episode: the distance or the minutes into the run.",
	"Record which shoes each run was in.",
	"Add your shoes to follow their distance against a retirement distance.",
	"Record runs with their distance, typed in or imported from a watch's files.",
	"Cadence comes from imported watch files, or typed in with each run.",
	"No route is stored for the runs with numbness: routes come from imported watch files.",
};

void rp_figure_draw(const struct rp_doc *d, int i, cairo_t *cr, double x, double y, double w, double h)
{
	char title[128];
	struct key k[KEY_MAX];
	if (i < 0 || i > RP_FIGURES)
		return;
	cairo_save(cr);
	size_t n = fig_head(d, i, title, sizeof title, k);
	if (!n) {
		char why[256];
		int64_t t0, t1;
		size_t old = i == 4 ? rp_cadence_before(d, &t0, &t1) : 0;
		if (old) {
			/* The Training section gives a cadence from these runs: the panel says where they are
			 * rather than "no data", which would contradict it. */
			char d0[24], d1[24];
			nf_time_day(t0, d0, sizeof d0);
			nf_time_day(t1, d1, sizeof d1);
			if (old == 1)
				snprintf(why, sizeof why, "The one run with a cadence (%s) came before the weeks these "
					 "figures show; the cadence in the Training section is its own.", d0);
			else
				snprintf(why, sizeof why, "The %zu runs with a cadence (%s to %s) came before the weeks "
					 "these figures show; the cadence in the Training section is their median.",
					 old, d0, d1);
			no_data(cr, title, "Only older runs", why, x, y, w, h);
		} else {
			no_data(cr, title, "No data yet", why_empty[i], x, y, w, h);
		}
		cairo_restore(cr);
		return;
	}
	frame(cr, x, y, w, h);
	double top = header(cr, title, k, n, x, y, w, true);
	switch (i) {
	case 0:
		fig_onset(d, cr, top, x, y, w, h);
		break;
	case 1:
		fig_shoes(d, cr, top, x, y, w, h);
		break;
	case 2:
		fig_wear(d, cr, top, x, y, w, h);
		break;
	case 3:
		fig_weeks(d, cr, top, x, y, w, h);
		break;
	case 4:
		fig_cadence(d, cr, top, x, y, w, h);
		break;
	case RP_FIG_ROUTES:
		fig_routes(d, cr, top, x, y, w, h);
		break;
	}
	cairo_restore(cr);
}

double rp_figure_height(const struct rp_doc *d, int i, double w)
{
	if (i == RP_FIG_ROUTES)
		return rp_routes_height(d, w);
	char title[128];
	struct key k[KEY_MAX];
	/* The key's lines depend on its labels' widths, which only pango knows. */
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
	cairo_t *cr = cairo_create(s);
	size_t n = fig_head(d, i, title, sizeof title, k);
	double top = header(cr, title, k, n, 0, 0, w, false);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	double plot = fmin(180, fmax(110, w * 0.45));
	if (i == 2 && n) {
		size_t ng, shoes = 0;
		const nf_an_gear *g = nf_analysis_gear(d->an, &ng);
		for (size_t j = 0; j < ng; j++)
			shoes += g[j].gear.kind == NF_GEAR_SHOES;
		plot = fmax(plot, 26.0 * (double)shoes);
	}
	return top + plot + BOTTOM + (i == 1 ? 11 : 0);
}
