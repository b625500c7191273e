/* numbfoot: what the three readers (gpx.c, tcx.c, fit.c) share with import.c and each other.
 *
 * Private to lib/import: nothing here is exported (the library builds with -fvisibility=hidden
 * and none of these carry NF_API). The entry points in include/numbfoot/import.h open the input,
 * wrap it in an imp_src and hand it to one reader.
 */
#ifndef NUMBFOOT_IMPORT_PRIV_H
#define NUMBFOOT_IMPORT_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <openssl/evp.h>

#include "numbfoot/error.h"
#include "numbfoot/import.h"
#include "numbfoot/run.h"

/* Caps on untrusted input. A file past IMP_FILE_MAX is refused with NF_ELIMIT rather than read
 * for minutes; the XML caps bound the parser's state whatever the document looks like. */
#define IMP_FILE_MAX ((uint64_t)2 << 30) /* 2 GiB */
#define IMP_CHUNK (64 * 1024)            /* bytes handed to a reader at a time */
#define IMP_XML_DEPTH_MAX 64             /* element nesting */
#define IMP_XML_TEXT_MAX 4096            /* character data between two tags */
#define IMP_XML_TOKEN_MAX (1024 * 1024)  /* bytes between two '>' (one tag, comment or text) */

typedef struct imp_point imp_point;
/* Called with every point a reader folds into its track, for tests that check the decoding
 * record by record; ctx is the caller's. */
typedef void (*imp_point_fn)(void *ctx, const imp_point *pt);

/* One input being read front to back, from a FILE or from memory. Every byte handed out is
 * hashed on the way, so that source_sha256 costs no second pass. */
typedef struct imp_src {
	FILE *f;                   /* borrowed, NULL when reading memory */
	const unsigned char *mem;  /* borrowed, the whole input when reading memory */
	size_t memlen, mempos;
	unsigned char *buf;        /* owned by whoever set up the source; IMP_CHUNK bytes, file only */
	size_t pending;            /* bytes already in buf that imp_src_next has not handed out */
	size_t pending_off;        /* where they start in buf */
	const char *name;          /* for messages: the path or the name given with a buffer */
	EVP_MD_CTX *sha;           /* borrowed; NULL to skip hashing */
	uint64_t total;            /* bytes handed out so far */
	bool ioerr;                /* a read failed (as opposed to the end of the input) */
	bool toobig;               /* the input passed IMP_FILE_MAX */
	imp_point_fn observe;      /* NULL, or an observer of every point (the route, a test) */
	void *observe_ctx;
} imp_src;

/* Sets *p to the next up to max (<= IMP_CHUNK) bytes of the input and returns how many; 0 at the
 * end, on a read error (s->ioerr) or past IMP_FILE_MAX (s->toobig). The bytes stay valid until
 * the next call. */
size_t imp_src_next(imp_src *s, const unsigned char **p, size_t max);

/* The error a reader returns when imp_src_next gave 0 because of ioerr or toobig; NF_OK if it
 * was a plain end of input. */
nf_err imp_src_error(const imp_src *s, nf_error *err);

/* One sample of a track: any field may be NaN when the point lacks it. */
struct imp_point {
	double t;       /* seconds since the Unix epoch */
	double lat, lon; /* degrees */
	double dist;    /* metres from the start, as the file says */
	double speed;   /* m/s, as the file says */
	double hr;      /* beats per minute */
	double cad;     /* steps per minute, both feet */
	double temp;    /* degrees Celsius */
};

void imp_point_init(imp_point *pt);

/* Sums over the points of one run, for the fields that no summary (lap, session) gives.
 *
 * Moving time rule: an interval between two consecutive points counts as moving when both carry
 * a time, 0 < gap < IMP_MOVING_GAP_MAX seconds and the speed over it exceeds IMP_MOVING_SPEED_MIN
 * m/s. The speed comes from the file's own distances if both points have one, else from the
 * positions (haversine), else from the later point's speed field. A longer gap is a pause (auto
 * pause, a tunnel), never running. */
#define IMP_MOVING_SPEED_MIN 0.5
#define IMP_MOVING_GAP_MAX 60.0

typedef struct imp_track {
	int64_t n;              /* points added */
	double t_first, t_last; /* NaN until a point with a time arrives */
	imp_point prev;         /* the previous point of the current segment */
	bool have_prev;
	double geo_m;           /* haversine sum within segments */
	bool have_geo;          /* at least one pair of positioned points */
	double dist_max;        /* the largest distance field seen; NaN if none */
	double moving_s;
	bool have_moving;       /* some interval could be judged */
	double hr_sum, cad_sum, temp_sum;
	int64_t hr_n, cad_n, temp_n;
	imp_point_fn observe;   /* copied from imp_src; see imp_point_fn */
	void *observe_ctx;
} imp_track;

/* Starts an empty track that reports its points to s's observer, if any. */
void imp_track_init(imp_track *tr, const imp_src *s);
void imp_track_add(imp_track *tr, const imp_point *pt);
/* Starts a new segment: no distance is counted from the last point to the next. */
void imp_track_break(imp_track *tr);
/* Fills each field of run that is still unknown (NaN, -1) from the points, and records. */
void imp_track_finish(const imp_track *tr, nf_run_record *run);

/* Sets run->stride_m, if still unknown, from distance, cadence and moving time. */
void imp_run_fill_stride(nf_run_record *run);

/* Great-circle distance in metres on a sphere of the WGS84 mean radius. */
double imp_haversine(double lat1, double lon1, double lat2, double lon2);

/* Parses an ISO 8601 time as GPX and TCX write it (2013-01-01T12:00:04, optional fraction,
 * optional Z or +hh:mm; no zone means UTC). Returns false if text is not such a time. */
bool imp_parse_time(const char *text, double *out);

/* Parses a decimal number filling the whole of text (spaces around allowed). */
bool imp_parse_double(const char *text, double *out);

/* True if a sport named by a file (any case) is one that is certainly not running: a ride, a swim.
 * An unknown name is taken as a run, since a runner's watch files are what we are given. */
bool imp_sport_is_not_run(const char *sport);

/* Copies src into dst (cap bytes), lower-cased and trimmed. */
void imp_sport_copy(char *dst, size_t cap, const char *src);

/* A run's route, gathered from the points a reader decodes (lib/import/route.c): at most
 * NF_TRACK_MAX positioned points, evenly spread, in constant memory. */
typedef struct imp_route imp_route;
imp_route *imp_route_new(void); /* NULL when out of memory; free with imp_route_free */
void imp_route_free(imp_route *r);
void imp_route_observe(void *ctx, const imp_point *p); /* an imp_point_fn; ctx is the route */
/* The route in a new array (*out, free() it; NULL and *n 0 when no point had a position). */
nf_err imp_route_take(imp_route *r, nf_track_point **out, size_t *n, nf_error *err);

/* nf_import_buffer with an observer of every decoded point: for unit tests only. */
nf_err imp_import_buffer_observed(const void *data, size_t len, const char *name,
				  nf_run_record *run, nf_error *err, imp_point_fn fn, void *ctx);

nf_err imp_gpx_read(imp_src *s, nf_run_record *run, nf_error *err);
nf_err imp_tcx_read(imp_src *s, nf_run_record *run, nf_error *err);
nf_err imp_fit_read(imp_src *s, nf_run_record *run, nf_error *err);

#endif
