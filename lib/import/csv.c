/* numbfoot: Strava's activities.csv, the index of a bulk export (see export.c).
 *
 * RFC 4180 as Strava writes it: a header row, fields separated by commas, quoted when they hold
 * a comma, a quote (doubled) or a line break (descriptions do). Only four columns matter, found
 * by their names in the header (the first of each name: Strava repeats "Distance" and "Elapsed
 * Time"): Filename (activities/123.fit.gz), Activity Type (Run, Ride, Swim, ...), Activity Gear
 * (the shoes' name) and Activity Name. The file is read whole, within IMP_CSV_MAX.
 */
#include <stdlib.h>
#include <string.h>

#include "import/export_priv.h"
#include "core/alloc.h"

enum { COL_FILE, COL_TYPE, COL_GEAR, COL_NAME, COLS };

static const char *const col_names[COLS] = {"Filename", "Activity Type", "Activity Gear",
					    "Activity Name"};

/* Reads one field starting at *p (end at e) into out (cap bytes, cut beyond), and moves *p past
 * its separator. Returns 0 after a comma, 1 at the end of a row, 2 at the end of the input, -1
 * on a quote that never closes. */
static int field(const char **p, const char *e, char *out, size_t cap)
{
	const char *s = *p;
	size_t n = 0;
	bool quoted = s < e && *s == '"';
	if (quoted)
		s++;
	for (;;) {
		if (s >= e) {
			if (quoted)
				return -1;
			break;
		}
		char c = *s;
		if (quoted) {
			if (c == '"') {
				if (s + 1 < e && s[1] == '"') {
					s++;
				} else {
					quoted = false;
					s++;
					continue;
				}
			}
		} else if (c == ',' || c == '\n' || c == '\r') {
			break;
		}
		if (n + 1 < cap)
			out[n++] = c;
		s++;
	}
	if (cap)
		out[n] = '\0';
	int end;
	if (s >= e) {
		end = 2;
	} else if (*s == ',') {
		s++;
		end = 0;
	} else {
		if (*s == '\r' && s + 1 < e && s[1] == '\n')
			s++;
		s++;
		end = s >= e ? 2 : 1;
	}
	*p = s;
	return end;
}

static int add_row(imp_csv *c, const char cols[COLS][IMP_CSV_FIELD_MAX], unsigned long line)
{
	if (!cols[COL_FILE][0])
		return 0; /* a manual activity: no file in the export */
	if (c->n == IMP_CSV_ROWS_MAX)
		return -1;
	if (c->n == c->cap) {
		size_t ncap = c->cap ? 2 * c->cap : 256;
		imp_csv_row *r = core_realloc(c->row, ncap * sizeof *r);
		if (!r)
			return -2;
		c->row = r;
		c->cap = ncap;
	}
	imp_csv_row *r = &c->row[c->n++];
	snprintf(r->file, sizeof r->file, "%s", cols[COL_FILE]);
	snprintf(r->type, sizeof r->type, "%s", cols[COL_TYPE]);
	snprintf(r->gear, sizeof r->gear, "%s", cols[COL_GEAR]);
	snprintf(r->title, sizeof r->title, "%s", cols[COL_NAME]);
	r->line = line;
	r->seen = false;
	return 0;
}

nf_err imp_csv_parse(imp_csv *c, const char *text, size_t len, const char *name, nf_error *err)
{
	const char *p = text, *e = text + len;
	int where[COLS] = {-1, -1, -1, -1};
	char buf[IMP_CSV_FIELD_MAX];
	char (*cols)[IMP_CSV_FIELD_MAX] = core_calloc(COLS, IMP_CSV_FIELD_MAX);
	unsigned long line = 1;
	nf_err rc = NF_OK;

	if (!cols)
		return nf_error_set(err, NF_ENOMEM, "%s: out of memory", name);
	/* A UTF-8 byte order mark before the header. */
	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	for (int k = 0, end = 0; end == 0; k++) {
		end = field(&p, e, buf, sizeof buf);
		if (end < 0) {
			rc = nf_error_set(err, NF_EPARSE, "%s:1: a quote that never closes", name);
			goto out;
		}
		for (int i = 0; i < COLS; i++)
			if (where[i] < 0 && strcmp(buf, col_names[i]) == 0)
				where[i] = k;
		if (end == 2)
			break;
	}
	if (where[COL_FILE] < 0) {
		rc = nf_error_set(err, NF_EPARSE, "%s:1: no \"Filename\" column: not Strava's activities.csv",
				  name);
		goto out;
	}
	while (p < e) {
		line++;
		unsigned long row_line = line;
		memset(cols, 0, COLS * IMP_CSV_FIELD_MAX);
		int end = 0;
		for (int k = 0; end == 0; k++) {
			const char *before = p;
			end = field(&p, e, buf, sizeof buf);
			if (end < 0) {
				rc = nf_error_set(err, NF_EPARSE, "%s:%lu: a quote that never closes", name,
						  row_line);
				goto out;
			}
			for (const char *q = before; q < p; q++)
				line += *q == '\n';
			for (int i = 0; i < COLS; i++)
				if (where[i] == k)
					snprintf(cols[i], IMP_CSV_FIELD_MAX, "%s", buf);
		}
		if (end == 1)
			line--; /* the row's own line break was counted */
		int r = add_row(c, (const char(*)[IMP_CSV_FIELD_MAX])cols, row_line);
		if (r == -1) {
			rc = nf_error_set(err, NF_ELIMIT, "%s:%lu: more than %d activities", name, row_line,
					  IMP_CSV_ROWS_MAX);
			goto out;
		}
		if (r == -2) {
			rc = nf_error_set(err, NF_ENOMEM, "%s: out of memory", name);
			goto out;
		}
	}
out:
	free(cols);
	return rc;
}

/* The archive may hold the export under a top folder ("export_123/activities/..."): the row's
 * file name must end the path at a '/'. */
static bool row_names(const imp_csv_row *r, const char *path, size_t pl)
{
	size_t fl = strlen(r->file);
	return fl <= pl && strcmp(path + pl - fl, r->file) == 0 && (fl == pl || path[pl - fl - 1] == '/');
}

const imp_csv_row *imp_csv_find(const imp_csv *c, const char *path)
{
	size_t pl = strlen(path);
	for (size_t i = 0; i < c->n; i++)
		if (row_names(&c->row[i], path, pl))
			return &c->row[i];
	return NULL;
}

void imp_csv_mark(imp_csv *c, const char *path)
{
	size_t pl = strlen(path);
	for (size_t i = 0; i < c->n; i++)
		if (!c->row[i].seen && row_names(&c->row[i], path, pl))
			c->row[i].seen = true;
}

void imp_csv_release(imp_csv *c)
{
	free(c->row);
	c->row = NULL;
	c->n = c->cap = 0;
}
