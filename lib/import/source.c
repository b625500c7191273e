/* numbfoot: the bytes under every reader (see imp_src in import_priv.h): a file or memory (an
 * archive's entry, read whole by export.c), read in IMP_CHUNK pieces, through zlib when the input is gzip (Strava's bulk
 * export and many watch tools deliver .fit.gz, .gpx.gz, .tcx.gz), hashed as handed out.
 *
 * gzip is recognised by its first two bytes, whatever the name says. Concatenated members are
 * one stream, as gzip(1) reads them. Decompression is bounded twice: the content by IMP_FILE_MAX
 * like any file, and its growth by IMP_RATIO_MAX, so that a few kilobytes cannot make the
 * reader chew through gigabytes of zeros.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "import/import_priv.h"
#include "core/alloc.h"

/* Reads up to cap raw bytes into dst; 0 at the end or on an error (s->ioerr). */
static size_t raw_read(imp_src *s, unsigned char *dst, size_t cap)
{
	size_t n = 0;
	if (s->f) {
		n = fread(dst, 1, cap, s->f);
		if (n == 0 && ferror(s->f))
			s->ioerr = true;
	} else if (s->mem) {
		n = s->memlen - s->mempos;
		if (n > cap)
			n = cap;
		memcpy(dst, s->mem + s->mempos, n);
		s->mempos += n;
	}
	s->raw_total += n;
	return n;
}

/* Inflates up to cap bytes into dst; 0 at the end of the last member or on an error. */
static size_t gz_read(imp_src *s, unsigned char *dst, size_t cap)
{
	z_stream *z = s->gz;
	z->next_out = dst;
	z->avail_out = (uInt)cap;
	while (z->avail_out == cap && !s->gz_end) {
		if (z->avail_in == 0) {
			size_t n = raw_read(s, s->zin, IMP_CHUNK);
			if (n == 0) {
				if (!s->ioerr) {
					s->gzbad = true;
					snprintf(s->gzmsg, sizeof s->gzmsg, "compressed data ends early");
				}
				return 0;
			}
			z->next_in = s->zin;
			z->avail_in = (uInt)n;
		}
		int zr = inflate(z, Z_NO_FLUSH);
		if (zr == Z_STREAM_END) {
			/* Another member may follow; bytes after the last one must be gzip too. */
			if (z->avail_in == 0) {
				size_t n = raw_read(s, s->zin, IMP_CHUNK);
				if (n == 0) {
					s->gz_end = !s->ioerr;
					break;
				}
				z->next_in = s->zin;
				z->avail_in = (uInt)n;
			}
			if (inflateReset(z) != Z_OK) {
				s->gzbad = true;
				snprintf(s->gzmsg, sizeof s->gzmsg, "inflateReset failed");
				return 0;
			}
		} else if (zr != Z_OK && zr != Z_BUF_ERROR) {
			s->gzbad = true;
			snprintf(s->gzmsg, sizeof s->gzmsg, "corrupt compressed data (%s)",
				 z->msg ? z->msg : "zlib error");
			return 0;
		}
	}
	return cap - z->avail_out;
}

static size_t content_read(imp_src *s, unsigned char *dst, size_t cap)
{
	return s->gz ? gz_read(s, dst, cap) : raw_read(s, dst, cap);
}

static nf_err gz_begin(imp_src *s, size_t have, nf_error *err)
{
	s->gz = core_calloc(1, sizeof *s->gz);
	s->zin = core_malloc(IMP_CHUNK);
	if (!s->gz || !s->zin)
		return nf_error_set(err, NF_ENOMEM, "%s: out of memory", s->name);
	/* 16 + MAX_WBITS: gzip headers only; a raw zlib or deflate stream is no file format. */
	if (inflateInit2(s->gz, 16 + MAX_WBITS) != Z_OK) {
		free(s->gz);
		s->gz = NULL;
		return nf_error_set(err, NF_ENOMEM, "%s: out of memory for zlib", s->name);
	}
	memcpy(s->zin, s->buf, have);
	s->gz->next_in = s->zin;
	s->gz->avail_in = (uInt)have;
	return NF_OK;
}

nf_err imp_src_start(imp_src *s, nf_error *err)
{
	s->buf = core_malloc(IMP_CHUNK);
	if (!s->buf)
		return nf_error_set(err, NF_ENOMEM, "%s: out of memory", s->name);
	/* Two bytes decide gzip; read a whole chunk, which serves detection otherwise. */
	size_t n = raw_read(s, s->buf, IMP_CHUNK);
	if (s->ioerr)
		return nf_error_set(err, NF_EIO, "%s: %s", s->name, strerror(errno ? errno : EIO));
	if (n >= 2 && s->buf[0] == 0x1f && s->buf[1] == 0x8b) {
		nf_err rc = gz_begin(s, n, err);
		if (rc != NF_OK)
			return rc;
		n = gz_read(s, s->buf, IMP_CHUNK);
		if (n == 0 && (rc = imp_src_error(s, err)) != NF_OK)
			return rc;
	}
	s->pending = n;
	s->pending_off = 0;
	return NF_OK;
}

bool imp_src_can_rewind(const imp_src *s)
{
	return s->mem || (s->f && ftell(s->f) >= 0);
}

nf_err imp_src_rewind(imp_src *s, nf_error *err)
{
	if (s->f) {
		if (fseek(s->f, 0, SEEK_SET) != 0)
			return nf_error_set(err, NF_EIO, "%s: cannot read it again: %s", s->name,
					    strerror(errno));
		clearerr(s->f);
	} else if (s->mem) {
		s->mempos = 0;
	} else {
		return nf_error_set(err, NF_EINVAL, "%s: cannot be read twice", s->name);
	}
	s->sha = NULL;
	s->total = s->raw_total = 0;
	s->pending = s->pending_off = 0;
	s->ioerr = s->toobig = s->bomb = s->gzbad = s->gz_end = false;
	if (s->gz) {
		s->gz->avail_in = 0;
		if (inflateReset(s->gz) != Z_OK)
			return nf_error_set(err, NF_ENOMEM, "%s: zlib failed", s->name);
	}
	return NF_OK;
}

void imp_src_release(imp_src *s)
{
	if (s->gz)
		inflateEnd(s->gz);
	free(s->gz);
	free(s->zin);
	free(s->buf);
	s->gz = NULL;
	s->zin = s->buf = NULL;
}

size_t imp_src_next(imp_src *s, const unsigned char **p, size_t max)
{
	size_t n;

	if (max > IMP_CHUNK)
		max = IMP_CHUNK;
	if (s->pending > 0) {
		/* The detection read: hand out what is already in buf first. */
		n = s->pending < max ? s->pending : max;
		*p = s->buf + s->pending_off;
		s->pending_off += n;
		s->pending -= n;
	} else if (s->mem && !s->gz) {
		/* Memory needs no copy. */
		n = s->memlen - s->mempos;
		if (n > max)
			n = max;
		*p = s->mem + s->mempos;
		s->mempos += n;
		s->raw_total += n;
	} else {
		n = content_read(s, s->buf, max);
		*p = s->buf;
	}
	if (n == 0)
		return 0;
	if (s->total + n > IMP_FILE_MAX) {
		s->toobig = true;
		return 0;
	}
	s->total += n;
	if (s->gz && s->total > IMP_RATIO_FLOOR && s->total / IMP_RATIO_MAX > s->raw_total) {
		s->bomb = true;
		return 0;
	}
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
	if (s->bomb)
		return nf_error_set(err, NF_ELIMIT,
				    "%s: expands more than %d times (%llu bytes from %llu): a "
				    "decompression bomb, refused",
				    s->name, IMP_RATIO_MAX, (unsigned long long)s->total,
				    (unsigned long long)s->raw_total);
	if (s->ioerr)
		return nf_error_set(err, NF_EIO, "%s: byte %llu: read failed: %s", s->name,
				    (unsigned long long)s->raw_total, strerror(errno ? errno : EIO));
	if (s->gzbad)
		return nf_error_set(err, NF_EPARSE, "%s: compressed byte %llu: %s", s->name,
				    (unsigned long long)s->raw_total, s->gzmsg);
	return NF_OK;
}
