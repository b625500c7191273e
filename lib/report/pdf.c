/* The report on A4 pages (cairo PDF surface), and the figures alone as PNG or SVG. */
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
#define FIG_H 215.0

struct pg {
	const struct rp_doc *d;
	cairo_t *cr;
	double y;
	int page;
};

static void ink(cairo_t *cr)
{
	cairo_set_source_rgb(cr, 0.1, 0.1, 0.12);
}

static void footer(struct pg *p)
{
	char b[160];
	snprintf(b, sizeof b, "numbfoot %s report, %.10s. Not a diagnosis: informs, does not examine. Page %d",
		 nf_version(), p->d->today, p->page);
	cairo_set_source_rgb(p->cr, 0.4, 0.4, 0.45);
	rp_para(p->cr, b, MARGIN, PAGE_H - 40, TEXT_W, 7.5, false, true);
	ink(p->cr);
}

static void new_page(struct pg *p)
{
	footer(p);
	cairo_show_page(p->cr);
	p->page++;
	p->y = TOP;
}

static void ensure(struct pg *p, double h)
{
	if (p->y + h > BOTTOM && p->y > TOP)
		new_page(p);
}

static void para(struct pg *p, const char *s, double size, bool bold, double indent, double gap)
{
	double h = rp_para(p->cr, s, 0, 0, TEXT_W - indent, size, bold, false);
	ensure(p, h);
	rp_para(p->cr, s, MARGIN + indent, p->y, TEXT_W - indent, size, bold, true);
	p->y += h + gap;
}

static void heading(struct pg *p, const char *s)
{
	ensure(p, 60);
	p->y += 8;
	cairo_set_source_rgb(p->cr, 0.13, 0.3, 0.55);
	para(p, s, 13, true, 0, 6);
	ink(p->cr);
}

static void triage_box(struct pg *p, const char *level, const char *words)
{
	static const struct {
		const char *id;
		double r, g, b;
	} c[] = {{"emergency", 0.8, 0.1, 0.1}, {"urgent", 0.95, 0.7, 0.1}, {"routine", 0.3, 0.7, 0.8},
		 {"self_care", 0.4, 0.75, 0.4}};
	double h = rp_para(p->cr, words, 0, 0, TEXT_W - 20, 12, true, false) + 14;
	ensure(p, h);
	for (size_t i = 0; i < 4; i++)
		if (!strcmp(c[i].id, level))
			cairo_set_source_rgb(p->cr, c[i].r, c[i].g, c[i].b);
	cairo_rectangle(p->cr, MARGIN, p->y, TEXT_W, h);
	cairo_fill(p->cr);
	!strcmp(level, "emergency") ? cairo_set_source_rgb(p->cr, 1, 1, 1) : ink(p->cr);
	rp_para(p->cr, words, MARGIN + 10, p->y + 7, TEXT_W - 20, 12, true, true);
	ink(p->cr);
	p->y += h + 8;
}

static void bar(struct pg *p, double prob)
{
	double w = 120, h = 7, x = MARGIN + TEXT_W - w;
	cairo_set_source_rgb(p->cr, 0.88, 0.88, 0.9);
	cairo_rectangle(p->cr, x, p->y - 11, w, h);
	cairo_fill(p->cr);
	cairo_set_source_rgb(p->cr, 0.22, 0.42, 0.69);
	cairo_rectangle(p->cr, x, p->y - 11, w * prob, h);
	cairo_fill(p->cr);
	ink(p->cr);
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

static void page_one(struct pg *p)
{
	const struct rp_doc *d = p->d;
	const nf_kb *kb = d->kb;
	char b[RP_TEXT_MAX];
	size_t nruns, neps;
	nf_analysis_runs(d->an, &nruns);
	nf_analysis_episodes(d->an, &neps);
	cairo_set_source_rgb(p->cr, 0.13, 0.3, 0.55);
	para(p, "numbfoot report: numbness or tingling in the feet when running", 17, true, 0, 4);
	ink(p->cr);
	para(p, "For a sports-medicine doctor or physiotherapist. Made from the runner's own answers and run journal.",
	     9.5, false, 0, 8);
	snprintf(b, sizeof b, "Report date: %.10s. Assessment: %s. Journal: %zu runs, %zu episodes of numbness.", d->today,
		 !d->fresh ? ""
		 : d->unfinished[0] ? "made now from the journal's data alone (no finished assessment saved yet; the "
				      "warning-sign questions were not asked)"
				    : "made now from the journal's data alone (no saved assessment yet; the warning-sign "
				      "questions were not asked)",
		 nruns, neps);
	if (!d->fresh)
		snprintf(b, sizeof b, "Report date: %.10s. Assessment of %.10s %.5s UTC, saved in the journal. Journal: %zu "
				      "runs, %zu episodes of numbness.",
			 d->today, d->assessed, d->assessed + 11, nruns, neps);
	para(p, b, 9.5, false, 0, 10);
	rp_unfinished_note(d, b, sizeof b);
	if (b[0])
		para(p, b, 9.5, true, 0, 10);

	json_t *tri = json_object_get(d->result, "triage");
	heading(p, "Triage");
	triage_box(p, json_string_value(json_object_get(tri, "level")) ? json_string_value(json_object_get(tri, "level")) : "",
		   json_string_value(json_object_get(tri, "words")) ? json_string_value(json_object_get(tri, "words")) : "");
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
		if (i >= 5 || (i > 0 && prob < 0.01)) {
			char pc[16];
			pct(prob, pc);
			snprintf(b, sizeof b, "The other causes in the knowledge base are each at most %s.", pc);
			para(p, b, 8.5, false, 0, 2);
			break;
		}
		char pc[16];
		pct(prob, pc);
		snprintf(b, sizeof b, "%zu. %s  (%s)", i + 1, json_string_value(json_object_get(r, "name")), pc);
		ensure(p, 40);
		para(p, b, 10.5, true, 0, 2);
		bar(p, prob);
		json_t *rs = json_object_get(r, "reasons"), *x;
		size_t k;
		json_array_foreach(rs, k, x)
		{
			if (k >= 3)
				break;
			const char *fid = json_string_value(json_object_get(x, "finding"));
			double w = json_number_value(json_object_get(x, "weight"));
			int f = fid ? nf_kb_finding_index(kb, fid) : -1;
			if (f < 0 || fabs(w) < 0.1)
				continue;
			char ans[256];
			rp_answer_text(d, fid, json_object_get(x, "answer"), ans, sizeof ans);
			bool est = rp_reason_is_estimate(d, r, x);
			estimated += est;
			snprintf(b, sizeof b, "%s %s: %s (likelihood ratio %.2g%s)%s", w > 0 ? "raised by" : "lowered by",
				 nf_kb_finding_means(kb, (size_t)f), ans, exp(w), est ? ", estimate" : "",
				 rp_is_derived(d, fid) ? " [journal]" : "");
			para(p, b, 8.5, false, 14, 1);
		}
		p->y += 4;
	}
	if (estimated)
		para(p, RP_ESTIMATE_LEGEND, 8, false, 0, 4);

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

	heading(p, "The plan so far");
	/* A saved assessment from before first steps were kept has none: its plans say it all. */
	json_t *first = json_object_get(d->result, "first_step");
	const char *fk = json_string_value(json_object_get(first, "kind"));
	if (fk && !strcmp(fk, "action")) {
		snprintf(b, sizeof b, "First: %s", json_string_value(json_object_get(first, "step")));
		para(p, b, 9.5, true, 0, 2);
	}
	json_t *plan = json_object_get(d->result, "plan"), *pl;
	json_array_foreach(plan, i, pl)
	{
		char pc[16];
		pct(json_number_value(json_object_get(pl, "probability")), pc);
		snprintf(b, sizeof b, "If it is %s (%s):", json_string_value(json_object_get(pl, "name")), pc);
		para(p, b, 9.5, true, 0, 2);
		json_t *steps = json_object_get(pl, "steps"), *st;
		size_t k;
		json_array_foreach(steps, k, st)
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
		para(p, "From the runner's own data:", 9.5, true, 0, 2);
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
		para(p, "What more to log to settle other questions:", 9.5, true, 0, 2);
		for (size_t k = 0; k < nf_analysis_needs(d->an); k++) {
			snprintf(b, sizeof b, "- %s", nf_analysis_need(d->an, k));
			para(p, b, 8.5, false, 10, 1);
		}
	}
}

static void locations(uint32_t set, char *b, size_t cap)
{
	size_t n = 0;
	b[0] = '\0';
	for (int i = 0; i < NF_LOCATION_COUNT && n < cap; i++)
		if (set >> i & 1)
			n += (size_t)snprintf(b + n, cap - n, "%s%s", n ? ", " : "", nf_location_name(i));
	if (!n)
		snprintf(b, cap, "-");
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
	static const double col[] = {0, 62, 108, 160, 200, 340, 392};
	static const char *const head[] = {"date", "run", "onset", "severity", "where", "recovery", "shoes"};
	ensure(p, 30);
	for (int c = 0; c < 7; c++)
		rp_para(p->cr, head[c], MARGIN + col[c], p->y, 120, 8, true, true);
	p->y += 12;
	for (size_t i = first; i < n; i++) {
		const nf_episode *ep = &e[i].ep;
		const nf_an_run *x = &r[e[i].run];
		char cell[7][128];
		an_date(x->time, cell[0]);
		isfinite(x->km) ? rp_dist(d, x->km, 1, cell[1], 128) : (void)snprintf(cell[1], 128, "-");
		if (isfinite(ep->onset_km))
			rp_dist(d, ep->onset_km, 1, cell[2], 128);
		else if (isfinite(ep->onset_min))
			snprintf(cell[2], 128, "%.0f min", ep->onset_min);
		else
			snprintf(cell[2], 128, "-");
		ep->severity >= 0 ? snprintf(cell[3], 128, "%d/10", ep->severity) : snprintf(cell[3], 128, "-");
		locations(ep->locations, cell[4], 128);
		isfinite(ep->recover_min) ? snprintf(cell[5], 128, "%.0f min", ep->recover_min) : snprintf(cell[5], 128, "-");
		snprintf(cell[6], 128, "%s", x->shoes_id ? rp_gear_name(d, x->shoes_id) : "-");
		double h = rp_para(p->cr, cell[4], 0, 0, col[5] - col[4] - 4, 8, false, false);
		ensure(p, h + 2);
		for (int c = 0; c < 7; c++)
			rp_para(p->cr, cell[c], MARGIN + col[c], p->y, (c < 6 ? col[c + 1] - col[c] : TEXT_W - col[c]) - 4, 8,
				false, true);
		p->y += h + 2;
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
	if (d->opt->gps) {
		double h = rp_routes_height(d, TEXT_W);
		ensure(p, h + 10);
		rp_figure_draw(d, RP_FIG_ROUTES, p->cr, MARGIN, p->y, TEXT_W, h);
		p->y += h + 10;
	} else {
		para(p, rp_gps_note, 9, false, 0, 2);
	}
	heading(p, "This is not a diagnosis");
	para(p, rp_disclaimer, 9.5, true, 0, 2);
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
	struct pg p = {.d = d, .cr = cr, .y = TOP, .page = 1};
	ink(cr);
	page_one(&p);
	new_page(&p);
	answers_section(&p);
	history(&p);
	training(&p);
	/* Keep the heading with the first figure: a heading alone at the foot of a page reads as a
	 * missing figure. */
	ensure(&p, 60 + FIG_H + 10);
	heading(&p, "Figures");
	for (int i = 0; i < RP_FIGURES; i++) {
		ensure(&p, FIG_H + 10);
		rp_figure_draw(d, i, cr, MARGIN, p.y, TEXT_W, FIG_H);
		p.y += FIG_H + 10;
	}
	closing(&p);
	footer(&p);
	cairo_show_page(cr);
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
