/* What the journal shows: GET /api/analysis (the patterns lib/analyze derives, with what more to
 * log and the advice from the runner's own data), GET /api/report.{pdf,html,svg,png} (the report
 * for a doctor, or its figures alone) and GET /api/report/figure/N.svg (one figure, laid out for
 * the width the page shows it at).
 *
 * lib/report writes to a file by name, so the report is written to a private temporary file
 * (mode 0600, in ctx->tmpdir), read back and removed before the answer goes out.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "numbfoot/analyze.h"
#include "numbfoot/report.h"
#include "web.h"

#define REPORT_MAX (64 * 1024 * 1024) /* a report larger than this is refused, not sent */

static void analysis_get(struct web_ctx *ctx, struct web_response *rs)
{
	nf_analysis *a = NULL;
	nf_error err;
	if (nf_analyze_in(ctx->journal, (int64_t)time(NULL), ctx->units, &a, &err) != NF_OK) {
		web_journal_error(rs, &err);
		return;
	}
	/* The warning sign of a recent episode whose feeling took hours to come back goes with the
	 * analysis, in the knowledge base's words, so that the page says it over the advice. */
	char *text = nf_analysis_json(a);
	json_t *o = text ? json_loads(text, 0, NULL) : NULL;
	free(text);
	text = NULL;
	const nf_an_episode *ns = nf_analysis_not_settled(a);
	if (o) {
		size_t nr;
		const nf_an_run *r = nf_analysis_runs(a, &nr);
		json_object_set_new(o, "warning_sign",
				    ns ? web_warning_sign(ctx->kb, ctx->units, &ns->ep, r[ns->run].time, nf_analysis_now(a))
				       : json_null());
		text = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
		json_decref(o);
	}
	web_json_text(rs, 200, text);
	nf_analysis_free(a);
}

/* Reads the whole of fd into a new buffer (*len bytes). NULL when it cannot. */
static char *slurp(int fd, size_t *len)
{
	struct stat st;
	if (fstat(fd, &st) || st.st_size < 0 || st.st_size > REPORT_MAX)
		return NULL;
	size_t n = (size_t)st.st_size, got = 0;
	char *buf = malloc(n ? n : 1);
	while (buf && got < n) {
		ssize_t r = pread(fd, buf + got, n - got, (off_t)got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			free(buf);
			return NULL;
		}
		got += (size_t)r;
	}
	*len = n;
	return buf;
}

static void report_get(struct web_ctx *ctx, nf_report_format format, struct web_response *rs)
{
	static const struct {
		const char *ext, *type;
		bool attachment;
	} kinds[] = {
	    [NF_REPORT_PDF] = {"pdf", "application/pdf", true},
	    [NF_REPORT_HTML] = {"html", "text/html; charset=utf-8", true},
	    [NF_REPORT_PNG] = {"png", "image/png", false},
	    [NF_REPORT_SVG] = {"svg", "image/svg+xml", false},
	};
	char path[4096];
	snprintf(path, sizeof path, "%s/numbfoot-report-XXXXXX", ctx->tmpdir ? ctx->tmpdir : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0) {
		web_json_error(rs, 500, "cannot make a temporary file for the report: %s", strerror(errno));
		return;
	}
	nf_report_options o = {.now = (int64_t)time(NULL), .format = format, .units = ctx->units};
	nf_error err;
	nf_err rc = nf_report_write(ctx->journal, ctx->kb, &o, path, &err);
	size_t len = 0;
	char *data = rc == NF_OK ? slurp(fd, &len) : NULL;
	close(fd);
	unlink(path);
	if (rc != NF_OK) {
		web_journal_error(rs, &err);
		return;
	}
	if (!data) {
		web_json_error(rs, 500, "cannot read the report back");
		return;
	}
	rs->status = 200;
	rs->type = kinds[format].type;
	rs->body = data;
	rs->len = len;
	rs->owned = true;
	rs->no_store = true;
	if (kinds[format].attachment) {
		char day[32];
		nf_time_day(o.now, day, sizeof day);
		snprintf(rs->disposition, sizeof rs->disposition,
			 "attachment; filename=\"numbfoot-report-%s.%s\"", day, kinds[format].ext);
	}
}

/* The page shows a figure w CSS pixels wide, drawn for w / FIGURE_ZOOM points: its 8-point labels
 * then show at 11 px and its 10-point titles at 14, readable on a phone. */
#define FIGURE_ZOOM 1.4
#define FIGURE_PX_MIN 210
#define FIGURE_PX_MAX 2800
#define FIGURE_PX_DEFAULT 700

/* GET /api/report/figures: the figures' numbers (from 1) and titles, for the page's alt texts. */
static void figures_get(struct web_response *rs)
{
	json_t *a = json_array();
	for (int i = 0; a && i < NF_REPORT_FIGURES; i++)
		json_array_append_new(a, json_pack("{s:i, s:s}", "n", i + 1, "title", nf_report_figure_title(i)));
	web_reply(rs, 200, a ? json_pack("{s:o}", "figures", a) : NULL);
}

/* "/api/report/figure/N.svg" into N (1 to NF_REPORT_FIGURES); 0 if the path is another. */
static int figure_number(const char *path)
{
	static const char prefix[] = "/api/report/figure/";
	if (strncmp(path, prefix, sizeof prefix - 1))
		return 0;
	const char *p = path + sizeof prefix - 1;
	if (p[0] < '1' || p[0] > '0' + NF_REPORT_FIGURES || strcmp(p + 1, ".svg"))
		return -1;
	return p[0] - '0';
}

/* GET /api/report/figure/N.svg?w=PX: figure N laid out for a column PX CSS pixels wide. */
static void figure_get(struct web_ctx *ctx, int n, const char *w, struct web_response *rs)
{
	long px = FIGURE_PX_DEFAULT;
	if (w) {
		char *end;
		px = strtol(w, &end, 10);
		if (end == w || *end || px < FIGURE_PX_MIN || px > FIGURE_PX_MAX) {
			web_json_error(rs, 400, "w: must be a whole number of pixels from %d to %d", FIGURE_PX_MIN,
				       FIGURE_PX_MAX);
			return;
		}
	}
	nf_report_options o = {.now = (int64_t)time(NULL), .format = NF_REPORT_SVG, .units = ctx->units};
	nf_error err;
	char *svg;
	size_t len;
	if (nf_report_figure_svg(ctx->journal, ctx->kb, &o, n - 1, (double)px / FIGURE_ZOOM, &svg, &len, &err) != NF_OK) {
		web_journal_error(rs, &err);
		return;
	}
	rs->status = 200;
	rs->type = "image/svg+xml";
	rs->body = svg;
	rs->len = len;
	rs->owned = true;
	rs->no_store = true;
}

bool web_insight_route(struct web_ctx *ctx, const struct web_request *rq, struct web_response *rs)
{
	static const char *const paths[] = {
	    [NF_REPORT_PDF] = "/api/report.pdf",
	    [NF_REPORT_HTML] = "/api/report.html",
	    [NF_REPORT_PNG] = "/api/report.png",
	    [NF_REPORT_SVG] = "/api/report.svg",
	};
	int which = -1, figure = figure_number(rq->path);
	bool list = !strcmp(rq->path, "/api/report/figures");
	if (strcmp(rq->path, "/api/analysis") && !figure && !list) {
		for (int i = 0; i < 4 && which < 0; i++)
			if (!strcmp(rq->path, paths[i]))
				which = i;
		if (which < 0)
			return false;
	}
	if (figure < 0) {
		web_json_error(rs, 404, "%.100s: no such figure (1 to %d)", rq->path, NF_REPORT_FIGURES);
		return true;
	}
	if (strcmp(rq->method, "GET") && strcmp(rq->method, "HEAD")) {
		web_method_not_allowed(rs, rq->path, "GET");
		return true;
	}
	if (!ctx->journal) {
		web_json_error(rs, 503, "the journal is not open");
		return true;
	}
	if (list) {
		figures_get(rs);
		return true;
	}
	pthread_mutex_lock(&ctx->journal_lock);
	if (figure)
		figure_get(ctx, figure, rq->width, rs);
	else if (which < 0)
		analysis_get(ctx, rs);
	else
		report_get(ctx, (nf_report_format)which, rs);
	pthread_mutex_unlock(&ctx->journal_lock);
	return true;
}
