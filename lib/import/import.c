/* numbfoot: the import entry points. Opens the input (through gzip when it is compressed),
 * guesses its format, streams it through one reader while hashing it, then judges each activity
 * the reader found (a run or not, its values possible or not) and names it with the file's name
 * and SHA-256. */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "import/import_priv.h"
#include "core/alloc.h"
#include "core/text.h"
#include "numbfoot/text.h"

/* Finds needle in the len bytes at hay (which need not be NUL-terminated). */
static bool has_bytes(const unsigned char *hay, size_t len, const char *needle)
{
	size_t nl = strlen(needle);
	for (size_t i = 0; i + nl <= len; i++)
		if (memcmp(hay + i, needle, nl) == 0)
			return true;
	return false;
}

/* True if name ends in ext, or in ext followed by ".gz". */
static bool name_ends(const char *name, const char *ext)
{
	size_t n = strlen(name), e = strlen(ext);
	if (n >= 3 && strcasecmp(name + n - 3, ".gz") == 0)
		n -= 3;
	return n >= e && strncasecmp(name + n - e, ext, e) == 0;
}

/* The XML root element's local name (prefix dropped) in the len bytes at h, past the
 * declaration, processing instructions, comments and a DOCTYPE; false if the head holds none. */
static bool xml_root(const unsigned char *h, size_t len, char *out, size_t cap)
{
	size_t i = 0;
	for (;;) {
		while (i < len && h[i] != '<')
			i++;
		if (i + 1 >= len)
			return false;
		const char *close = NULL;
		if (h[i + 1] == '?')
			close = "?>";
		else if (len - i >= 4 && memcmp(h + i, "<!--", 4) == 0)
			close = "-->";
		else if (h[i + 1] == '!')
			close = ">";
		else
			break;
		size_t cl = strlen(close), j = i + 2;
		while (j + cl <= len && memcmp(h + j, close, cl) != 0)
			j++;
		if (j + cl > len)
			return false;
		i = j + cl;
	}
	size_t start = ++i;
	while (i < len && !isspace(h[i]) && h[i] != '>' && h[i] != '/') {
		if (h[i] == ':')
			start = i + 1;
		i++;
	}
	if (i == len)
		return false;
	size_t n = i - start;
	if (n == 0 || n >= cap)
		return false;
	memcpy(out, h + start, n);
	out[n] = 0;
	return true;
}

nf_import_format nf_import_detect(const void *head, size_t len, const char *name)
{
	const unsigned char *h = head;
	char root[32];

	if (h && len >= 12 && (h[0] == 12 || h[0] == 14) && memcmp(h + 8, ".FIT", 4) == 0)
		return NF_FORMAT_FIT;
	if (h && len > 0) {
		/* XML: the root element decides, since a GPX converted from TCX declares TCX's
		 * namespace on its <gpx>, and either may name the other in a comment. */
		if (xml_root(h, len, root, sizeof root)) {
			if (strcmp(root, "TrainingCenterDatabase") == 0)
				return NF_FORMAT_TCX;
			if (strcmp(root, "gpx") == 0)
				return NF_FORMAT_GPX;
		} else if (has_bytes(h, len, "TrainingCenterDatabase")) {
			/* A head too short to hold the root (a long comment first): the names in it. */
			return NF_FORMAT_TCX;
		} else if (has_bytes(h, len, "<gpx") || has_bytes(h, len, ":gpx")) {
			return NF_FORMAT_GPX;
		}
	}
	if (name) {
		if (name_ends(name, ".fit"))
			return NF_FORMAT_FIT;
		if (name_ends(name, ".gpx"))
			return NF_FORMAT_GPX;
		if (name_ends(name, ".tcx"))
			return NF_FORMAT_TCX;
	}
	return NF_FORMAT_UNKNOWN;
}

void nf_import_opts_init(nf_import_opts *o)
{
	memset(o, 0, sizeof *o);
}

void imp_note(nf_import *im, const char *fmt, ...)
{
	va_list ap;
	if (im->nnotes == IMP_NOTES_MAX) {
		im->notes_dropped++;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(im->note[im->nnotes++], NF_ERROR_MSG_MAX, fmt, ap);
	va_end(ap);
}

imp_run *imp_run_new(nf_import *im, const imp_src *s, nf_error *err)
{
	if (im->n == IMP_RUNS_MAX) {
		nf_error_set(err, NF_ELIMIT, "%s: more than %d sessions or activities in one file",
			     s->name, IMP_RUNS_MAX);
		return NULL;
	}
	if (im->n == im->cap) {
		size_t ncap = im->cap ? 2 * im->cap : 4;
		imp_run **p = core_realloc(im->run, ncap * sizeof *p);
		if (!p)
			goto oom;
		im->run = p;
		im->cap = ncap;
	}
	imp_run *r = core_calloc(1, sizeof *r);
	if (!r)
		goto oom;
	nf_run_record_init(&r->rec);
	imp_track_init(&r->tr, s);
	r->sub_sport = -1;
	if (im->opts.route && !(r->tr.route = imp_route_new())) {
		free(r);
		goto oom;
	}
	im->run[im->n++] = r;
	return r;
oom:
	nf_error_set(err, NF_ENOMEM, "%s: out of memory", s->name);
	return NULL;
}

static void run_free(imp_run *r)
{
	if (!r)
		return;
	imp_route_free(r->tr.route);
	free(r->route);
	free(r);
}

void nf_import_free(nf_import *im)
{
	if (!im)
		return;
	for (size_t i = 0; i < im->n; i++)
		run_free(im->run[i]);
	free(im->run);
	free(im);
}

size_t nf_import_count(const nf_import *im)
{
	return im ? im->nkept : 0;
}

const nf_run_record *nf_import_get(const nf_import *im, size_t i)
{
	return im && i < im->nkept ? &im->run[i]->rec : NULL;
}

const nf_track_point *nf_import_route(const nf_import *im, size_t i, size_t *n)
{
	*n = 0;
	if (!im || i >= im->nkept)
		return NULL;
	*n = im->run[i]->nroute;
	return im->run[i]->route;
}

size_t nf_import_note_count(const nf_import *im)
{
	return im ? im->nnotes : 0;
}

const char *nf_import_note(const nf_import *im, size_t i)
{
	return im && i < im->nnotes ? im->note[i] : NULL;
}

static const char *base_name(const char *name)
{
	const char *base = name ? strrchr(name, '/') : NULL;
	return base ? base + 1 : (name ? name : "");
}

static void hex(const unsigned char *md, unsigned mdlen, char *out, size_t cap)
{
	for (unsigned i = 0; i < mdlen && 2 * i + 2 < cap; i++)
		snprintf(out + 2 * i, 3, "%02x", md[i]);
}

/* The hash of the k-th run (k >= 1) of a file whose hash is file_hex: SHA-256 of "HEX#K", so
 * that each leg is found again when the file is imported again. */
static bool leg_hash(const char *file_hex, size_t k, char *out, size_t cap)
{
	char text[96];
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	int len = snprintf(text, sizeof text, "%s#%zu", file_hex, k + 1);
	if (EVP_Digest(text, (size_t)len, md, &mdlen, EVP_sha256(), NULL) != 1)
		return false;
	hex(md, mdlen, out, cap);
	return true;
}

/* Judges every activity the reader found, keeps the runs (first, in the file's order), names
 * them and gives the reason when none is kept. */
static nf_err finish(nf_import *im, imp_src *s, const char *file_hex, nf_error *err)
{
	size_t kept = 0;
	const char *base = base_name(s->name);

	for (size_t i = 0; i < im->n; i++) {
		imp_run *r = im->run[i];
		imp_cadence_rule(&r->rec);
		imp_run_fill_stride(&r->rec);
		imp_sport_judge(r, &im->opts, s->name);
		if (!r->skip)
			imp_check_run(im, r, s->name);
		if (r->tr.route && !r->skip) {
			nf_err rc = imp_route_take(r->tr.route, &r->route, &r->nroute, err);
			if (rc != NF_OK)
				return rc;
		}
	}
	/* Stable partition: the kept runs first. */
	imp_run **order = core_malloc((im->n ? im->n : 1) * sizeof *order);
	if (!order)
		return nf_error_set(err, NF_ENOMEM, "%s: out of memory", s->name);
	for (size_t i = 0; i < im->n; i++)
		if (!im->run[i]->skip)
			order[kept++] = im->run[i];
	for (size_t i = 0, k = kept; i < im->n; i++)
		if (im->run[i]->skip)
			order[k++] = im->run[i];
	memcpy(im->run, order, im->n * sizeof *order);
	free(order);
	im->nkept = kept;
	if (kept == 0) {
		/* The reason of the first activity left out: a refusal before a sport. */
		const imp_run *why = NULL;
		for (size_t i = 0; i < im->n; i++)
			if (im->run[i]->refused && !why)
				why = im->run[i];
		if (!why && im->n)
			why = im->run[0];
		if (!why)
			return nf_error_set(err, NF_ESKIP, "%s: no activity in it", s->name);
		if (why->refused)
			return nf_error_set(err, NF_EPARSE, "%s", why->why);
		if (im->n > 1)
			return nf_error_set(err, NF_ESKIP, "%s (and %zu more, none a run)", why->why,
					    im->n - 1);
		return nf_error_set(err, NF_ESKIP, "%s", why->why);
	}
	/* The activities left out of a file that keeps some are worth a word each; each reason names
	 * the file and the activity already. */
	for (size_t i = kept; i < im->n; i++)
		imp_note(im, "%s (left out)", im->run[i]->why);
	/* A file name is bytes, not always UTF-8 (a Latin-1 name from an old disk); the journal
	 * stores only UTF-8, so such a name is kept with U+FFFD for each stray byte, as the JSON
	 * writers would show it, and the run is not lost over its name. */
	char *name = nf_utf8_repair(base);
	if (!name)
		return nf_error_set(err, NF_ENOMEM, "%s: out of memory", s->name);
	for (size_t i = 0; i < kept; i++) {
		nf_run_record *rec = &im->run[i]->rec;
		if (i == 0) {
			snprintf(rec->source_sha256, sizeof rec->source_sha256, "%s", file_hex);
			core_utf8_copy(rec->source_file, sizeof rec->source_file, name);
		} else {
			if (!leg_hash(file_hex, i, rec->source_sha256, sizeof rec->source_sha256)) {
				free(name);
				return nf_error_set(err, NF_ENOMEM, "%s: SHA-256 failed", s->name);
			}
			char leg[sizeof rec->source_file + 24];
			snprintf(leg, sizeof leg, "%s#%zu", name, i + 1);
			core_utf8_copy(rec->source_file, sizeof rec->source_file, leg);
		}
	}
	free(name);
	return NF_OK;
}

/* Reads one started input through the reader for its format into im. */
static nf_err import_src(imp_src *s, nf_import *im, nf_error *err)
{
	nf_err rc;
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	char file_hex[65] = "";
	EVP_MD_CTX *sha = EVP_MD_CTX_new();

	if (!sha)
		return nf_error_set(err, NF_ENOMEM, "%s: out of memory", s->name);
	if (EVP_DigestInit_ex(sha, EVP_sha256(), NULL) != 1) {
		rc = nf_error_set(err, NF_ENOMEM, "%s: SHA-256 unavailable", s->name);
		goto out_free_sha;
	}
	s->sha = sha;
	switch (nf_import_detect(s->buf, s->pending, s->name)) {
	case NF_FORMAT_GPX:
		rc = imp_gpx_read(s, im, err);
		break;
	case NF_FORMAT_TCX:
		rc = imp_tcx_read(s, im, err);
		break;
	case NF_FORMAT_FIT:
		rc = imp_fit_read(s, im, err);
		break;
	default:
		rc = nf_error_set(err, NF_EPARSE, "%s: not a GPX, TCX or FIT file%s", s->name,
				  s->gz ? " (inside gzip)" : "");
		break;
	}
	if (rc != NF_OK)
		goto out_free_sha;
	/* A reader that read twice (FIT with several sessions) hashed the first pass only. */
	if (EVP_DigestFinal_ex(sha, md, &mdlen) != 1) {
		rc = nf_error_set(err, NF_ENOMEM, "%s: SHA-256 failed", s->name);
		goto out_free_sha;
	}
	hex(md, mdlen, file_hex, sizeof file_hex);
	rc = finish(im, s, file_hex, err);
out_free_sha:
	s->sha = NULL;
	EVP_MD_CTX_free(sha);
	return rc;
}

static nf_import *import_new(const char *name, const nf_import_opts *o)
{
	nf_import *im = core_calloc(1, sizeof *im);
	if (!im)
		return NULL;
	if (o)
		im->opts = *o;
	/* The sport is the caller's string: keep it only for the call. */
	snprintf(im->name, sizeof im->name, "%s", name ? name : "");
	return im;
}

/* Runs a source the caller has filled in (name and one raw input) to the end: *out on NF_OK. */
static nf_err import_run(imp_src *s, const nf_import_opts *o, imp_point_fn fn, void *ctx,
			 nf_import **out, nf_error *err)
{
	nf_err rc;
	nf_import *im = import_new(s->name, o);
	if (!im)
		return nf_error_set(err, NF_ENOMEM, "%s: out of memory", s->name);
	s->observe = fn;
	s->observe_ctx = ctx;
	if ((rc = imp_src_start(s, err)) == NF_OK)
		rc = import_src(s, im, err);
	imp_src_release(s);
	if (rc != NF_OK) {
		nf_import_free(im);
		return rc;
	}
	*out = im;
	return NF_OK;
}

static nf_err read_path(const char *path, const nf_import_opts *o, imp_point_fn fn, void *ctx,
			nf_import **out, nf_error *err)
{
	imp_src s = {0};
	struct stat st;
	nf_err rc;

	if (!path || !out)
		return nf_error_set(err, NF_EINVAL, "nf_import_read: NULL argument");
	*out = NULL;
	nf_error_clear(err);
	s.name = path;
	s.f = fopen(path, "rb");
	if (!s.f)
		return nf_error_set(err, NF_EIO, "%s: %s", path, strerror(errno));
	if (fstat(fileno(s.f), &st) == 0 && S_ISREG(st.st_mode) && (uint64_t)st.st_size > IMP_FILE_MAX) {
		rc = nf_error_set(err, NF_ELIMIT, "%s: %lld bytes, more than the %llu-byte limit", path,
				  (long long)st.st_size, (unsigned long long)IMP_FILE_MAX);
		goto out_close;
	}
	rc = import_run(&s, o, fn, ctx, out, err);
out_close:
	fclose(s.f);
	return rc;
}

nf_err nf_import_read(const char *path, const nf_import_opts *o, nf_import **out, nf_error *err)
{
	return read_path(path, o, NULL, NULL, out, err);
}

static nf_err read_buffer(const void *data, size_t len, const char *name, const nf_import_opts *o,
			  imp_point_fn fn, void *ctx, nf_import **out, nf_error *err)
{
	imp_src s = {0};

	if ((!data && len > 0) || !out)
		return nf_error_set(err, NF_EINVAL, "nf_import_read_buffer: NULL argument");
	*out = NULL;
	nf_error_clear(err);
	s.name = name ? name : "(buffer)";
	if ((uint64_t)len > IMP_FILE_MAX)
		return nf_error_set(err, NF_ELIMIT, "%s: %zu bytes, more than the %llu-byte limit",
				    s.name, len, (unsigned long long)IMP_FILE_MAX);
	/* An empty buffer is memory too: a non-NULL pointer marks the source as memory. */
	s.mem = data ? data : (const unsigned char *)"";
	s.memlen = len;
	return import_run(&s, o, fn, ctx, out, err);
}

nf_err nf_import_read_buffer(const void *data, size_t len, const char *name,
			     const nf_import_opts *o, nf_import **out, nf_error *err)
{
	return read_buffer(data, len, name, o, NULL, NULL, out, err);
}

/* The first run of im into run, its route into *track when asked. */
static nf_err take_first(nf_import *im, nf_run_record *run, nf_track_point **track, size_t *ntrack,
			 nf_error *err)
{
	*run = im->run[0]->rec;
	if (track) {
		*track = im->run[0]->route;
		*ntrack = im->run[0]->nroute;
		im->run[0]->route = NULL;
		im->run[0]->nroute = 0;
	}
	nf_import_free(im);
	return NF_OK;
}

nf_err nf_import_file(const char *path, nf_run_record *run, nf_error *err)
{
	nf_import *im;
	if (!run)
		return nf_error_set(err, NF_EINVAL, "nf_import_file: NULL argument");
	nf_run_record_init(run);
	nf_err rc = nf_import_read(path, NULL, &im, err);
	return rc != NF_OK ? rc : take_first(im, run, NULL, NULL, err);
}

nf_err nf_import_file_route(const char *path, nf_run_record *run, nf_track_point **track, size_t *ntrack,
			    nf_error *err)
{
	nf_import *im;
	nf_import_opts o;
	*track = NULL;
	*ntrack = 0;
	if (!run)
		return nf_error_set(err, NF_EINVAL, "nf_import_file: NULL argument");
	nf_run_record_init(run);
	nf_import_opts_init(&o);
	o.route = true;
	nf_err rc = nf_import_read(path, &o, &im, err);
	return rc != NF_OK ? rc : take_first(im, run, track, ntrack, err);
}

nf_err nf_import_buffer(const void *data, size_t len, const char *name, nf_run_record *run,
			nf_error *err)
{
	return imp_import_buffer_observed(data, len, name, run, err, NULL, NULL);
}

nf_err imp_import_buffer_observed(const void *data, size_t len, const char *name,
				  nf_run_record *run, nf_error *err, imp_point_fn fn, void *ctx)
{
	nf_import *im;
	if (!run)
		return nf_error_set(err, NF_EINVAL, "nf_import_buffer: NULL argument");
	nf_run_record_init(run);
	nf_err rc = read_buffer(data, len, name, NULL, fn, ctx, &im, err);
	return rc != NF_OK ? rc : take_first(im, run, NULL, NULL, err);
}
