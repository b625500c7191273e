/* numbfoot: one run as the importers produce it and the journal stores it.
 *
 * A plain value type shared by lib/import (which fills it from GPX, TCX or FIT) and lib/journal
 * (which stores it). A quantity the source lacked is NaN for doubles and -1 for counts and times,
 * and the journal stores it as NULL. Units are SI-like and fixed here so that no reader guesses.
 */
#ifndef NUMBFOOT_RUN_H
#define NUMBFOOT_RUN_H

#include <stdint.h>

#include "numbfoot/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Distances as shown to people: kilometres or miles. What is stored and exchanged is always
 * metres or kilometres; the choice changes words and figures only. */
typedef enum nf_units { NF_UNITS_KM = 0, NF_UNITS_MI = 1 } nf_units;
#define NF_KM_PER_MILE 1.609344 /* the page's scripts share app.js's copy; a test ties them */

/* What a distance a person gives is the distance of, which sets the values it may take. */
typedef enum nf_distance_of {
	NF_DISTANCE_RUN,    /* a run: NF_RUN_KM_MIN to NF_RUN_KM_MAX */
	NF_DISTANCE_IN_RUN, /* a point in a run, where numbness began: 0 to NF_RUN_KM_MAX */
	NF_DISTANCE_GEAR,   /* what a pair had run before the journal knew it: 0 to NF_GEAR_KM_MAX */
	NF_DISTANCE_RETIRE, /* the distance at which a pair retires: above 0, at most NF_GEAR_KM_MAX */
} nf_distance_of;

/* Longer than any run or any pair of shoes, so that a typing slip (an extra 0, metres given
 * as km) is caught rather than stored. */
#define NF_RUN_KM_MAX 1000.0
/* Shorter than any run: 0.0001 (km, or metres typed without their m) was stored as 10 cm and
 * shown as "0.00 km". 10 m is the shortest distance a run's two decimals show. */
#define NF_RUN_KM_MIN 0.01
#define NF_GEAR_KM_MAX 10000.0

/* What a run can be, shared by the importer (lib/import) and the journal (a run typed or posted):
 * a mean cadence from NF_RUN_CADENCE_MIN to NF_RUN_CADENCE_MAX steps per minute (below it is a
 * walk's or a ski's, or one foot's count; above it no one runs), and no faster than
 * NF_RUN_SPEED_MAX m/s sustained over NF_RUN_SPEED_MIN_M or more (Bolt's 100 m averaged 10.4;
 * 12 m/s is a pace of 1:23/km). */
#define NF_RUN_CADENCE_MIN 120.0
#define NF_RUN_CADENCE_MAX 250.0
#define NF_RUN_SPEED_MAX 12.0
#define NF_RUN_SPEED_MIN_M 400.0

/* A run typed by hand (no source file) is held to what people have run, since a slip of the keys
 * (15:00 for 50:00, 7 km for 1 km) is likelier than a world record, and a typed run feeds the
 * pace test and the weekly distance as a file's does: no faster than NF_TYPED_PACE_LONG_S seconds
 * per km over NF_TYPED_LONG_M or more (the 5000 m world record, 12:35, is 2:31/km; the 10 km's,
 * 26:11, 2:37/km), nor than NF_TYPED_PACE_S over NF_TYPED_MIN_M or more (the 1000 m record,
 * 2:11.96). The importer keeps its GPS rule above for files. An average heart rate below
 * NF_TYPED_HR_MIN is refused too: the slowest resting hearts, of trained endurance athletes, beat
 * about 30 to 40 a minute, and running lifts the rate well above rest, so a lower average is a
 * digit dropped, not a run. */
#define NF_TYPED_PACE_LONG_S 150.0 /* 2:30/km */
#define NF_TYPED_LONG_M 5000.0
#define NF_TYPED_PACE_S 130.0 /* 2:10/km */
#define NF_TYPED_MIN_M 1000.0
#define NF_TYPED_HR_MIN 40.0
/* Above any average heart rate over a run (the highest maximum rates are about 220): refused when
 * typed (run add, the API), left out with a warning when a file gives it. */
#define NF_RUN_HR_MAX 250.0

/* Checks a distance in km for what it is: finite and in the range above. NF_EPARSE with a
 * message that gives the range ("1200 km is out of range (0 to 1000 km)"); the caller names
 * the option or key in front of it. */
NF_API nf_err nf_distance_check(double km, nf_distance_of what, nf_error *err);

/* The kilometres in one of unit, a distance's unit word as a person types it after the number,
 * any case: "km", "m", "mi", "mile", "miles"; "" is units. 0 for a word that is no distance unit.
 * The one list of units, for nf_distance_parse and the interview's distance questions. */
NF_API double nf_distance_unit_km(const char *unit, nf_units units);

/* The one rounding rule for a distance given as "about": km in units (miles or kilometres), to
 * the nearest 10 from 100 up, to the nearest 1 from 10, to a tenth below 10. Every "about" the faces and the analysis
 * write goes through it, so that one distance is not "about 440 mi" here and "about 447 mi" there. */
NF_API double nf_distance_about(double km, nf_units units);

/* Text written in kilometres (the knowledge base's steps, help and warnings) for a reader in
 * units: with NF_UNITS_MI each "N km" and "N-M km" gets its miles after it, rounded as
 * nf_distance_about does ("800 km" -> "800 km (500 mi)"); with NF_UNITS_KM the text unchanged.
 * A distance already followed by its miles is left alone, so that text converted once (a saved
 * result) may pass again. Writes at most cap bytes into buf, NUL-terminated (cut short when it does
 * not fit); returns buf. */
NF_API const char *nf_units_text(const char *text, nf_units units, char *buf, size_t cap);
/* The same into a new string the caller frees with free(); NULL when out of memory. */
NF_API char *nf_units_text_dup(const char *text, nf_units units);

/* Reads a distance as a person types it: a number and an optional unit, any case, spaces
 * before it allowed ("10.2", "10.2km", "6.2 mi", "5000m", "3 miles"); a number alone is in
 * units. Then nf_distance_check. Into *km; NF_EPARSE naming the text otherwise. */
NF_API nf_err nf_distance_parse(const char *text, nf_units units, nf_distance_of what, double *km,
				nf_error *err);

/* One point of a run's GPS track, as the journal keeps it: position in degrees (WGS84), the
 * distance run so far in metres and the seconds since the run's first point (NaN if unknown). */
typedef struct nf_track_point {
	double lat, lon;
	double dist_m;
	double t;
} nf_track_point;
#define NF_TRACK_MAX 4000 /* points kept per run; a longer track is thinned to this */

#define NF_RUN_SOURCE_MAX 256
#define NF_RUN_SPORT_MAX 32

typedef struct nf_run_record {
	int64_t start_time;      /* seconds since the Unix epoch, UTC; -1 if unknown */
	double distance_m;       /* metres; NaN if unknown */
	double moving_s;         /* seconds moving (timer time); NaN if unknown */
	double elapsed_s;        /* seconds from first to last record; NaN if unknown */
	double cadence_spm;      /* average steps per minute (both feet); NaN if unknown */
	double stride_m;         /* average stride length, metres per step; NaN if unknown */
	double temperature_c;    /* average temperature, degrees Celsius; NaN if unknown */
	double heart_rate_bpm;   /* average heart rate; NaN if unknown */
	int64_t records;         /* number of track points or record messages read */
	char sport[NF_RUN_SPORT_MAX];  /* "running", "cycling", ... as the file says; "" if unsaid */
	char source_file[NF_RUN_SOURCE_MAX]; /* base name of the file it came from; "" if typed */
	char source_sha256[65];  /* hex SHA-256 of the file's bytes; "" if typed */
} nf_run_record;

/* Sets every field of r to "unknown". */
NF_API void nf_run_record_init(nf_run_record *r);

#ifdef __cplusplus
}
#endif
#endif
