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
#define NF_KM_PER_MILE 1.609344

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
