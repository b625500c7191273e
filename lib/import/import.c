/* numbfoot: the import entry points. Opens the input, guesses its format, streams it through one
 * reader while hashing it, and finishes the record with the file's name and SHA-256. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "import/import_priv.h"

size_t imp_src_next(imp_src *s, const unsigned char **p, size_t max)
{
	size_t n;

	if (max > IMP_CHUNK)
		max = IMP_CHUNK;
	if (s->f) {
		if (s->pending > 0) {
			/* The detection read: hand out what is already in buf first. */
			n = s->pending < max ? s->pending : max;
			*p = s->buf + s->pending_off;
			s->pending_off += n;
			s->pending -= n;
		} else {
			n = fread(s->buf, 1, max, s->f);
			if (n == 0 && ferror(s->f))
				s->ioerr = true;
			*p = s->buf;
		}
	} else {
		n = s->memlen - s->mempos;
		if (n > max)
			n = max;
		*p = s->mem + s->mempos;
		s->mempos += n;
	}
	if (n == 0)
		return 0;
	if (s->total + n > IMP_FILE_MAX) {
		s->toobig = true;
		return 0;
	}
	s->total += n;
	if (s->sha && EVP_DigestUpdate(s->sha, *p, n) != 1) {
		s->ioerr = true;
		return 0;
	}
	return n;
}

nf_err imp_src_error(const imp_src *s, nf_error *err)
{
	if (s->toobig)
		return nf_error_set(err, NF_ELIMIT, "%s: larger than the %llu-byte limit", s->name,
				    (unsigned long long)IMP_FILE_MAX);
	if (s->ioerr)
		return nf_error_set(err, NF_EIO, "%s: byte %llu: read failed: %s", s->name,
				    (unsigned long long)s->total, strerror(errno ? errno : EIO));
	return NF_OK;
}

/* Finds needle in the len bytes at hay (which need not be NUL-terminated). */
static bool has_bytes(const unsigned char *hay, size_t len, const char *needle)
{
	size_t nl = strlen(needle);
	for (size_t i = 0; i + nl <= len; i++)
		if (memcmp(hay + i, needle, nl) == 0)
			return true;
	return false;
}

static bool name_ends(const char *name, const char *ext)
{
	size_t n = strlen(name), e = strlen(ext);
	return n >= e && strcasecmp(name + n - e, ext) == 0;
}

nf_import_format nf_import_detect(const void *head, size_t len, const char *name)
{
	const unsigned char *h = head;

	if (h && len >= 12 && (h[0] == 12 || h[0] == 14) && memcmp(h + 8, ".FIT", 4) == 0)
		return NF_FORMAT_FIT;
	if (h && len > 0) {
		/* XML: look for the root element's name in the first bytes, past any declaration
		 * and comments. TCX first, since a TCX may mention gpx in a comment less often
		 * than the reverse. */
		if (has_bytes(h, len, "TrainingCenterDatabase"))
			return NF_FORMAT_TCX;
		if (has_bytes(h, len, "<gpx") || has_bytes(h, len, ":gpx"))
			return NF_FORMAT_GPX;
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

static void set_source_name(nf_run_record *run, const char *name)
{
	const char *base = name ? strrchr(name, '/') : NULL;
	base = base ? base + 1 : (name ? name : "");
	snprintf(run->source_file, sizeof run->source_file, "%s", base);
}

/* Reads one input whose first head_len bytes are at head (for detection), through the reader for
 * its format. On NF_OK, run gets source_sha256 from the hash of everything read. */
static nf_err import_src(imp_src *s, const unsigned char *head, size_t head_len, nf_run_record *run,
			 nf_error *err)
{
	nf_err rc;
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;

	s->sha = EVP_MD_CTX_new();
	if (!s->sha)
		return nf_error_set(err, NF_ENOMEM, "%s: out of memory", s->name);
	if (EVP_DigestInit_ex(s->sha, EVP_sha256(), NULL) != 1) {
		rc = nf_error_set(err, NF_ENOMEM, "%s: SHA-256 unavailable", s->name);
		goto out_free_sha;
	}
	switch (nf_import_detect(head, head_len, s->name)) {
	case NF_FORMAT_GPX:
		rc = imp_gpx_read(s, run, err);
		break;
	case NF_FORMAT_TCX:
		rc = imp_tcx_read(s, run, err);
		break;
	case NF_FORMAT_FIT:
		rc = imp_fit_read(s, run, err);
		break;
	default:
		rc = nf_error_set(err, NF_EPARSE, "%s: not a GPX, TCX or FIT file", s->name);
		break;
	}
	if (rc != NF_OK)
		goto out_free_sha;
	imp_run_fill_stride(run);
	if (EVP_DigestFinal_ex(s->sha, md, &mdlen) != 1) {
		rc = nf_error_set(err, NF_ENOMEM, "%s: SHA-256 failed", s->name);
		goto out_free_sha;
	}
	for (unsigned int i = 0; i < mdlen && 2 * i + 2 < sizeof run->source_sha256; i++)
		snprintf(run->source_sha256 + 2 * i, 3, "%02x", md[i]);
	set_source_name(run, s->name);
out_free_sha:
	EVP_MD_CTX_free(s->sha);
	s->sha = NULL;
	return rc;
}

/* nf_import_file with an observer of every point (fn may be NULL). */
static nf_err import_path(const char *path, nf_run_record *run, imp_point_fn fn, void *ctx, nf_error *err)
{
	imp_src s = {0};
	struct stat st;
	nf_err rc;

	if (!path || !run)
		return nf_error_set(err, NF_EINVAL, "nf_import_file: NULL argument");
	nf_run_record_init(run);
	nf_error_clear(err);
	s.name = path;
	s.observe = fn;
	s.observe_ctx = ctx;
	s.f = fopen(path, "rb");
	if (!s.f)
		return nf_error_set(err, NF_EIO, "%s: %s", path, strerror(errno));
	if (fstat(fileno(s.f), &st) == 0 && S_ISREG(st.st_mode) && (uint64_t)st.st_size > IMP_FILE_MAX) {
		rc = nf_error_set(err, NF_ELIMIT, "%s: %lld bytes, more than the %llu-byte limit", path,
				  (long long)st.st_size, (unsigned long long)IMP_FILE_MAX);
		goto out_close;
	}
	s.buf = malloc(IMP_CHUNK);
	if (!s.buf) {
		rc = nf_error_set(err, NF_ENOMEM, "%s: out of memory", path);
		goto out_close;
	}
	/* The first chunk serves detection and is then handed to the reader as if unread. */
	s.pending = fread(s.buf, 1, IMP_CHUNK, s.f);
	if (s.pending == 0 && ferror(s.f)) {
		rc = nf_error_set(err, NF_EIO, "%s: %s", path, strerror(errno));
		goto out_free_buf;
	}
	rc = import_src(&s, s.buf, s.pending, run, err);
out_free_buf:
	free(s.buf);
out_close:
	fclose(s.f);
	if (rc != NF_OK)
		nf_run_record_init(run);
	return rc;
}

nf_err nf_import_file(const char *path, nf_run_record *run, nf_error *err)
{
	return import_path(path, run, NULL, NULL, err);
}

nf_err nf_import_file_route(const char *path, nf_run_record *run, nf_track_point **track, size_t *ntrack,
			    nf_error *err)
{
	*track = NULL;
	*ntrack = 0;
	imp_route *r = imp_route_new();
	if (!r)
		return nf_error_set(err, NF_ENOMEM, "%s: out of memory", path ? path : "");
	nf_err rc = import_path(path, run, imp_route_observe, r, err);
	if (rc == NF_OK && (rc = imp_route_take(r, track, ntrack, err)) != NF_OK)
		nf_run_record_init(run);
	imp_route_free(r);
	return rc;
}

nf_err nf_import_buffer(const void *data, size_t len, const char *name, nf_run_record *run,
			nf_error *err)
{
	return imp_import_buffer_observed(data, len, name, run, err, NULL, NULL);
}

nf_err imp_import_buffer_observed(const void *data, size_t len, const char *name,
				  nf_run_record *run, nf_error *err, imp_point_fn fn, void *ctx)
{
	imp_src s = {0};
	nf_err rc;

	if ((!data && len > 0) || !run)
		return nf_error_set(err, NF_EINVAL, "nf_import_buffer: NULL argument");
	nf_run_record_init(run);
	nf_error_clear(err);
	s.name = name ? name : "(buffer)";
	if ((uint64_t)len > IMP_FILE_MAX)
		return nf_error_set(err, NF_ELIMIT, "%s: %zu bytes, more than the %llu-byte limit",
				    s.name, len, (unsigned long long)IMP_FILE_MAX);
	s.mem = data;
	s.memlen = len;
	s.observe = fn;
	s.observe_ctx = ctx;
	rc = import_src(&s, data, len < IMP_CHUNK ? len : IMP_CHUNK, run, err);
	if (rc != NF_OK)
		nf_run_record_init(run);
	return rc;
}
