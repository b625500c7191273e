/* The report as one self-contained HTML file: the same content as the PDF, the figures drawn by
 * the same code as inline SVG. */
#include <stdarg.h>
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

/* The element that holds a run of lines of one kind: closed when a line of another kind comes. */
enum box { BOX_NONE, BOX_FACTS, BOX_CAUSES, BOX_LIST, BOX_REFS, BOX_TABLE };

static enum box box_of(enum rp_kind k)
{
	switch (k) {
	case RP_FACT:
		return BOX_FACTS;
	case RP_CAUSE:
	case RP_REASON:
		return BOX_CAUSES;
	case RP_ITEM:
	case RP_ANSWER:
		return BOX_LIST;
	case RP_REF:
		return BOX_REFS;
	case RP_ROW:
		return BOX_TABLE;
	default:
		return BOX_NONE;
	}
}

/* Each box's opening and closing tags (BOX_NONE has none). */
static const struct {
	const char *open, *close;
} tags[] = {
	[BOX_NONE] = {"", ""},
	[BOX_FACTS] = {"<dl class=\"facts\">\n", "</dl>\n"},
	[BOX_CAUSES] = {"<ol class=\"causes\">\n", "</ol>\n"},
	[BOX_LIST] = {"<ul>\n", "</ul>\n"},
	[BOX_REFS] = {"<ul class=\"refs\">\n", "</ul>\n"},
	[BOX_TABLE] = {"<table>", "</table>\n"},
};

/* Opens box b for line l, the first to go in it (a table's row says which table's headings). */
static void open_box(FILE *f, enum box b, const struct rp_line *l)
{
	fputs(tags[b].open, f);
	if (b == BOX_TABLE) {
		int t = (int)l->value;
		fputs("<tr>", f);
		for (int c = 0; c < rp_table_cols[t]; c++)
			fprintf(f, "<th>%s</th>", rp_table_head[t][c]);
		fputs("</tr>\n", f);
	}
}

static void close_box(FILE *f, enum box b, bool in_cause)
{
	if (in_cause)
		fputs("</ul></li>\n", f);
	fputs(tags[b].close, f);
}

static void figure(FILE *f, const struct rp_doc *d, const struct rp_line *l)
{
	int i = (int)l->value;
	char prefix[16];
	snprintf(prefix, sizeof prefix, i == RP_FIG_ROUTES ? "rt" : "f%d", i);
	char *svg = rp_figure_svg(d, i, 680, i == RP_FIG_ROUTES ? rp_routes_height(d, 680) : 250, prefix);
	fprintf(f, "<figure aria-label=\"%s\">\n%s\n<figcaption>%s</figcaption></figure>\n", l->text,
		svg ? svg : "<p>(figure could not be drawn)</p>", l->text);
	free(svg);
}

/* Writes tpl with each '@' replaced by the next string argument, escaped (NULL writes nothing). */
static void put(FILE *f, const char *tpl, ...)
{
	va_list ap;
	va_start(ap, tpl);
	for (; *tpl; tpl++)
		*tpl == '@' ? esc(f, va_arg(ap, const char *)) : (void)fputc(*tpl, f);
	va_end(ap);
}

/* One line in its element; the caller has opened the box it goes in. */
static void line(FILE *f, const struct rp_doc *d, const struct rp_line *l)
{
	static const char derived[] = " <span class=\"derived\">from the journal</span>";
	switch (l->kind) {
	case RP_SECTION:
		put(f, l->value ? "<h1>@</h1>\n" : "<h2>@</h2>\n", l->text);
		break;
	case RP_PARA:
		put(f, l->bold ? "<p><b>@</b></p>\n" : "<p>@</p>\n", l->text);
		break;
	case RP_SMALL:
		put(f, "<p class=\"legend\">@</p>\n", l->text);
		break;
	case RP_FACT:
		put(f, "<dt>@</dt><dd>@</dd>\n", l->label, l->text);
		break;
	case RP_TRIAGE:
		put(f, "<p class=\"triage @\">@</p>\n", l->label, l->text);
		break;
	case RP_CAUSE:
		/* A cause without a probability (under a warning sign that set the level) has no bar. */
		if (l->text) {
			put(f, "<li><b>@</b> (@) ", l->label, l->text);
			fprintf(f, "<span class=\"bar\"><span style=\"width:%.0f%%\"></span></span>\n<ul>",
				100 * l->value);
		} else {
			put(f, "<li><b>@</b>\n<ul>", l->label);
		}
		break;
	case RP_REASON:
		put(f, "<li>@", l->text);
		/* The mark's class is prefixed: "derived" alone already styles answers from the journal. */
		if (l->label && l->mark)
			fprintf(f, " (%s, <span class=\"ev-%s\">%s</span>)", l->label, l->mark, l->mark);
		else if (l->label)
			fprintf(f, " (%s)", l->label);
		fprintf(f, "%s</li>", l->derived ? derived : "");
		break;
	case RP_LEAD:
		put(f, "<p><b>@</b></p>\n", l->text);
		break;
	case RP_ITEM:
		put(f, "<li>@</li>\n", l->text);
		break;
	case RP_ANSWER:
		put(f, "<li>@: <b>@</b>", l->label, l->text);
		fputs(l->derived ? derived : "", f);
		put(f, l->extra ? " (@)</li>\n" : "</li>\n", l->extra);
		break;
	case RP_MARKS:
		fprintf(f, "<p>Those marked%s were derived from the run journal.</p>\n", derived);
		break;
	case RP_ROW:
		fputs("<tr>", f);
		for (int c = 0; c < rp_table_cols[(int)l->value]; c++)
			put(f, "<td>@</td>", l->cell[c]);
		fputs("</tr>\n", f);
		break;
	case RP_FIGURE:
		figure(f, d, l);
		break;
	case RP_REF:
		put(f, "<li>[@] @</li>\n", l->label, l->text);
		break;
	}
}

static void body(FILE *f, const struct rp_doc *d)
{
	enum box open = BOX_NONE;
	bool in_cause = false; /* a cause's list of reasons is open */
	for (size_t i = 0; i < d->nlines; i++) {
		const struct rp_line *l = &d->lines[i];
		enum box b = box_of(l->kind);
		/* A table's rows after another table's start a table of their own. */
		bool new_table = b == BOX_TABLE && i > 0 && d->lines[i - 1].kind == RP_ROW && d->lines[i - 1].value != l->value;
		if (b != open || new_table) {
			close_box(f, open, in_cause);
			in_cause = false;
			open_box(f, open = b, l);
		} else if (l->kind == RP_CAUSE && in_cause) {
			fputs("</ul></li>\n", f);
		}
		line(f, d, l);
		if (l->kind == RP_CAUSE)
			in_cause = true;
	}
	close_box(f, open, in_cause);
}

nf_err rp_write_html(const struct rp_doc *d, const char *path, nf_error *err)
{
	struct rp_out out;
	if (rp_out_open(&out, path, err) != NF_OK)
		return NF_EIO;
	FILE *f = out.f;
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
	      ".ev-estimate,.ev-derived{font-style:italic}.legend{font-size:.85em;color:#444}\n"
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
	body(f, d);
	/* The same footer as every PDF page: which numbfoot made it, and when. */
	fprintf(f, "<footer><p>numbfoot %s report, %.10s. Not a diagnosis: informs, does not examine.</p></footer>\n",
		nf_version(), d->today);
	fputs("</body>\n</html>\n", f);
	return rp_out_close(&out, path, "the report", false, NULL, err);
}
