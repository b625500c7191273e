/* numbfoot journal: each run's GPS route, one row of the tracks table per run.
 *
 * The points are one BLOB, 16 bytes each, little-endian whatever the machine, so that a journal
 * file reads the same everywhere:
 *     int32  latitude  in 1e-7 degrees (about 1 cm)
 *     int32  longitude in 1e-7 degrees
 *     float32 distance run so far, metres (NaN unknown)
 *     float32 seconds since the run's first point (NaN unknown)
 * A route of 4000 points (NF_TRACK_MAX) is 64 KB, against the megabytes of the file it came from.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "journal/journal_priv.h"
#include "core/alloc.h"

#define POINT_BYTES 16

_Static_assert(NF_TRACK_MAX == 4000, "the tracks table's CHECK in schema.c says 4000");

static void put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
	p[2] = (unsigned char)(v >> 16);
	p[3] = (unsigned char)(v >> 24);
}

static uint32_t get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint32_t float_bits(double x)
{
	float f = (float)x;
	uint32_t u;
	memcpy(&u, &f, sizeof u);
	return u;
}

static double bits_float(uint32_t u)
{
	float f;
	memcpy(&f, &u, sizeof f);
	return f;
}

nf_err jr_track_pack(const nf_track_point *pt, size_t n, unsigned char **out, size_t *npacked, nf_error *err)
{
	*out = NULL;
	*npacked = 0;
	if (!n)
		return NF_OK;
	if (!pt)
		return nf_error_set(err, NF_EINVAL, "a route of %zu points without the points", n);
	for (size_t i = 0; i < n; i++)
		if (!isfinite(pt[i].lat) || !isfinite(pt[i].lon) || fabs(pt[i].lat) > 90 || fabs(pt[i].lon) > 180)
			return nf_error_set(err, NF_EINVAL, "route point %zu: (%g, %g) is not a latitude and longitude",
					    i + 1, pt[i].lat, pt[i].lon);
	size_t keep = n < NF_TRACK_MAX ? n : NF_TRACK_MAX;
	unsigned char *b = core_malloc(keep * POINT_BYTES);
	if (!b)
		return nf_error_set(err, NF_ENOMEM, "out of memory for a route of %zu points", n);
	for (size_t i = 0; i < keep; i++) {
		/* Evenly over the whole route, the first and last points included. */
		size_t k = keep == 1 ? 0 : (size_t)((double)i * (double)(n - 1) / (double)(keep - 1) + 0.5);
		unsigned char *p = b + i * POINT_BYTES;
		put32(p, (uint32_t)(int32_t)lround(pt[k].lat * 1e7));
		put32(p + 4, (uint32_t)(int32_t)lround(pt[k].lon * 1e7));
		put32(p + 8, float_bits(pt[k].dist_m));
		put32(p + 12, float_bits(pt[k].t));
	}
	*out = b;
	*npacked = keep;
	return NF_OK;
}

nf_err jr_insert_track(nf_journal *j, int64_t run_id, const unsigned char *packed, size_t n, nf_error *err)
{
	sqlite3_stmt *st = jr_prepare(j, "INSERT INTO tracks(run_id, n, points) VALUES(?, ?, ?)", err);
	if (st) {
		sqlite3_bind_int64(st, 1, run_id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)n);
		sqlite3_bind_blob(st, 3, packed, (int)(n * POINT_BYTES), SQLITE_STATIC);
	}
	return jr_step_done(j, st, "adding a route", err);
}

/* NF_OK when run id exists, NF_ENOTFOUND (with the message) when not. */
static nf_err run_exists(nf_journal *j, int64_t id, nf_error *err)
{
	nf_journal_run r;
	return nf_journal_get_run(j, id, &r, err);
}

nf_err nf_journal_get_track(nf_journal *j, int64_t run_id, nf_track_point **out, size_t *n, nf_error *err)
{
	*out = NULL;
	*n = 0;
	nf_err rc = run_exists(j, run_id, err);
	if (rc)
		return rc;
	sqlite3_stmt *st = jr_prepare(j, "SELECT n, points FROM tracks WHERE run_id = ?", err);
	if (!st)
		return err ? err->code : NF_EDB;
	sqlite3_bind_int64(st, 1, run_id);
	int step = sqlite3_step(st);
	if (step == SQLITE_DONE) {
		sqlite3_finalize(st);
		return NF_OK;
	}
	if (step != SQLITE_ROW) {
		rc = jr_db_error(j, err, "reading a route");
		sqlite3_finalize(st);
		return rc;
	}
	sqlite3_int64 count = sqlite3_column_int64(st, 0);
	const unsigned char *b = sqlite3_column_blob(st, 1);
	int bytes = sqlite3_column_bytes(st, 1);
	/* The table's CHECKs hold for what numbfoot writes; a file edited or damaged by other means
	 * must still not make the reader overrun the blob. */
	if (count < 1 || count > NF_TRACK_MAX || !b || bytes != count * POINT_BYTES) {
		sqlite3_finalize(st);
		return nf_error_set(err, NF_EDB, "the route of run %lld is damaged (%lld points in %d bytes)",
				    (long long)run_id, (long long)count, bytes);
	}
	nf_track_point *a = core_malloc((size_t)count * sizeof *a);
	if (!a) {
		sqlite3_finalize(st);
		return nf_error_set(err, NF_ENOMEM, "out of memory for a route");
	}
	for (sqlite3_int64 i = 0; i < count; i++) {
		const unsigned char *p = b + i * POINT_BYTES;
		a[i].lat = (int32_t)get32(p) / 1e7;
		a[i].lon = (int32_t)get32(p + 4) / 1e7;
		a[i].dist_m = bits_float(get32(p + 8));
		a[i].t = bits_float(get32(p + 12));
	}
	sqlite3_finalize(st);
	*out = a;
	*n = (size_t)count;
	return NF_OK;
}

nf_err nf_journal_delete_track(nf_journal *j, int64_t run_id, nf_error *err)
{
	nf_err rc = run_exists(j, run_id, err);
	if (rc)
		return rc;
	sqlite3_stmt *st = jr_prepare(j, "DELETE FROM tracks WHERE run_id = ?", err);
	if (st)
		sqlite3_bind_int64(st, 1, run_id);
	if ((rc = jr_step_done(j, st, "deleting a route", err)))
		return rc;
	/* A route is where someone runs from: dropping it must leave nothing in the log either. */
	char why[256];
	if (!jr_wipe(j, false, why, sizeof why))
		return nf_error_set(err, NF_EDB, "%s: the route of run %lld was deleted, but wiping it from the "
				    "file failed (%s); drop it again", j->path, (long long)run_id, why);
	return NF_OK;
}
