/* The report's figures, drawn with cairo and pango onto any surface (PDF page, SVG, PNG). Each
 * has axes with units and a title; without data it draws a "no data yet" panel that says what to
 * log. */
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "report/report_priv.h"

#define FONT "DejaVu Sans"
#define WEEKS_SHOWN 52

struct rgb {
	double r, g, b;
};
static const struct rgb ink = {0.15, 0.15, 0.18}, grid = {0.88, 0.88, 0.9}, dim = {0.45, 0.45, 0.5};
static const struct rgb red = {0.80, 0.22, 0.17}, blue = {0.22, 0.42, 0.69}, light = {0.72, 0.80, 0.90};
static const struct rgb orange = {0.90, 0.55, 0.10};
static const struct rgb palette[] = {
	{0.22, 0.42, 0.69}, {0.80, 0.22, 0.17}, {0.20, 0.60, 0.35}, {0.55, 0.35, 0.70},
	{0.90, 0.55, 0.10}, {0.35, 0.65, 0.75}, {0.60, 0.45, 0.30}, {0.45, 0.45, 0.50},
};

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

/* Text anchored at (x, y): ax, ay = 0 left/top, 0.5 centre, 1 right/bottom; turned by angle. */
static void text(cairo_t *cr, const char *s, double x, double y, double size, bool bold, double ax, double ay,
		 double angle)
{
	PangoLayout *l = layout(cr, s, size, bold, 0);
	int w, h;
	pango_layout_get_size(l, &w, &h);
	cairo_save(cr);
	cairo_translate(cr, x, y);
	cairo_rotate(cr, angle);
	cairo_move_to(cr, -ax * w / PANGO_SCALE, -ay * h / PANGO_SCALE);
	pango_cairo_show_layout(cr, l);
	cairo_restore(cr);
	g_object_unref(l);
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

/* The plot area inside a box after the title and axis labels. */
struct area {
	double x, y, w, h;
	double x0, x1, y0, y1; /* data ranges */
};

static double px(const struct area *a, double v)
{
	return a->x + (a->x1 > a->x0 ? (v - a->x0) / (a->x1 - a->x0) : 0.5) * a->w;
}

static double py(const struct area *a, double v)
{
	return a->y + a->h - (a->y1 > a->y0 ? (v - a->y0) / (a->y1 - a->y0) : 0.5) * a->h;
}

static void title_box(cairo_t *cr, const char *title, double x, double y, double w, double h)
{
	cairo_set_line_width(cr, 0.8);
	color(cr, (struct rgb){0.75, 0.75, 0.78});
	cairo_rectangle(cr, x + 0.5, y + 0.5, w - 1, h - 1);
	cairo_stroke(cr);
	color(cr, ink);
	text(cr, title, x + 8, y + 6, 10, true, 0, 0, 0);
}

static void no_data(cairo_t *cr, const char *title, const char *why, double x, double y, double w, double h)
{
	title_box(cr, title, x, y, w, h);
	color(cr, (struct rgb){0.96, 0.96, 0.97});
	cairo_rectangle(cr, x + 40, y + 28, w - 80, h - 48);
	cairo_fill(cr);
	color(cr, dim);
	text(cr, "No data yet", x + w / 2, y + h / 2 - 8, 12, true, 0.5, 0.5, 0);
	cairo_save(cr);
	PangoLayout *l = layout(cr, why, 8.5, false, w - 120);
	pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
	cairo_move_to(cr, x + 60, y + h / 2 + 4);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
	cairo_restore(cr);
}

static const char *const month[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
				    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

static void date_label(double t, double span, char buf[24])
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	if (span > 300 * 86400.0)
		snprintf(buf, 24, "%s %d", month[tm.tm_mon], tm.tm_year + 1900);
	else
		snprintf(buf, 24, "%d %s", tm.tm_mday, month[tm.tm_mon]);
}

/* Frame, grid, ticks and labels. time_x: the x axis is Unix seconds. */
static void axes(cairo_t *cr, struct area *a, const char *title, const char *xlabel, const char *ylabel, bool time_x,
		 double bx, double by, double bw, double bh)
{
	title_box(cr, title, bx, by, bw, bh);
	a->x = bx + 52;
	a->y = by + 30;
	a->w = bw - 52 - 16;
	a->h = bh - 30 - 40;
	if (a->y1 <= a->y0)
		a->y1 = a->y0 + 1;
	double ys = nice_step(a->y1 - a->y0, 5);
	a->y0 = floor(a->y0 / ys) * ys;
	a->y1 = ceil(a->y1 / ys) * ys;
	if (a->y1 <= a->y0)
		a->y1 = a->y0 + ys;
	cairo_set_line_width(cr, 0.5);
	for (double v = a->y0; v <= a->y1 + ys / 2; v += ys) {
		color(cr, grid);
		cairo_move_to(cr, a->x, py(a, v));
		cairo_line_to(cr, a->x + a->w, py(a, v));
		cairo_stroke(cr);
		char b[24];
		snprintf(b, sizeof b, "%g", fabs(v) < ys / 1e6 ? 0.0 : v);
		color(cr, ink);
		text(cr, b, a->x - 4, py(a, v), 8, false, 1, 0.5, 0);
	}
	if (time_x) {
		double span = a->x1 - a->x0;
		if (span <= 0)
			a->x0 -= 86400 * 3, a->x1 += 86400 * 3, span = a->x1 - a->x0;
		/* Ticks on whole days (a label per quarter of the span would repeat a date when the
		 * span is a few days), and no label twice when they name months. */
		const double day = 86400;
		double step = fmax(1, ceil(nice_step(span / day, 4))) * day;
		char prev[24] = "";
		for (double t = ceil(a->x0 / step) * step; t <= a->x1 + 1; t += step) {
			char b[24];
			date_label(t, span, b);
			if (!strcmp(b, prev))
				continue;
			memcpy(prev, b, sizeof prev);
			double x = px(a, t);
			color(cr, ink);
			text(cr, b, x, a->y + a->h + 4, 8, false, x < a->x + 20 ? 0 : x > a->x + a->w - 20 ? 1 : 0.5, 0, 0);
		}
	} else if (a->x1 > a->x0) {
		double xs = nice_step(a->x1 - a->x0, 6);
		for (double v = ceil(a->x0 / xs) * xs; v <= a->x1 + xs / 1e6; v += xs) {
			char b[24];
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
	text(cr, xlabel, a->x + a->w / 2, by + bh - 4, 8.5, false, 0.5, 1, 0);
	text(cr, ylabel, bx + 6, a->y + a->h / 2, 8.5, false, 0.5, 0, -M_PI / 2);
}

static void dot(cairo_t *cr, double x, double y, double r)
{
	cairo_new_sub_path(cr);
	cairo_arc(cr, x, y, r, 0, 2 * M_PI);
	cairo_fill(cr);
}

static void legend(cairo_t *cr, double x, double y, const char *label, struct rgb c, bool square)
{
	color(cr, c);
	if (square) {
		cairo_rectangle(cr, x, y - 4, 8, 8);
		cairo_fill(cr);
	} else {
		dot(cr, x + 4, y, 3);
	}
	color(cr, ink);
	text(cr, label, x + 12, y, 8, false, 0, 0.5, 0);
}

static size_t shoe_index(const struct rp_doc *d, int64_t id)
{
	size_t n, k = 0;
	const nf_an_gear *g = nf_analysis_gear(d->an, &n);
	for (size_t i = 0; i < n; i++) {
		if (g[i].gear.kind != NF_GEAR_SHOES)
			continue;
		if (g[i].gear.id == id)
			return k % (sizeof palette / sizeof *palette);
		k++;
	}
	return sizeof palette / sizeof *palette - 1;
}

static void fig_onset(const struct rp_doc *d, cairo_t *cr, double x, double y, double w, double h)
{
	const char *title = rp_figure_title(0);
	size_t n, m = 0;
	const nf_an_run *r = nf_analysis_runs(d->an, &n);
	const double f = rp_per_km(d);
	struct area a = {.x0 = INFINITY, .x1 = -INFINITY, .y0 = 0, .y1 = 0};
	for (size_t i = 0; i < n; i++)
		if (r[i].episodes && isfinite(r[i].onset_km) && r[i].time >= 0) {
			m++;
			a.x0 = fmin(a.x0, (double)r[i].time), a.x1 = fmax(a.x1, (double)r[i].time);
			a.y1 = fmax(a.y1, r[i].onset_km * f * 1.1);
		}
	if (!m) {
		no_data(cr, title, "Record where the numbness starts on each episode (run add --numb-at KM, or episode add).", x,
			y, w, h);
		return;
	}
	char ylabel[24];
	snprintf(ylabel, sizeof ylabel, "onset (%s)", rp_unit(d));
	axes(cr, &a, title, "date of the run", ylabel, true, x, y, w, h);
	int64_t seen[8] = {0};
	size_t nseen = 0;
	for (size_t i = 0; i < n; i++) {
		if (!(r[i].episodes && isfinite(r[i].onset_km) && r[i].time >= 0))
			continue;
		color(cr, palette[shoe_index(d, r[i].shoes_id)]);
		dot(cr, px(&a, (double)r[i].time), py(&a, r[i].onset_km * f), 3);
		bool known = false;
		for (size_t k = 0; k < nseen; k++)
			known |= seen[k] == r[i].shoes_id;
		if (!known && nseen < 8)
			seen[nseen++] = r[i].shoes_id;
	}
	/* Legend at the top right, one entry per pair, right to left. */
	double lx = x + w - 10;
	for (size_t k = nseen; k-- > 0;) {
		const char *nm = seen[k] ? rp_gear_name(d, seen[k]) : "no shoes recorded";
		lx -= 22 + 5.2 * (double)strlen(nm);
		legend(cr, lx, y + 14, nm, palette[shoe_index(d, seen[k])], false);
	}
}

static void fig_shoes(const struct rp_doc *d, cairo_t *cr, double x, double y, double w, double h)
{
	const char *title = rp_figure_title(1);
	size_t n, m = 0;
	const nf_an_gear *g = nf_analysis_gear(d->an, &n);
	struct area a = {.y0 = 0, .y1 = 1};
	for (size_t i = 0; i < n; i++)
		if (g[i].gear.kind == NF_GEAR_SHOES && g[i].runs_logged) {
			m++;
			a.y1 = fmax(a.y1, g[i].runs_logged);
		}
	if (!m) {
		no_data(cr, title, "Record which shoes each run was in (gear add, then run add --shoes).", x, y, w, h);
		return;
	}
	axes(cr, &a, title, "shoes (runs with numbness / runs)", "runs", false, x, y, w, h);
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
		char b[96];
		snprintf(b, sizeof b, "%s  %d/%d", g[i].gear.nickname, g[i].episode_runs, g[i].runs_logged);
		color(cr, ink);
		text(cr, b, cx, a.y + a.h + 4, 8, false, 0.5, 0, 0);
		k++;
	}
	legend(cr, x + w - 230, y + 14, "runs", light, true);
	legend(cr, x + w - 170, y + 14, "runs with numbness", red, true);
}

static void fig_wear(const struct rp_doc *d, cairo_t *cr, double x, double y, double w, double h)
{
	const char *title = rp_figure_title(2);
	size_t n, m = 0;
	const nf_an_gear *g = nf_analysis_gear(d->an, &n);
	const double f = rp_per_km(d);
	double hi = 0;
	for (size_t i = 0; i < n; i++)
		if (g[i].gear.kind == NF_GEAR_SHOES) {
			m++;
			hi = fmax(hi, f * fmax(g[i].gear.used_km, isfinite(g[i].gear.retire_km) ? g[i].gear.retire_km : 0));
		}
	if (!m) {
		no_data(cr, title, "Add your shoes (gear add) to follow their distance against a retirement distance.", x, y, w,
			h);
		return;
	}
	title_box(cr, title, x, y, w, h);
	struct area a = {.x = x + 110, .y = y + 30, .w = w - 110 - 20, .h = h - 30 - 40, .x0 = 0};
	double xs = nice_step(hi * 1.05, 6);
	a.x1 = ceil(hi * 1.05 / xs) * xs;
	cairo_set_line_width(cr, 0.5);
	for (double v = 0; v <= a.x1 + xs / 2; v += xs) {
		char b[24];
		snprintf(b, sizeof b, "%g", v);
		color(cr, grid);
		cairo_move_to(cr, px(&a, v), a.y);
		cairo_line_to(cr, px(&a, v), a.y + a.h);
		cairo_stroke(cr);
		color(cr, ink);
		text(cr, b, px(&a, v), a.y + a.h + 4, 8, false, 0.5, 0, 0);
	}
	char label[96];
	snprintf(label, sizeof label, "distance run (%s); red line: retirement distance, orange: check", rp_unit(d));
	text(cr, label, a.x + a.w / 2, y + h - 4, 8.5, false, 0.5, 1, 0);
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
		char b[96];
		snprintf(b, sizeof b, "%s%s", g[i].gear.nickname, g[i].gear.retired[0] ? " (retired)" : "");
		color(cr, ink);
		text(cr, b, a.x - 6, cy, 8, false, 1, 0.5, 0);
		rp_dist(d, g[i].gear.used_km, 0, b, sizeof b);
		text(cr, b, px(&a, used) + 4, cy, 7.5, false, 0, 0.5, 0);
		k++;
	}
	color(cr, ink);
	cairo_set_line_width(cr, 1);
	cairo_move_to(cr, a.x, a.y);
	cairo_line_to(cr, a.x, a.y + a.h);
	cairo_stroke(cr);
}

static void fig_weeks(const struct rp_doc *d, cairo_t *cr, double x, double y, double w, double h)
{
	size_t n;
	const nf_an_week *wk = nf_analysis_weeks(d->an, &n);
	size_t first = n > WEEKS_SHOWN ? n - WEEKS_SHOWN : 0;
	char title[96];
	snprintf(title, sizeof title, "%s%s", rp_figure_title(3), n > WEEKS_SHOWN ? " (the last 52 weeks)" : "");
	/* Leave out the empty weeks before the first run of the period shown. */
	while (first + 1 < n && !wk[first].runs)
		first++;
	const double f = rp_per_km(d);
	struct area a = {.y0 = 0, .y1 = 0};
	for (size_t i = first; i < n; i++)
		a.y1 = fmax(a.y1, wk[i].km * f);
	if (!n || a.y1 <= 0) {
		no_data(cr, title, "Record runs with their distance (run add, or import your watch's files).", x, y, w, h);
		return;
	}
	a.x0 = (double)wk[first].start;
	a.x1 = (double)wk[n - 1].start + 7 * 86400;
	char ylabel[24];
	snprintf(ylabel, sizeof ylabel, "%s per week", rp_unit(d));
	axes(cr, &a, title, "week starting", ylabel, true, x, y, w, h);
	double bw = a.w / (double)(n - first);
	for (size_t i = first; i < n; i++) {
		color(cr, wk[i].episodes ? red : blue);
		double x0 = px(&a, (double)wk[i].start);
		cairo_rectangle(cr, x0 + bw * 0.1, py(&a, wk[i].km * f), bw * 0.8, py(&a, 0) - py(&a, wk[i].km * f));
		cairo_fill(cr);
	}
	legend(cr, x + w - 270, y + 14, "weeks without numbness", blue, true);
	legend(cr, x + w - 130, y + 14, "weeks with numbness", red, true);
}

static void fig_cadence(const struct rp_doc *d, cairo_t *cr, double x, double y, double w, double h)
{
	const char *title = rp_figure_title(4);
	size_t n, m = 0;
	const nf_an_run *r = nf_analysis_runs(d->an, &n);
	struct area a = {.x0 = INFINITY, .x1 = -INFINITY, .y0 = INFINITY, .y1 = -INFINITY};
	for (size_t i = 0; i < n; i++)
		if (isfinite(r[i].cadence_spm) && r[i].cadence_spm > 0 && r[i].time >= 0) {
			m++;
			a.x0 = fmin(a.x0, (double)r[i].time), a.x1 = fmax(a.x1, (double)r[i].time);
			a.y0 = fmin(a.y0, r[i].cadence_spm), a.y1 = fmax(a.y1, r[i].cadence_spm);
		}
	if (!m) {
		no_data(cr, title, "Cadence comes from imported runs (numbfoot import) or run add --cadence.", x, y, w, h);
		return;
	}
	a.y0 = fmin(a.y0, NF_AN_LOW_CADENCE) - 5;
	a.y1 = fmax(a.y1, NF_AN_LOW_CADENCE) + 5;
	axes(cr, &a, title, "date of the run", "steps per minute", true, x, y, w, h);
	cairo_set_line_width(cr, 1);
	color(cr, orange);
	double dash[] = {4, 3};
	cairo_set_dash(cr, dash, 2, 0);
	cairo_move_to(cr, a.x, py(&a, NF_AN_LOW_CADENCE));
	cairo_line_to(cr, a.x + a.w, py(&a, NF_AN_LOW_CADENCE));
	cairo_stroke(cr);
	cairo_set_dash(cr, NULL, 0, 0);
	text(cr, "160 spm", a.x + a.w - 2, py(&a, NF_AN_LOW_CADENCE) - 2, 7.5, false, 1, 1, 0);
	for (size_t i = 0; i < n; i++)
		if (isfinite(r[i].cadence_spm) && r[i].cadence_spm > 0 && r[i].time >= 0) {
			color(cr, r[i].episodes ? red : blue);
			dot(cr, px(&a, (double)r[i].time), py(&a, r[i].cadence_spm), 2.5);
		}
	legend(cr, x + w - 250, y + 14, "runs without numbness", blue, false);
	legend(cr, x + w - 120, y + 14, "with numbness", red, false);
}

#define ROUTE_ROW_H 170.0

double rp_routes_height(const struct rp_doc *d, double w)
{
	(void)w;
	size_t rows = (d->nroutes + 1) / 2;
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
	text(cr, label, x + w / 2, y, 8, false, 0.5, 0, 0);
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

static void fig_routes(const struct rp_doc *d, cairo_t *cr, double x, double y, double w, double h)
{
	const char *title = rp_figure_title(RP_FIG_ROUTES);
	if (!d->nroutes) {
		no_data(cr, title, "No route is stored for the runs with numbness: routes come from imported watch files.",
			x, y, w, h);
		return;
	}
	title_box(cr, title, x, y, w, h);
	legend(cr, x + w - 150, y + 14, "numbness began", red, false);
	double cw = (w - 20) / 2;
	for (size_t i = 0; i < d->nroutes; i++)
		route_panel(d, &d->route[i], cr, x + 10 + (double)(i % 2) * cw, y + 30 + (double)(i / 2) * ROUTE_ROW_H, cw,
			    ROUTE_ROW_H - 8);
}

const char *rp_figure_title(int i)
{
	static const char *const t[RP_FIGURES + 1] = {
		"Onset distance per run", "Episodes by shoe pair", "Shoe distance against retirement distance",
		"Weekly distance", "Cadence over time", "Routes of the latest runs with numbness",
	};
	return i >= 0 && i <= RP_FIGURES ? t[i] : "";
}

void rp_figure_draw(const struct rp_doc *d, int i, cairo_t *cr, double x, double y, double w, double h)
{
	cairo_save(cr);
	switch (i) {
	case 0:
		fig_onset(d, cr, x, y, w, h);
		break;
	case 1:
		fig_shoes(d, cr, x, y, w, h);
		break;
	case 2:
		fig_wear(d, cr, x, y, w, h);
		break;
	case 3:
		fig_weeks(d, cr, x, y, w, h);
		break;
	case 4:
		fig_cadence(d, cr, x, y, w, h);
		break;
	case RP_FIG_ROUTES:
		fig_routes(d, cr, x, y, w, h);
		break;
	}
	cairo_restore(cr);
}
