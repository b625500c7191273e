/* The report as one self-contained HTML file: the same content as the PDF, the figures drawn by
 * the same code as inline SVG. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "numbfoot/version.h"
#include "report/report_priv.h"

static void esc(FILE *f, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '&':
			fputs("&amp;", f);
			break;
		case '"':
			fputs("&quot;", f);
			break;
		default:
			fputc(*s, f);
		}
	}
}

static const char *str(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "";
}

static void pct(FILE *f, double p)
{
	if (p > 0.99)
		fputs("&gt;99%", f);
	else if (p < 0.01)
		fputs("&lt;1%", f);
	else
		fprintf(f, "%.0f%%", 100 * p);
}

/* One fact of page one, as a term and its description. */
static void fact(void *ctx, const char *label, const char *words)
{
	FILE *f = ctx;
	fprintf(f, "<dt>%s</dt><dd>", label);
	esc(f, words);
	fputs("</dd>\n", f);
}

static void page_one(FILE *f, const struct rp_doc *d)
{
	const nf_kb *kb = d->kb;
	size_t i;
	char b[RP_TEXT_MAX];
	fprintf(f, "<h1>numbfoot report: numbness or tingling in the feet when running</h1>\n");
	fputs("<p>For a sports-medicine doctor or physiotherapist. Made from the runner's own answers and run "
	      "journal.</p>\n<dl class=\"facts\">\n",
	      f);
	rp_facts(d, fact, f);
	fputs("</dl>\n", f);
	rp_unfinished_note(d, b, sizeof b);
	if (b[0]) {
		fputs("<p class=\"unfinished\"><b>", f);
		esc(f, b);
		fputs("</b></p>\n", f);
	}
	json_t *tri = json_object_get(d->result, "triage");
	fprintf(f, "<h2>Triage</h2>\n<p class=\"triage %s\">", str(tri, "level"));
	esc(f, str(tri, "words"));
	fputs("</p>\n", f);
	json_t *rf = json_object_get(tri, "red_flag");
	if (json_is_object(rf)) {
		fputs("<p><b>Set by a warning sign:</b> ", f);
		esc(f, str(rf, "says"));
		fputs("</p>\n", f);
	}
	fputs("<h2>Most likely causes, with the answers that moved each</h2>\n<ol class=\"causes\">\n", f);
	json_t *r;
	int estimated = 0;
	json_array_foreach(json_object_get(d->result, "ranking"), i, r)
	{
		double prob = json_number_value(json_object_get(r, "probability"));
		if (i >= RP_TOP_CAUSES || (i > 0 && prob < 0.01))
			break;
		fputs("<li><b>", f);
		esc(f, str(r, "name"));
		fputs("</b> (", f);
		pct(f, prob);
		fprintf(f, ") <span class=\"bar\"><span style=\"width:%.0f%%\"></span></span>\n<ul>", 100 * prob);
		json_t *x;
		size_t k;
		int shown = 0;
		json_array_foreach(json_object_get(r, "reasons"), k, x)
		{
			char factor[NF_FACTOR_MAX];
			bool est;
			if (k >= 3 || !rp_reason_words(d, r, x, b, sizeof b, factor, &est))
				continue;
			estimated += est;
			shown++;
			fputs("<li>", f);
			esc(f, b);
			fprintf(f, " (%s%s)%s</li>", factor, est ? ", <span class=\"estimate\">estimate</span>" : "",
				rp_is_derived(d, str(x, "finding")) ? " <span class=\"derived\">from the journal</span>" : "");
		}
		if (!shown)
			fputs("<li>no answer moved it much: it stands on how common it is</li>", f);
		fputs("</ul></li>\n", f);
	}
	fputs("</ol>\n<p class=\"others\">", f);
	rp_others_words(d, b, sizeof b);
	esc(f, b);
	fputs("</p>\n<p class=\"legend\">", f);
	esc(f, RP_FACTOR_LEGEND);
	if (estimated)
		esc(f, RP_ESTIMATE_LEGEND);
	fputs("</p>\n", f);
	fputs("<h2>Warning signs asked, and the answers</h2>\n<ul>\n", f);
	json_t *answers = json_object_get(d->result, "answers");
	int asked = 0;
	for (size_t fi = 0; fi < nf_kb_findings(kb); fi++) {
		const char *says;
		if (nf_kb_finding_red_flag(kb, fi, &says) < 0 || nf_kb_finding_clinician(kb, fi))
			continue;
		json_t *v = json_object_get(answers, nf_kb_finding_id(kb, fi));
		char ans[256] = "not asked";
		if (v)
			rp_answer_text(d, nf_kb_finding_id(kb, fi), v, ans, sizeof ans), asked++;
		fputs("<li>", f);
		esc(f, nf_kb_finding_means(kb, fi));
		fputs(": ", f);
		esc(f, ans);
		fputs("</li>\n", f);
	}
	fputs("</ul>\n", f);
	if (!asked)
		fputs("<p><b>None of the warning signs has been asked yet: 'numbfoot assess --from-journal' asks "
		      "them.</b></p>\n",
		      f);
	fputs("<h2>The plan so far</h2>\n", f);
	/* A saved assessment from before first steps were kept has none: its plans say it all. */
	json_t *first = json_object_get(d->result, "first_step");
	if (!strcmp(str(first, "kind"), "action")) {
		fputs("<p><b>First:</b> ", f);
		esc(f, str(first, "step"));
		fputs("</p>\n", f);
	}
	json_t *pl;
	json_array_foreach(json_object_get(d->result, "plan"), i, pl)
	{
		fputs("<p><b>If it is ", f);
		esc(f, str(pl, "name"));
		fputs(" (", f);
		pct(f, json_number_value(json_object_get(pl, "probability")));
		fputs("):</b></p>\n<ul>\n", f);
		json_t *st;
		size_t k;
		json_array_foreach(json_object_get(pl, "steps"), k, st)
		{
			double wk = json_number_value(json_object_get(st, "weeks"));
			fputs("<li>", f);
			esc(f, str(st, "step"));
			if (wk > 0)
				fprintf(f, " (try for %g week%s)", wk, wk == 1 ? "" : "s");
			fputs("</li>\n", f);
		}
		fputs("</ul>\n", f);
	}
	if (nf_analysis_advice(d->an)) {
		fputs("<p><b>From the runner's own data:</b></p>\n<ul>\n", f);
		for (size_t k = 0; k < nf_analysis_advice(d->an); k++) {
			fputs("<li>", f);
			esc(f, nf_analysis_advice_text(d->an, k));
			fputs("</li>\n", f);
		}
		fputs("</ul>\n", f);
	}
	fputs("<p><b>Whom to see:</b> ", f);
	json_t *s;
	json_array_foreach(json_object_get(d->result, "see"), i, s)
	{
		fputs(i ? ", " : "", f);
		esc(f, nf_kb_see_words(json_string_value(s)));
	}
	fputs(".</p>\n", f);
}

static void rest(FILE *f, const struct rp_doc *d)
{
	fputs("<h2>Answers given</h2>\n<p>Those marked <span class=\"derived\">from the journal</span> were derived "
	      "from the run journal.</p>\n<ul>\n",
	      f);
	json_t *v;
	const char *id;
	json_object_foreach(json_object_get(d->result, "answers"), id, v)
	{
		int fi = nf_kb_finding_index(d->kb, id);
		if (fi < 0)
			continue;
		char ans[256];
		rp_answer_text(d, id, v, ans, sizeof ans);
		bool der = rp_is_derived(d, id);
		const char *ev = der ? rp_evidence(d, id) : NULL;
		fputs("<li>", f);
		esc(f, nf_kb_finding_means(d->kb, (size_t)fi));
		fputs(": <b>", f);
		esc(f, ans);
		fputs("</b>", f);
		if (der)
			fputs(" <span class=\"derived\">from the journal</span>", f);
		if (ev) {
			fputs(" (", f);
			esc(f, ev);
			fputs(")", f);
		}
		fputs("</li>\n", f);
	}
	fputs("</ul>\n", f);
	if (nf_analysis_needs(d->an)) {
		fputs("<p><b>What more to log to settle other questions:</b></p>\n<ul>\n", f);
		for (size_t k = 0; k < nf_analysis_needs(d->an); k++) {
			fputs("<li>", f);
			esc(f, nf_analysis_need(d->an, k));
			fputs("</li>\n", f);
		}
		fputs("</ul>\n", f);
	}
	size_t n, nr;
	const nf_an_episode *e = nf_analysis_episodes(d->an, &n);
	const nf_an_run *r = nf_analysis_runs(d->an, &nr);
	fputs("<h2>Episode history</h2>\n", f);
	if (!n) {
		fputs("<p>No episodes are logged yet.</p>\n", f);
	} else {
		size_t first = n > RP_EPISODES_SHOWN ? n - RP_EPISODES_SHOWN : 0;
		if (first)
			fprintf(f, "<p>The latest %d of %zu episodes; the figures show them all.</p>\n", RP_EPISODES_SHOWN, n);
		fputs("<table><tr><th>date</th><th>run</th><th>onset</th><th>severity</th><th>foot</th><th>where</th>"
		      "<th>recovery</th><th>shoes</th></tr>\n",
		      f);
		for (size_t i = first; i < n; i++) {
			const nf_episode *ep = &e[i].ep;
			const nf_an_run *x = &r[e[i].run];
			char date[11];
			an_date(x->time, date);
			fprintf(f, "<tr><td>%s</td><td>", date);
			char dist[32];
			rp_dist(d, x->km, 1, dist, sizeof dist);
			fputs(isfinite(x->km) ? dist : "-", f);
			fputs("</td><td>", f);
			rp_dist(d, ep->onset_km, 1, dist, sizeof dist);
			if (isfinite(ep->onset_km))
				fputs(dist, f);
			else if (isfinite(ep->onset_min))
				fprintf(f, "%.0f min", ep->onset_min);
			else
				fputs("-", f);
			fputs("</td><td>", f);
			ep->severity >= 0 ? fprintf(f, "%d/10", ep->severity) : fputs("-", f);
			fputs("</td><td>", f);
			esc(f, rp_episode_foot(ep));
			fputs("</td><td>", f);
			char places[512];
			rp_places_text(d, ep->locations, places, sizeof places);
			esc(f, places);
			fputs("</td><td>", f);
			isfinite(ep->recover_min) ? fprintf(f, "%.0f min", ep->recover_min) : fputs("-", f);
			fputs("</td><td>", f);
			esc(f, x->shoes_id ? rp_gear_name(d, x->shoes_id) : "-");
			fputs("</td></tr>\n", f);
		}
		fputs("</table>\n", f);
	}
	const nf_training *t = nf_analysis_training(d->an);
	fputs("<h2>Training</h2>\n<ul>\n", f);
	if (isfinite(t->week_km_recent))
		fprintf(f, "<li>Weekly distance: %.1f %s a week over the last 4 weeks, %.1f %s over the 4 before.</li>\n",
			t->week_km_recent * rp_per_km(d), rp_unit(d), t->week_km_before * rp_per_km(d), rp_unit(d));
	if (isfinite(t->cadence_spm))
		fprintf(f, "<li>Cadence: %.0f steps per minute (median of the latest %d runs with one).</li>\n", t->cadence_spm,
			t->cadence_runs);
	if (isfinite(t->stride_m))
		fprintf(f, "<li>Stride length: %.2f m per step.</li>\n", t->stride_m);
	fputs("</ul>\n<h2>Figures</h2>\n", f);
	for (int i = 0; i < RP_FIGURES; i++) {
		char prefix[16];
		snprintf(prefix, sizeof prefix, "f%d", i);
		char *svg = rp_figure_svg(d, i, 680, 250, prefix);
		fprintf(f, "<figure aria-label=\"%s\">\n%s\n<figcaption>%s</figcaption></figure>\n", rp_figure_title(i),
			svg ? svg : "<p>(figure could not be drawn)</p>", rp_figure_title(i));
		free(svg);
	}
	fputs("<h2>References behind the conditions listed</h2>\n<ul class=\"refs\">\n", f);
	json_t *x;
	size_t i;
	json_array_foreach(d->refs, i, x)
	{
		fputs("<li>[", f);
		esc(f, str(x, "key"));
		fputs("] ", f);
		esc(f, str(x, "cite"));
		fputs("</li>\n", f);
	}
	fputs("</ul>\n<h2>GPS tracks</h2>\n", f);
	if (d->opt->gps) {
		char *svg = rp_figure_svg(d, RP_FIG_ROUTES, 680, rp_routes_height(d, 680), "rt");
		fprintf(f, "<figure aria-label=\"%s\">\n%s\n<figcaption>%s</figcaption></figure>\n",
			rp_figure_title(RP_FIG_ROUTES), svg ? svg : "<p>(figure could not be drawn)</p>",
			rp_figure_title(RP_FIG_ROUTES));
		free(svg);
	} else {
		fputs("<p>", f);
		esc(f, rp_gps_note);
		fputs("</p>\n", f);
	}
	fputs("<h2>This is not a diagnosis</h2>\n<p class=\"disclaimer\">", f);
	esc(f, rp_disclaimer);
	fputs("</p>\n", f);
}

nf_err rp_write_html(const struct rp_doc *d, const char *path, nf_error *err)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return nf_error_set(err, NF_EIO, "%s: cannot write", path);
	fprintf(f, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		   "<meta name=\"generator\" content=\"numbfoot %s\">\n",
		nf_version());
	fputs("<title>numbfoot report</title>\n<style>\n"
	      "body{font-family:'DejaVu Sans',sans-serif;max-width:46em;margin:2em auto;padding:0 1em;color:#1a1a1f;"
	      "line-height:1.4}\n"
	      "h1{color:#21508c;font-size:1.5em}h2{color:#21508c;font-size:1.15em;margin-top:1.6em}\n"
	      ".triage{padding:.6em 1em;font-weight:bold}.emergency{background:#cc1a1a;color:#fff}"
	      ".urgent{background:#f2b31a}.routine{background:#4db3cc}.self_care{background:#66bf66}\n"
	      ".bar{display:inline-block;width:8em;height:.6em;background:#e0e0e6}"
	      ".bar span{display:block;height:100%;background:#386bb0}\n"
	      ".derived{font-size:.8em;background:#eef3fa;border:1px solid #9bb4d6;padding:0 .3em}\n"
	      ".estimate{font-style:italic}.legend{font-size:.85em;color:#444}\n"
	      "table{border-collapse:collapse;font-size:.85em}td,th{border-bottom:1px solid #ddd;padding:.2em .5em;"
	      "text-align:left}\n"
	      "figure{margin:1em 0}figure svg{max-width:100%;height:auto}.refs{font-size:.8em}\n"
	      ".facts{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em}.facts dt{font-weight:bold}"
	      ".facts dd{margin:0}\n"
	      /* Printed, as on the PDF's pages: no row split, no heading alone at the foot of a page. */
	      "@media print{tr,li,figure{break-inside:avoid}h1,h2{break-after:avoid}}\n"
	      ".disclaimer{font-weight:bold}footer{margin-top:2em;font-size:.8em;color:#666}\n</style>\n</head>\n"
	      "<body>\n",
	      f);
	page_one(f, d);
	rest(f, d);
	/* The same footer as every PDF page: which numbfoot made it, and when. */
	fprintf(f, "<footer><p>numbfoot %s report, %.10s. Not a diagnosis: informs, does not examine.</p></footer>\n",
		nf_version(), d->today);
	fputs("</body>\n</html>\n", f);
	if (ferror(f) | fclose(f)) {
		unlink(path);
		return nf_error_set(err, NF_EIO, "%s: writing failed", path);
	}
	return NF_OK;
}
