/* numbfoot: bulk exports (see "bulk exports" in numbfoot/import.h): Strava's zip or folder with
 * activities.csv, Garmin Connect's zip of zips of FIT files, any zip of watch files.
 *
 * A zip is read twice through libarchive. The first pass reads the entries' headers only (the
 * central directory: cheap) to find activities.csv, count the activity files and refuse an
 * archive whose declared sizes no watch history has. The second pass reads the activity files
 * in archive order, one at a time into a buffer that grows to the entry's size and never past
 * IMP_FILE_MAX, watching how far each expands against the compressed bytes it took: past
 * IMP_RATIO_MAX times, the entry is a zip bomb and is dropped unread. A zip inside the zip is
 * opened on the stream of its entry (one level: a zip in a zip in a zip is refused), so that
 * Garmin's parts are never written to disk. The buffered file then goes through
 * nf_import_read_buffer like any file, gzip included (Strava's .fit.gz).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <archive.h>
#include <archive_entry.h>

#include "import/export_priv.h"
#include "core/alloc.h"

#define EXP_ARCHIVE_MAX ((uint64_t)64 << 30) /* declared bytes of all entries together */
#define EXP_BLOCK 65536

struct nf_export {
	char path[4096];
	bool dir;                /* a folder with activities.csv: read the files its rows name */
	size_t next_row;         /* folder: the next row to read; zip, at its end: the next row to
				  * check for a file the zip lacks */
	bool ended;              /* zip: every entry has been read */
	imp_csv csv;
	char csv_name[NF_RUN_SOURCE_MAX + 8]; /* "export.zip:activities.csv", for messages */
	bool have_csv;
	size_t hint;
	struct archive *outer;   /* zip: the pass that reads the files */
	struct archive *inner;   /* a zip inside the zip, open on the outer entry's stream */
	char inner_name[NF_RUN_SOURCE_MAX];
	unsigned char *block;    /* EXP_BLOCK bytes: the inner archive's reads from the outer */
	unsigned char *buf;      /* the current entry, grown as needed (owned) */
	size_t bufcap;
};

static bool ends_with(const char *s, const char *ext)
{
	size_t n = strlen(s), e = strlen(ext);
	return n >= e && strcasecmp(s + n - e, ext) == 0;
}

static const char *base_of(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

/* A watch file by its name, plain or gzip; hidden files (macOS's ._ forks) are not. */
static bool is_activity_name(const char *path)
{
	const char *b = base_of(path);
	if (b[0] == '.' || strstr(path, "__MACOSX/"))
		return false;
	static const char *const ext[] = {".fit", ".gpx", ".tcx", ".fit.gz", ".gpx.gz", ".tcx.gz"};
	for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++)
		if (ends_with(b, ext[i]))
			return true;
	return false;
}

static bool is_csv_name(const char *path)
{
	return strcmp(base_of(path), "activities.csv") == 0 && !strstr(path, "__MACOSX/");
}

static struct archive *zip_reader(void)
{
	struct archive *a = archive_read_new();
	if (a)
		archive_read_support_format_zip(a);
	return a;
}

/* libarchive's message without the line break some of its messages end with ("ZIP uncompressed
 * data is wrong size (...)\n"), which left an empty line after ours. */
static int why_len(const char *why)
{
	size_t n = strlen(why);
	while (n && (why[n - 1] == '\n' || why[n - 1] == '\r' || why[n - 1] == ' '))
		n--;
	return n > 1000 ? 1000 : (int)n;
}

static nf_err arc_error(struct archive *a, const char *name, nf_error *err)
{
	const char *why = archive_error_string(a);
	int e = archive_errno(a);
	if (!why)
		why = "not a readable zip archive";
	return nf_error_set(err, e == ENOMEM ? NF_ENOMEM : NF_EPARSE, "%s: %.*s", name, why_len(why), why);
}

/* Reads the current entry of a into x->buf, at most cap bytes; *len gets its size. A bomb or a
 * size past cap is NF_ELIMIT naming the entry. */
static nf_err read_entry(nf_export *x, struct archive *a, const char *name, uint64_t cap, size_t *len,
			 nf_error *err)
{
	size_t n = 0;
	int64_t raw0 = archive_filter_bytes(a, -1);
	for (;;) {
		if (x->bufcap - n < EXP_BLOCK) {
			if ((uint64_t)x->bufcap >= cap + EXP_BLOCK)
				return nf_error_set(err, NF_ELIMIT, "%s: larger than the %llu-byte limit", name,
						    (unsigned long long)cap);
			size_t ncap = x->bufcap ? 2 * x->bufcap : 1 << 20;
			unsigned char *p = core_realloc(x->buf, ncap);
			if (!p)
				return nf_error_set(err, NF_ENOMEM, "%s: out of memory", name);
			x->buf = p;
			x->bufcap = ncap;
		}
		la_ssize_t r = archive_read_data(a, x->buf + n, EXP_BLOCK);
		if (r < 0)
			return arc_error(a, name, err);
		if (r == 0)
			break;
		n += (size_t)r;
		if ((uint64_t)n > cap)
			return nf_error_set(err, NF_ELIMIT, "%s: larger than the %llu-byte limit", name,
					    (unsigned long long)cap);
		int64_t raw = archive_filter_bytes(a, -1) - raw0;
		if (n > IMP_RATIO_FLOOR && (uint64_t)n / IMP_RATIO_MAX > (uint64_t)(raw > 0 ? raw : 1))
			return nf_error_set(err, NF_ELIMIT,
					    "%s: expands more than %d times (%zu bytes from %lld): a zip bomb, "
					    "refused",
					    name, IMP_RATIO_MAX, n, (long long)raw);
	}
	*len = n;
	return NF_OK;
}

/* Opens x's zip for a pass over its headers into *a, which the caller frees
 * (archive_read_free) whatever this returns; *a may be NULL on NF_ENOMEM. */
static nf_err zip_pass(nf_export *x, struct archive **a, nf_error *err)
{
	if (!(*a = zip_reader()))
		return nf_error_set(err, NF_ENOMEM, "%s: out of memory", x->path);
	if (archive_read_open_filename(*a, x->path, EXP_BLOCK) != ARCHIVE_OK)
		return arc_error(*a, x->path, err);
	return NF_OK;
}

/* The next regular file of a pass: its entry in *e and its name in *p. False at the end, and at a
 * fault, with *rc set. */
static bool zip_next_file(nf_export *x, struct archive *a, struct archive_entry **e, const char **p, nf_err *rc,
			  nf_error *err)
{
	for (;;) {
		int r = archive_read_next_header(a, e);
		if (r == ARCHIVE_EOF)
			return false;
		if (r < ARCHIVE_WARN) {
			*rc = arc_error(a, x->path, err);
			return false;
		}
		*p = archive_entry_pathname(*e);
		if (*p && archive_entry_filetype(*e) == AE_IFREG)
			return true;
	}
}

/* The first pass over a zip: activities.csv, the count of activity files and the declared
 * sizes. */
static nf_err survey(nf_export *x, nf_error *err)
{
	struct archive *a;
	struct archive_entry *e;
	const char *p;
	uint64_t total = 0;
	nf_err rc = zip_pass(x, &a, err);
	while (!rc && zip_next_file(x, a, &e, &p, &rc, err)) {
		if (archive_entry_size_is_set(e)) {
			uint64_t sz = (uint64_t)archive_entry_size(e);
			if (sz > IMP_FILE_MAX) {
				rc = nf_error_set(err, NF_ELIMIT,
						  "%s: %s declares %llu bytes, more than any watch file "
						  "(%llu): refused whole, nothing read from it",
						  x->path, p, (unsigned long long)sz,
						  (unsigned long long)IMP_FILE_MAX);
				goto out;
			}
			total += sz;
			if (total > EXP_ARCHIVE_MAX) {
				rc = nf_error_set(err, NF_ELIMIT,
						  "%s: its entries declare more than %llu bytes: refused whole, "
						  "nothing read from it",
						  x->path, (unsigned long long)EXP_ARCHIVE_MAX);
				goto out;
			}
		}
		if (is_activity_name(p))
			x->hint++;
		if (is_csv_name(p) && x->have_csv) {
			/* The first one won silently: the sport and shoes of each activity were then a
			 * guess between two lists. */
			const char *first = x->csv_name + strlen(base_of(x->path)) + 1;
			bool same = strcmp(first, p) == 0;
			rc = nf_error_set(err, NF_EPARSE,
					  "%s: two activities.csv in it (%s%s%s): which one describes the "
					  "activities is not known; refused whole, nothing read from it",
					  x->path, first, same ? ", twice" : " and ", same ? "" : p);
			goto out;
		}
		if (is_csv_name(p)) {
			char where[NF_RUN_SOURCE_MAX + 8];
			size_t len = 0;
			snprintf(where, sizeof where, "%s:%s", base_of(x->path), p);
			if ((rc = read_entry(x, a, where, IMP_CSV_MAX, &len, err)) != NF_OK)
				goto out;
			if ((rc = imp_csv_parse(&x->csv, (const char *)x->buf, len, where, err)) != NF_OK)
				goto out;
			x->have_csv = true;
			snprintf(x->csv_name, sizeof x->csv_name, "%s", where);
		}
	}
out:
	archive_read_free(a);
	return rc;
}

/* After survey, when activities.csv came with rows: the rows whose file the zip lacks count in
 * the hint too, as they are reported in their turn. One more pass over the headers, since the
 * CSV may come after the entries it names; the marks are cleared for the pass that reads. */
static nf_err count_missing(nf_export *x, nf_error *err)
{
	struct archive *a;
	struct archive_entry *e;
	const char *p;
	nf_err rc = zip_pass(x, &a, err);
	while (!rc && zip_next_file(x, a, &e, &p, &rc, err))
		imp_csv_mark(&x->csv, p);
	if (rc)
		goto out;
	for (size_t i = 0; i < x->csv.n; i++) {
		if (!x->csv.row[i].seen)
			x->hint++;
		x->csv.row[i].seen = false;
	}
out:
	archive_read_free(a);
	return rc;
}

static nf_err read_file(const char *path, unsigned char **buf, size_t *len, size_t cap, nf_error *err)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return nf_error_set(err, errno == ENOENT ? NF_ENOTFOUND : NF_EIO, "%s: %s", path, strerror(errno));
	struct stat st;
	nf_err rc = NF_OK;
	if (fstat(fileno(f), &st) != 0 || (uint64_t)st.st_size > cap) {
		rc = nf_error_set(err, NF_ELIMIT, "%s: larger than the %zu-byte limit", path, cap);
		goto out;
	}
	*buf = core_malloc((size_t)st.st_size + 1);
	if (!*buf) {
		rc = nf_error_set(err, NF_ENOMEM, "%s: out of memory", path);
		goto out;
	}
	*len = fread(*buf, 1, (size_t)st.st_size, f);
	if (ferror(f)) {
		free(*buf);
		*buf = NULL;
		rc = nf_error_set(err, NF_EIO, "%s: %s", path, strerror(errno));
	}
out:
	fclose(f);
	return rc;
}

nf_err nf_export_open(const char *path, nf_export **out, nf_error *err)
{
	struct stat st;
	nf_err rc;
	*out = NULL;
	nf_error_clear(err);
	if (!path || stat(path, &st) != 0)
		return nf_error_set(err, NF_EIO, "%s: %s", path ? path : "(null)", strerror(errno));
	nf_export *x = core_calloc(1, sizeof *x);
	if (!x)
		return nf_error_set(err, NF_ENOMEM, "%s: out of memory", path);
	snprintf(x->path, sizeof x->path, "%s", path);
	if (S_ISDIR(st.st_mode)) {
		char csv[4200];
		unsigned char *text = NULL;
		size_t len = 0;
		x->dir = true;
		snprintf(csv, sizeof csv, "%s/activities.csv", path);
		rc = read_file(csv, &text, &len, IMP_CSV_MAX, err);
		if (rc == NF_OK) {
			rc = imp_csv_parse(&x->csv, (const char *)text, len, csv, err);
			free(text);
		}
		if (rc != NF_OK)
			goto fail;
		x->have_csv = true;
		x->hint = x->csv.n;
	} else {
		if ((rc = survey(x, err)) != NF_OK || (x->csv.n && (rc = count_missing(x, err)) != NF_OK))
			goto fail;
		x->block = core_malloc(EXP_BLOCK);
		if (!x->block || !(x->outer = zip_reader())) {
			rc = nf_error_set(err, NF_ENOMEM, "%s: out of memory", path);
			goto fail;
		}
		if (archive_read_open_filename(x->outer, path, EXP_BLOCK) != ARCHIVE_OK) {
			rc = arc_error(x->outer, path, err);
			goto fail;
		}
	}
	*out = x;
	return NF_OK;
fail:
	nf_export_close(x);
	return rc;
}

size_t nf_export_size_hint(const nf_export *x)
{
	return x ? x->hint : 0;
}

/* The inner archive reads the outer entry's data, EXP_BLOCK at a time. */
static la_ssize_t inner_read(struct archive *a, void *ctx, const void **buf)
{
	nf_export *x = ctx;
	la_ssize_t r = archive_read_data(x->outer, x->block, EXP_BLOCK);
	*buf = x->block;
	if (r < 0)
		archive_set_error(a, EIO, "%s", archive_error_string(x->outer));
	return r;
}

static void fill_item(const nf_export *x, const char *entry, nf_export_item *item);

/* A nested zip that cannot be read: that part fails, named, and the outer archive goes on. */
static nf_err inner_failed(nf_export *x, nf_export_item *item, nf_error *entry_err, const char *what)
{
	const char *why = archive_error_string(x->inner);
	fill_item(x, "", item);
	if (!why)
		why = what;
	nf_error_set(entry_err, NF_EPARSE, "%s: %.*s", item->name, why_len(why), why);
	archive_read_free(x->inner);
	x->inner = NULL;
	return NF_OK;
}

static void fill_item(const nf_export *x, const char *entry, nf_export_item *item)
{
	memset(item, 0, sizeof *item);
	if (x->inner)
		snprintf(item->name, sizeof item->name, "%s:%s:%s", base_of(x->path), x->inner_name, entry);
	else if (x->dir)
		snprintf(item->name, sizeof item->name, "%s/%s", x->path, entry);
	else
		snprintf(item->name, sizeof item->name, "%s:%s", base_of(x->path), entry);
	const imp_csv_row *row = x->have_csv ? imp_csv_find(&x->csv, entry) : NULL;
	if (row) {
		snprintf(item->sport, sizeof item->sport, "%s", row->type);
		snprintf(item->gear, sizeof item->gear, "%s", row->gear);
		snprintf(item->title, sizeof item->title, "%s", row->title);
	}
}

static void import_bytes(const unsigned char *buf, size_t len, const nf_import_opts *o,
			 nf_export_item *item, nf_import **im, nf_error *entry_err)
{
	nf_import_opts eo;
	if (o)
		eo = *o;
	else
		nf_import_opts_init(&eo);
	if (item->sport[0] && !(eo.sport && *eo.sport))
		eo.sport = item->sport;
	if (nf_import_read_buffer(buf, len, item->name, &eo, im, entry_err) != NF_OK)
		return;
	/* The name stored is the file's own, without its folder (activities/12.gpx -> "12.gpx"), and
	 * so without the archive's name before an entry at the zip's top ("export.zip:12.gpx" was
	 * stored whole, where one in a folder was "12.gpx"). */
	const char *colon = strrchr(item->name, ':');
	if (!colon || strchr(colon, '/'))
		return;
	/* source_file is item->name from its last '/' on: what it holds before colon's copy is the
	 * tail of item->name before colon ("export.zip", "Part1.zip"). */
	size_t before = (size_t)(colon - item->name);
	for (size_t i = 0; i < (*im)->nkept; i++) {
		char *sf = (*im)->run[i]->rec.source_file;
		char *at = strstr(sf, colon);
		size_t k = at ? (size_t)(at - sf) : 0;
		if (at && k <= before && !memcmp(sf, colon - k, k))
			memmove(sf, at + 1, strlen(at + 1) + 1);
	}
}

/* True if a file named by activities.csv lies outside the export's folder: an absolute name
 * or one with a ".." component. An export names its own files; one naming others (a CSV edited
 * or made by someone else) must not read the rest of the disk. */
static bool outside_export(const char *file)
{
	if (file[0] == '/')
		return true;
	for (const char *p = file; *p;) {
		size_t n = strcspn(p, "/");
		if (n == 2 && p[0] == '.' && p[1] == '.')
			return true;
		p += n;
		while (*p == '/')
			p++;
	}
	return false;
}

static nf_err next_in_dir(nf_export *x, const nf_import_opts *o, nf_export_item *item, nf_import **im,
			  nf_error *entry_err)
{
	if (x->next_row >= x->csv.n)
		return NF_ENOTFOUND;
	const imp_csv_row *row = &x->csv.row[x->next_row++];
	char path[4400];
	unsigned char *buf = NULL;
	size_t len = 0;
	fill_item(x, row->file, item);
	if (outside_export(row->file)) {
		nf_error_set(entry_err, NF_EPARSE, "%s/activities.csv:%lu: Filename '%s' is outside the export",
			     x->path, row->line, row->file);
		return NF_OK;
	}
	snprintf(path, sizeof path, "%s/%s", x->path, row->file);
	if (read_file(path, &buf, &len, IMP_FILE_MAX, entry_err) == NF_OK)
		import_bytes(buf, len, o, item, im, entry_err);
	free(buf);
	return NF_OK;
}

/* At the end of a zip: the next row of activities.csv whose file no entry was, reported as a
 * file that failed (as a folder's missing file is), naming the CSV's line. A partial download
 * or a size-capped export loses files; said nothing, "imported 1 run" reads as all of it. */
static nf_err next_missing(nf_export *x, nf_export_item *item, nf_error *entry_err)
{
	while (x->have_csv && x->next_row < x->csv.n) {
		const imp_csv_row *row = &x->csv.row[x->next_row++];
		if (row->seen)
			continue;
		memset(item, 0, sizeof *item);
		snprintf(item->name, sizeof item->name, "%s:%s", base_of(x->path), row->file);
		snprintf(item->sport, sizeof item->sport, "%s", row->type);
		snprintf(item->gear, sizeof item->gear, "%s", row->gear);
		snprintf(item->title, sizeof item->title, "%s", row->title);
		nf_error_set(entry_err, NF_ENOTFOUND, "%s:%lu: %s is not in the zip", x->csv_name, row->line,
			     row->file);
		return NF_OK;
	}
	return NF_ENOTFOUND;
}

nf_err nf_export_next(nf_export *x, const nf_import_opts *o, nf_export_item *item, nf_import **im,
		      nf_error *entry_err, nf_error *err)
{
	struct archive_entry *e;
	*im = NULL;
	nf_error_clear(entry_err);
	nf_error_clear(err);
	if (x->dir)
		return next_in_dir(x, o, item, im, entry_err);
	if (x->ended)
		return next_missing(x, item, entry_err);
	for (;;) {
		struct archive *a = x->inner ? x->inner : x->outer;
		int r = archive_read_next_header(a, &e);
		if (r == ARCHIVE_EOF || (x->inner && r < ARCHIVE_WARN)) {
			if (!x->inner) {
				x->ended = true;
				return next_missing(x, item, entry_err);
			}
			/* The end of a nested zip (or its failure, which is that part's only). */
			if (r < ARCHIVE_WARN)
				return inner_failed(x, item, entry_err, "unreadable nested zip");
			archive_read_free(x->inner);
			x->inner = NULL;
			continue;
		}
		if (r < ARCHIVE_WARN)
			return arc_error(a, x->path, err);
		const char *p = archive_entry_pathname(e);
		if (!p || archive_entry_filetype(e) != AE_IFREG)
			continue;
		if (x->have_csv && !x->inner) {
			/* A second entry of a name activities.csv gives: both took that row's shoes. */
			const imp_csv_row *row = imp_csv_find(&x->csv, p);
			if (row && row->seen && is_activity_name(p)) {
				fill_item(x, p, item);
				nf_error_set(entry_err, NF_EPARSE,
					     "%s: a second entry of this name in the zip, which activities.csv "
					     "(line %lu) describes as one activity: refused",
					     item->name, row->line);
				return NF_OK;
			}
			imp_csv_mark(&x->csv, p);
		}
		if (ends_with(p, ".zip") && !strstr(p, "__MACOSX/")) {
			if (x->inner) {
				fill_item(x, p, item);
				nf_error_set(entry_err, NF_ELIMIT,
					     "%s: a zip inside a zip inside a zip: refused", item->name);
				return NF_OK;
			}
			snprintf(x->inner_name, sizeof x->inner_name, "%s", p);
			if (!(x->inner = zip_reader()))
				return nf_error_set(err, NF_ENOMEM, "%s: out of memory", x->path);
			if (archive_read_open(x->inner, x, NULL, inner_read, NULL) != ARCHIVE_OK)
				return inner_failed(x, item, entry_err, "not a readable zip");
			continue;
		}
		if (!is_activity_name(p))
			continue;
		fill_item(x, p, item);
		size_t len = 0;
		nf_err rc = read_entry(x, a, item->name, IMP_FILE_MAX, &len, entry_err);
		if (rc == NF_OK)
			import_bytes(x->buf, len, o, item, im, entry_err);
		else if (rc == NF_ENOMEM)
			return nf_error_set(err, NF_ENOMEM, "%s", entry_err->msg);
		/* A shrink after a large entry keeps memory at what watch files need. */
		if (x->bufcap > (8u << 20)) {
			free(x->buf);
			x->buf = NULL;
			x->bufcap = 0;
		}
		return NF_OK;
	}
}

void nf_export_close(nf_export *x)
{
	if (!x)
		return;
	if (x->inner)
		archive_read_free(x->inner);
	if (x->outer)
		archive_read_free(x->outer);
	imp_csv_release(&x->csv);
	free(x->block);
	free(x->buf);
	free(x);
}
