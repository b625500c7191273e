/* numbfoot: a run's route as the journal keeps it, gathered while a reader streams the file.
 *
 * The readers hand every decoded point to an observer (imp_point_fn). The route keeps those
 * with a position, at most NF_TRACK_MAX of them, in constant memory whatever the file's length:
 * it holds up to twice that many, and when full drops every other point and from then on keeps
 * only every second one it is given (the stride doubles), so the points kept stay evenly spread
 * in order. The end thins the result to NF_TRACK_MAX, keeping the first and last points.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "import/import_priv.h"
#include "core/alloc.h"

#define ROUTE_HOLD (2 * NF_TRACK_MAX)

struct imp_route {
	nf_track_point *pt; /* ROUTE_HOLD slots */
	size_t n;
	uint64_t seen;	    /* positioned points offered so far */
	uint64_t stride;    /* keep one of every stride offered */
	double t0;	    /* time of the first point with one, NaN until then */
	double geo_m;	    /* distance along the positions, for files that give none */
	bool have_last;
	nf_track_point last; /* the latest positioned point offered, kept or not */
	double last_t_abs;
};

imp_route *imp_route_new(void)
{
	imp_route *r = core_calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->pt = core_malloc(ROUTE_HOLD * sizeof *r->pt);
	if (!r->pt) {
		free(r);
		return NULL;
	}
	r->stride = 1;
	r->t0 = NAN;
	return r;
}

void imp_route_free(imp_route *r)
{
	if (r)
		free(r->pt);
	free(r);
}

static bool valid_position(double lat, double lon)
{
	return isfinite(lat) && isfinite(lon) && fabs(lat) <= 90 && fabs(lon) <= 180 && !(lat == 0 && lon == 0);
}

void imp_route_observe(void *ctx, const imp_point *p)
{
	imp_route *r = ctx;
	if (!isnan(p->t) && isnan(r->t0))
		r->t0 = p->t;
	/* (0, 0) is what some watches write before a fix: not a place anyone ran. */
	if (!valid_position(p->lat, p->lon))
		return;
	nf_track_point q = {.lat = p->lat, .lon = p->lon, .dist_m = p->dist, .t = isnan(p->t) ? NAN : p->t - r->t0};
	if (r->have_last)
		r->geo_m += imp_haversine(r->last.lat, r->last.lon, q.lat, q.lon);
	if (isnan(q.dist_m))
		q.dist_m = r->geo_m;
	r->last = q;
	r->have_last = true;
	if (r->seen++ % r->stride)
		return;
	if (r->n == ROUTE_HOLD) {
		for (size_t i = 0; i < ROUTE_HOLD / 2; i++)
			r->pt[i] = r->pt[2 * i];
		r->n = ROUTE_HOLD / 2;
		r->stride *= 2;
		if ((r->seen - 1) % r->stride)
			return;
	}
	r->pt[r->n++] = q;
}

nf_err imp_route_take(imp_route *r, nf_track_point **out, size_t *n, nf_error *err)
{
	*out = NULL;
	*n = 0;
	size_t have = r->n;
	/* The last point offered ends the route even when the stride skipped it. */
	bool add_last = r->have_last && have && memcmp(&r->pt[have - 1], &r->last, sizeof r->last);
	size_t total = have + add_last;
	if (!total)
		return NF_OK;
	size_t keep = total < NF_TRACK_MAX ? total : NF_TRACK_MAX;
	nf_track_point *a = core_malloc(keep * sizeof *a);
	if (!a)
		return nf_error_set(err, NF_ENOMEM, "out of memory for the route");
	for (size_t i = 0; i < keep; i++) {
		size_t k = keep == 1 ? 0 : (size_t)((double)i * (double)(total - 1) / (double)(keep - 1) + 0.5);
		a[i] = k < have ? r->pt[k] : r->last;
	}
	*out = a;
	*n = keep;
	return NF_OK;
}
