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
#define IMP_HR_READING_MAX 300           /* a heart-rate reading no heart gives (beats a minute) */

typedef struct imp_point imp_point;
/* Called with every point a reader folds into its track, for tests that check the decoding
 * record by record; ctx is the caller's. */
typedef void (*imp_point_fn)(void *ctx, const imp_point *pt);

/* One input being read front to back: a FILE or bytes in memory (an archive's entry is read into
 * memory first: export.c), optionally through gzip (source.c). Every byte handed out, after decompression, is
 * hashed on the way, so that source_sha256 costs no second pass and a run is the same run
 * whether it came compressed or not. */
typedef struct imp_src {
	FILE *f;                   /* borrowed, NULL when reading memory */
	const unsigned char *mem;  /* borrowed, the whole input when reading memory */
	size_t memlen, mempos;
	unsigned char *buf;        /* owned by the source (imp_src_release); IMP_CHUNK bytes */
	size_t pending;            /* bytes already in buf that imp_src_next has not handed out */
	size_t pending_off;        /* where they start in buf */
	struct z_stream_s *gz;     /* owned; non-NULL when the input is gzip */
	unsigned char *zin;        /* owned; compressed bytes for gz */
	bool gz_end;               /* the last gzip member ended and no input follows */
	uint64_t raw_total;        /* bytes read from the raw input (compressed, for gzip) */
	const char *name;          /* for messages: the path or the name given with a buffer */
	EVP_MD_CTX *sha;           /* borrowed; NULL to skip hashing */
	uint64_t total;            /* bytes handed out so far */
	bool ioerr;                /* a read failed (as opposed to the end of the input) */
	bool toobig;               /* the input passed IMP_FILE_MAX */
	bool bomb;                 /* gzip expanded past IMP_RATIO_MAX times its input */
	bool gzbad;                /* the gzip data is corrupt or ends early */
	char gzmsg[96];            /* zlib's word for it */
	imp_point_fn observe;      /* NULL, or an observer of every point (a test) */
	void *observe_ctx;
} imp_src;

/* gzip is accepted up to this many bytes out per byte in (real watch files compress 3 to 30
 * times); past it, once IMP_RATIO_FLOOR bytes are out, the input is a decompression bomb. */
#define IMP_RATIO_MAX 200
#define IMP_RATIO_FLOOR (1024 * 1024)

/* Sets up s (name, and f or mem/memlen already filled in by the caller) for
 * reading: allocates its buffer, looks at the first bytes and, when they are gzip's, reads
 * through zlib from then on. The first IMP_CHUNK bytes of the content are then in s->buf
 * (s->pending of them) for detection. Release with imp_src_release whatever it returns. */
nf_err imp_src_start(imp_src *s, nf_error *err);
void imp_src_release(imp_src *s);
/* Starts the input again from its first byte (a file that can seek, or memory): for a reader
 * that needs a second pass. Hashing is off from then on. */
nf_err imp_src_rewind(imp_src *s, nf_error *err);
bool imp_src_can_rewind(const imp_src *s);

/* Sets *p to the next up to max (<= IMP_CHUNK) bytes of the input and returns how many; 0 at the
 * end, on a read error (s->ioerr) or past IMP_FILE_MAX (s->toobig). The bytes stay valid until
 * the next call. */
size_t imp_src_next(imp_src *s, const unsigned char **p, size_t max);

/* The error a reader returns when imp_src_next gave 0 because of ioerr, toobig, bomb or a bad
 * gzip stream; NF_OK if it was a plain end of input. */
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
	uint64_t at;    /* where it is in the input, for messages: its line (GPX, TCX) or the byte
			 * offset of its record (FIT); 0 if not known */
};

void imp_point_init(imp_point *pt);

/* Sums over the points of one run, for the fields that no summary (lap, session) gives.
 *
 * Moving time rule: an interval between two consecutive points counts as moving when both carry
 * a time, 0 < gap < IMP_MOVING_GAP_MAX seconds and the speed over it exceeds IMP_MOVING_SPEED_MIN
 * m/s. The speed comes from the file's own distances if both points have one, else from the
 * positions (haversine), else from the later point's speed field. A longer gap is a pause (auto
 * pause, a tunnel), never running. A file without any interval under the gap has no moving time
 * (NaN), rather than 0. */
#define IMP_MOVING_SPEED_MIN 0.5
#define IMP_MOVING_GAP_MAX 60.0

/* A position reached from the last good one faster than this (m/s), over more than
 * IMP_JUMP_MIN_M, is a GPS jump: it counts in no distance and is kept out of the route. After
 * IMP_JUMP_RUN_MAX jumps in a row the receiver has moved on, and the new place is taken as good
 * (a first fix that was wrong, rather than all that follows). */
#define IMP_JUMP_SPEED 50.0
#define IMP_JUMP_MIN_M 200.0
#define IMP_JUMP_RUN_MAX 5

/* Times that run backwards. A point timed before the latest kept one (a watch's clock glitching
 * one record back, two files' points interleaved) is left out of everything but the count of
 * records: its distance, place, moving time and averages would describe no moment of the run.
 * A repeated second is not backwards. More than IMP_BACK_RUN_MAX such points in a row are no
 * glitch but a lap or a track that goes back in time, and refuse the activity (imp_check_run),
 * as does a last point timed before the first. */
#define IMP_BACK_RUN_MAX 5

typedef struct imp_track {
	int64_t n;              /* points added */
	double t_first, t_last; /* NaN until a point with a time arrives; t_last is the latest kept */
	double t_file_last;     /* the time of the last timed point in the file's order, kept or not */
	bool at_bytes;          /* imp_point.at is a byte offset (FIT), not a line */
	int64_t back;           /* points left out for a time before the latest kept one */
	uint64_t back_at;       /* ... where the first of them is */
	int back_run;           /* ... how many in a row just now, and where that row began */
	uint64_t back_run_at;
	bool back_far;          /* more than IMP_BACK_RUN_MAX in a row, the first row of them at: */
	uint64_t back_far_at;
	imp_point prev;         /* the previous point of the current segment */
	bool have_prev;
	double geo_m;           /* haversine sum within segments */
	bool have_geo;          /* at least one pair of positioned points */
	double dist_max;        /* the largest distance field seen; NaN if none */
	double moving_s;
	bool have_moving;       /* some interval under IMP_MOVING_GAP_MAX could be judged */
	/* GPS jumps (see IMP_JUMP_SPEED): positions judged against the last good one */
	double good_lat, good_lon, good_t;
	bool have_good;
	int bad_run;            /* jumps in a row since the last good position */
	int64_t jumps;
	double jump_max_m, jump_max_s;
	double hr_sum, cad_sum, temp_sum;
	int64_t hr_n, cad_n, temp_n;
	int64_t hr_bad; /* heart-rate readings no heart gives (IMP_HR_READING_MAX or more), left out */
	imp_point_fn observe;   /* copied from imp_src; see imp_point_fn */
	void *observe_ctx;
	struct imp_route *route; /* NULL, or the run's route, given every point too */
} imp_track;

/* Starts an empty track that reports its points to s's observer, if any. */
void imp_track_init(imp_track *tr, const imp_src *s);
/* Folds pt into the track; a point timed before the latest kept one is counted and left out
 * (see IMP_BACK_RUN_MAX), and neither observed nor given to the route. */
void imp_track_add(imp_track *tr, const imp_point *pt);
/* Writes "NAME:LINE" or "NAME: byte N" for a point's at into out (name alone when at is 0). */
void imp_track_where(const imp_track *tr, uint64_t at, const char *name, char *out, size_t cap);
/* Starts a new segment: no distance is counted from the last point to the next. */
void imp_track_break(imp_track *tr);
/* Fills each field of run that is still unknown (NaN, -1) from the points, and records. */
void imp_track_finish(const imp_track *tr, nf_run_record *run);

/* The cadence rule, the same for every format and for a session's or lap's average and the
 * points' mean alike. Files count cadence two ways: FIT, TCX and Garmin's GPX extension count
 * one foot (strides per minute: 80 to 100 on a run), a treadmill TCX or a phone app both feet
 * (steps per minute: 150 to 200). A run's mean below IMP_CADENCE_STEPS_MIN can only be one
 * foot's and is doubled; one at or above it is steps already and is kept. So nothing is ever
 * doubled twice, and a walk's or a ski's cadence (40 to 60 a foot) comes out below a run's. */
#define IMP_CADENCE_STEPS_MIN 120.0
void imp_cadence_rule(nf_run_record *run);

/* The time a run's speed is judged over: its moving time, else (none, or 0 when its points are
 * all a minute or more apart) its elapsed time; NaN when neither is above 0. */
double imp_run_speed_time(const nf_run_record *run);

/* Sets run->stride_m, if still unknown, from distance, cadence and moving time. */
void imp_run_fill_stride(nf_run_record *run);

/* Great-circle distance in metres on a sphere of the WGS84 mean radius. */
double imp_haversine(double lat1, double lon1, double lat2, double lon2);

/* Parses an ISO 8601 time as GPX and TCX write it (2013-01-01T12:00:04, optional fraction,
 * optional Z or +hh:mm; no zone means UTC). Returns false if text is not such a time, or one
 * before 1970 or after NF_TIME_MAX, the journal's last. IMP_TIME_WHEN says so in messages. */
#define IMP_TIME_WHEN "an ISO 8601 time of 1970 to 2200"
bool imp_parse_time(const char *text, double *out);
/* The same, and *zoned false when the text names no zone (taken as UTC, which a writer of local
 * times puts hours off: the readers warn of it once a file). */
bool imp_parse_time_zoned(const char *text, double *out, bool *zoned);

/* Parses a decimal number filling the whole of text (spaces around allowed): digits, a point
 * and an exponent, nothing else (no hex floats, infinities or NaN, which strtod would take). */
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

/* ---- what one input holds (struct nf_import, import.c) ---- */

#define IMP_RUNS_MAX 64  /* sessions or activities in one file; more is NF_ELIMIT */
#define IMP_NOTES_MAX 16 /* warnings kept per file; the rest are counted */

/* One activity of a file (a FIT session, a TCX Activity, a whole GPX) as a reader found it. The
 * reader fills rec and tr and finishes tr; import.c then decides whether it is a run. */
typedef struct imp_run {
	nf_run_record rec;
	imp_track tr;
	char said[NF_RUN_SPORT_MAX]; /* the sport as the file names it, lower-cased; "" unsaid */
	int sub_sport;               /* FIT's sub_sport; -1 if none */
	bool said_not_run;           /* said names a sport that is certainly not running (FIT) */
	bool undated;                /* no point had a time (GPX): a route drawn, not recorded */
	bool cut_short;              /* the file ends mid-record within it (FIT): what came before is kept */
	char where[48];              /* "line 12", "session 2": where it is, for messages */
	bool skip;                   /* not kept: not a run, or refused */
	bool refused;                /* ... refused for an impossible value (not just not a run) */
	char why[NF_ERROR_MSG_MAX];  /* ... and why, naming the file */
	nf_track_point *route;       /* after finishing: the route (owned), NULL if none */
	size_t nroute;
} imp_run;

struct nf_import {
	nf_import_opts opts;
	char name[NF_RUN_SOURCE_MAX];   /* the input's name as given */
	imp_run **run;                  /* owned, n of them */
	size_t n, cap;
	size_t nkept;                   /* after finishing: the kept runs come first */
	char note[IMP_NOTES_MAX][NF_ERROR_MSG_MAX];
	size_t nnotes, notes_dropped;
	imp_point_fn observe;           /* a test's observer, copied to every track */
	void *observe_ctx;
};

/* A new activity at the end of im's list, its track ready for points (with a route when the
 * options want one). NULL with NF_ELIMIT or NF_ENOMEM in err. */
imp_run *imp_run_new(nf_import *im, const imp_src *s, nf_error *err);

/* Adds a warning about the input (a repaired value, a prefix read as its namespace). */
void imp_note(nf_import *im, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Decides whether r is a run (sport.c): from what the file says, what the options say and, when
 * the file says nothing useful, from its speed, cadence and sub-sport. Sets r->rec.sport, and
 * r->skip with r->why when it is not one. */
void imp_sport_judge(imp_run *r, const nf_import_opts *o, const char *name);

/* Checks r's values against what a run can be (check.c): refuses r (r->skip, r->refused) or
 * repairs a value with a note. */
void imp_check_run(nf_import *im, imp_run *r, const char *name);

nf_err imp_gpx_read(imp_src *s, nf_import *im, nf_error *err);
nf_err imp_tcx_read(imp_src *s, nf_import *im, nf_error *err);
nf_err imp_fit_read(imp_src *s, nf_import *im, nf_error *err);

#endif
