/* Reading a structured source (docs/kb-format.md, "Sources"): its kind, references, figure or
 * reasoning, and the check that a measured number is the figure its source states. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kb/check.h"
#include "core/alloc.h"

#define FIGURE_NUMBERS 64

/* A number written in a figure: its value, its decimals as written, and whether it is a
 * percentage ("56%", or the "15" of "15-20%"). */
struct fig_num {
	double v;
	int decimals;
	bool percent;
	const char *start, *end;
};

/* Whether the bytes just before p (after text) make a number there part of a name rather than a
 * figure: a letter ("L5", "S1") or a section sign ("§3.22"). */
static bool inside_name(const char *text, const char *p)
{
	if (p == text)
		return false;
	unsigned char b = (unsigned char)p[-1];
	if (isalpha(b) || b == '_')
		return true;
	return b == 0xA7 && p - text >= 2 && (unsigned char)p[-2] == 0xC2; /* U+00A7 in UTF-8 */
}

/* Skips spaces and a range dash ("-", "–", "to") between two numbers; NULL if there is none. */
static const char *range_dash(const char *p)
{
	while (*p == ' ')
		p++;
	if (*p == '-')
		p++;
	else if (!strncmp(p, "\xE2\x80\x93", 3))
		p += 3;
	else if (!strncmp(p, "to ", 3))
		p += 3;
	else
		return NULL;
	while (*p == ' ')
		p++;
	return p;
}

static int figure_numbers(const char *text, struct fig_num *out, int cap)
{
	int n = 0;
	for (const char *p = text; *p && n < cap;) {
		if (!isdigit((unsigned char)*p) || inside_name(text, p)) {
			p++;
			continue;
		}
		/* Digits with at most one decimal point; strtod alone would also take "1e5" or "0x1". */
		struct fig_num *x = &out[n++];
		const char *q = p, *dot = NULL;
		while (isdigit((unsigned char)*q) || (*q == '.' && !dot && isdigit((unsigned char)q[1])))
			dot = *q++ == '.' ? q - 1 : dot;
		char digits[32];
		snprintf(digits, sizeof digits, "%.*s", (int)(q - p), p);
		x->v = strtod(digits, NULL);
		x->decimals = dot ? (int)(q - dot - 1) : 0;
		x->start = p;
		x->end = q;
		x->percent = false;
		p = q;
	}
	/* Percent signs, carried back over ranges ("15-20%" makes both percentages). */
	for (int i = n - 1; i >= 0; i--) {
		const char *p = out[i].end;
		while (*p == ' ')
			p++;
		if (*p == '%')
			out[i].percent = true;
		else if (i + 1 < n && out[i + 1].percent && range_dash(out[i].end) == out[i + 1].start)
			out[i].percent = true;
	}
	return n;
}

/* Whether x appears among the figure's numbers: a probability as written ("0.56") or as a
 * percentage ("56%"), within half a percentage point; any other number as written, within the
 * rounding of its last written digit. */
static bool appears(const struct fig_num *num, int n, double x, bool prob)
{
	for (int i = 0; i < n; i++) {
		if (prob) {
			double pct = num[i].percent ? num[i].v : num[i].v <= 1 ? 100 * num[i].v : NAN;
			if (fabs(pct - 100 * x) <= 0.5 + 1e-9)
				return true;
		} else if (!num[i].percent && fabs(num[i].v - x) <= 0.5 * pow(10, -num[i].decimals) + 1e-9) {
			return true;
		}
	}
	return false;
}

static void check_figure(struct kb_ctx *cx, const char *path, const char *figure,
			 const struct kb_numbers *nums)
{
	struct fig_num num[FIGURE_NUMBERS];
	int n = figure_numbers(figure, num, FIGURE_NUMBERS), found = 0;
	char missing[160] = "";
	size_t used = 0;
	for (int i = 0; i < nums->n; i++) {
		if (appears(num, n, nums->x[i], nums->prob)) {
			found++;
		} else if (used < sizeof missing) {
			used += (size_t)snprintf(missing + used, sizeof missing - used, "%s%g",
						 used ? ", " : "", nums->x[i]);
		}
	}
	/* A two-valued distribution states itself with either value: its complement is implied. */
	if (nums->complement && nums->n == 2 && found >= 1)
		return;
	if (found < nums->n)
		kb_fault(cx, path,
			 "a measured value (%s) does not appear in its figure, as written or as a percentage",
			 missing);
}

/* Renders "Key; Other; kind: text" into a new source that the nf_kb owns; NULL when out of memory. */
static struct kb_source *source_new(nf_kb *kb, const struct kb_source *s)
{
	const char *body = s->kind == NF_EV_MEASURED ? s->figure : s->how;
	size_t len = strlen(nf_evidence_id(s->kind)) + 3 + (body ? strlen(body) : 0);
	for (int i = 0; i < s->nrefs; i++)
		len += strlen(s->ref[i]) + 2;
	if (s->kind == NF_EV_MEASURED && s->how)
		len += strlen(s->how) + 3;
	struct kb_source *out = core_malloc(sizeof *out + len + 1);
	if (!out)
		return NULL;
	*out = *s;
	char *text = (char *)(out + 1);
	size_t n = 0;
	for (int i = 0; i < s->nrefs; i++)
		n += (size_t)snprintf(text + n, len + 1 - n, "%s; ", s->ref[i]);
	n += (size_t)snprintf(text + n, len + 1 - n, "%s: %s", nf_evidence_id(s->kind), body ? body : "");
	if (s->kind == NF_EV_MEASURED && s->how)
		snprintf(text + n, len + 1 - n, " (%s)", s->how);
	out->text = text;
	out->next = kb->sources;
	kb->sources = out;
	return out;
}

const struct kb_source *kb_read_source(struct kb_ctx *cx, const char *path, json_t *obj,
				       const struct kb_numbers *nums)
{
	static const char *const keys[] = {"kind", "refs", "figure", "how", NULL};
	char p[256], pk[280];
	json_t *v = json_object_get(obj, "source");
	kb_path_key(p, sizeof p, path, "source");
	if (!v) {
		kb_fault(cx, path, "missing \"source\"");
		return NULL;
	}
	if (!json_is_object(v)) {
		kb_fault(cx, p,
			 "a source is an object {\"kind\", \"refs\", \"figure\" or \"how\"} "
			 "(scripts/kb_sources.py converts the old string form)");
		return NULL;
	}
	kb_only_keys(cx, p, v, keys);
	struct kb_source s = {0};
	size_t before = cx->f.count;
	const char *kind = kb_get_string(cx, p, v, "kind", true);
	int k = nf_evidence_from_id(kind);
	if (kind && k < 0) {
		kb_path_key(pk, sizeof pk, p, "kind");
		kb_fault(cx, pk, "\"%s\" is not a kind: measured, derived or estimate", kind);
	}
	s.kind = k < 0 ? NF_EV_ESTIMATE : (nf_evidence)k;

	json_t *refs = json_object_get(v, "refs");
	kb_path_key(pk, sizeof pk, p, "refs");
	if (!json_is_array(refs) || json_array_size(refs) > NF_MAX_SOURCE_REFS) {
		kb_fault(cx, refs ? pk : p,
			 "\"refs\" needs an array of at most %d reference keys (may be empty)",
			 NF_MAX_SOURCE_REFS);
	} else {
		size_t i;
		json_t *r;
		json_array_foreach(refs, i, r)
		{
			char pi[300];
			kb_path_index(pi, sizeof pi, pk, i);
			const char *key = json_string_value(r);
			if (!key || !kb_is_reference(cx->kb, key, strlen(key)))
				kb_fault(cx, pi, "%s%s%s is not a reference key", key ? "\"" : "",
					 key ? key : "a non-string", key ? "\"" : "");
			else
				s.ref[s.nrefs++] = key;
		}
	}
	s.figure = kb_get_string(cx, p, v, "figure", false);
	s.how = kb_get_string(cx, p, v, "how", false);
	/* The site's copy may give a number's kind and references without its texts (check.h). */
	bool texts = KB_TEXTS_REQUIRED || json_object_get(v, "figure") || json_object_get(v, "how");
	if (k >= 0) {
		if (s.kind != NF_EV_ESTIMATE && json_array_size(refs) == 0 && json_is_array(refs))
			kb_fault(cx, pk, "a %s number needs the references it rests on", kind);
		if (texts && s.kind == NF_EV_MEASURED && !s.figure && !json_object_get(v, "figure"))
			kb_fault(cx, p,
				 "a measured source needs \"figure\": the source's own figure, in our words, "
				 "with its "
				 "sample");
		if (s.kind != NF_EV_MEASURED && json_object_get(v, "figure")) {
			kb_path_key(pk, sizeof pk, p, "figure");
			kb_fault(cx, pk,
				 "\"figure\" is for measured sources; a %s number gives its inputs and "
				 "reasoning in "
				 "\"how\"",
				 kind);
		}
		if (texts && s.kind != NF_EV_MEASURED && !json_object_get(v, "how"))
			kb_fault(cx, p, "a%s %s source needs \"how\": %s",
				 s.kind == NF_EV_ESTIMATE ? "n" : "", kind,
				 s.kind == NF_EV_ESTIMATE ? "the reasoning and the dossier section (§)"
							  : "the arithmetic and every input's figure");
		kb_path_key(pk, sizeof pk, p, "how");
		if (s.how && s.kind != NF_EV_MEASURED && strlen(s.how) < 20)
			kb_fault(cx, pk, "a%s %s needs its %s (at least 20 characters)",
				 s.kind == NF_EV_ESTIMATE ? "n" : "", kind,
				 s.kind == NF_EV_ESTIMATE ? "reasoning" : "arithmetic");
		if (s.how && s.kind == NF_EV_ESTIMATE && !strstr(s.how, "\xC2\xA7"))
			kb_fault(cx, pk, "an estimate names the dossier section it reasons from (\"§3.14\")");
		if (s.figure && s.kind == NF_EV_MEASURED && nums && nums->n) {
			kb_path_key(pk, sizeof pk, p, "figure");
			check_figure(cx, pk, s.figure, nums);
		}
	}
	if (cx->f.count != before)
		return NULL;
	struct kb_source *out = source_new(cx->kb, &s);
	if (!out)
		kb_fault(cx, p, "out of memory");
	return out;
}

void kb_count_evidence(nf_kb_evidence_counts *c, const struct kb_source *s)
{
	if (!s)
		return;
	c->parameters++;
	c->kind[s->kind]++;
}

void kb_free_sources(nf_kb *kb)
{
	for (struct kb_source *s = kb->sources, *next; s; s = next) {
		next = s->next;
		free(s);
	}
	kb->sources = NULL;
}
