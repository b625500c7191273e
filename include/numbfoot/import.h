/* numbfoot: reading runs from watch files (GPX 1.1, TCX, FIT), plain or gzip-compressed.
 *
 * Each reader streams its input in constant memory. One file may hold several runs (the run legs
 * of a multisport FIT, the Activities of a TCX): nf_import_read gives them all, with the
 * warnings met on the way. On malformed input a reader returns NF_EPARSE with a message naming
 * the file and the line (GPX, TCX) or byte offset (FIT); a file that is valid but holds no run (a
 * bike ride, a settings file) gives NF_ESKIP with the reason. Nothing is written anywhere:
 * storing the records is the journal's job.
 */
#ifndef NUMBFOOT_IMPORT_H
#define NUMBFOOT_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "numbfoot/error.h"
#include "numbfoot/run.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum nf_import_format {
	NF_FORMAT_UNKNOWN = 0,
	NF_FORMAT_GPX,
	NF_FORMAT_TCX,
	NF_FORMAT_FIT,
} nf_import_format;

/* How to read one input. */
typedef struct nf_import_opts {
	bool route;          /* keep each run's route (nf_import_route) */
	bool keep_any_sport; /* keep activities that are not runs too ('import --sport run') */
	/* The sport said outside the file (an export's activities.csv), used when the file says
	 * none; NULL or "" if none. Any case; copied. */
	const char *sport;
	/* The caller's now (Unix seconds; the library keeps no clock): a run that starts more than
	 * NF_CLOCK_AHEAD_S after it is refused, as a watch's clock set years ahead would head every
	 * list and count in the shoes' wear. 0: no check. */
	int64_t now;
} nf_import_opts;

/* Sets o to the defaults: no route, runs only, no outside sport, no check of the start. */
NF_API void nf_import_opts_init(nf_import_opts *o);

/* What one input held: its runs, in the file's order, and warnings. */
typedef struct nf_import nf_import;

/* Reads the file at path (o may be NULL for the defaults). On NF_OK *out holds at least one run
 * and is the caller's to free with nf_import_free; on any error *out is NULL and err says why:
 * NF_ESKIP (no run in it, with the reason and, when the sport was guessed, how to keep it),
 * NF_EPARSE, NF_ELIMIT (too large, a decompression bomb, more than 64 sessions), NF_EIO. */
NF_API nf_err nf_import_read(const char *path, const nf_import_opts *o, nf_import **out, nf_error *err);
/* The same for bytes in memory; name is used in messages and as source_file. */
NF_API nf_err nf_import_read_buffer(const void *data, size_t len, const char *name,
				    const nf_import_opts *o, nf_import **out, nf_error *err);
NF_API void nf_import_free(nf_import *im); /* accepts NULL */

/* The number of runs, and run i (0 <= i < count; valid until nf_import_free). A run after the
 * first of a file has source_file "NAME#K" (K from 2) and a source_sha256 of its own derived
 * from the file's, so that importing the file again finds each one. */
NF_API size_t nf_import_count(const nf_import *im);
NF_API const nf_run_record *nf_import_get(const nf_import *im, size_t i);
/* Run i's route (NULL and *n 0 when it has none or routes were not asked for): at most
 * NF_TRACK_MAX points evenly spread, valid until nf_import_free. */
NF_API const nf_track_point *nf_import_route(const nf_import *im, size_t i, size_t *n);
/* The warnings, each naming the file: a value repaired, a liberty taken, a leg left out. */
NF_API size_t nf_import_note_count(const nf_import *im);
NF_API const char *nf_import_note(const nf_import *im, size_t i);

/* ---- bulk exports ----
 *
 * A Strava bulk export (export_NNNN.zip, or the folder it unpacks to) lists its activities in
 * activities.csv, with each one's type, name, gear and file (activities/123.fit.gz); a Garmin
 * Connect account export holds zips of FIT files inside the zip. nf_export reads either, one
 * activity file at a time: from an archive through libarchive, streaming, each file read into
 * memory within the caps of any file, nested zips one level deep. An entry that expands more
 * than 200 times its compressed size (a zip bomb) is refused and nothing is read from it; an
 * archive whose entries declare more than 2 GiB each, or 64 GiB in all, is refused whole before
 * any entry is read. */
#define NF_IMPORT_GEAR_MAX 64
#define NF_IMPORT_TITLE_MAX 128

typedef struct nf_export nf_export;

/* One activity file of an export, with what activities.csv says of it ("" when it says
 * nothing, or there is no such file). */
typedef struct nf_export_item {
	char name[NF_RUN_SOURCE_MAX];       /* "export.zip:activities/123.fit.gz" */
	char sport[NF_RUN_SPORT_MAX];       /* Activity Type: "Run", "Ride", ... */
	char gear[NF_IMPORT_GEAR_MAX];      /* Activity Gear: the shoes' name */
	char title[NF_IMPORT_TITLE_MAX];    /* Activity Name */
} nf_export_item;

/* Opens the export at path: a zip file, or a folder holding activities.csv. *out is the
 * caller's, closed with nf_export_close. NF_EPARSE for a file that is no zip, a malformed
 * activities.csv or a zip with two (a second entry of a name the CSV gives is that entry's
 * error in nf_export_next), NF_ELIMIT for an archive refused whole, NF_ENOTFOUND for a folder without
 * activities.csv, NF_EIO. */
NF_API nf_err nf_export_open(const char *path, nf_export **out, nf_error *err);
/* How many activity files the export holds, as far as known before reading them (the rows of
 * activities.csv, or the activity files of the archive, nested zips not counted): for progress. */
NF_API size_t nf_export_size_hint(const nf_export *x);
/* Reads the next activity file with options o (its sport defaults to the CSV's Activity Type).
 * NF_OK: *item describes it and either *im holds its runs (the caller frees it) or *im is NULL
 * and *entry_err says why this file gave none (not a run, malformed, a zip bomb, or, after a
 * zip's last entry, NF_ENOTFOUND for each row of activities.csv naming a file the zip lacks, at
 * the CSV's line, as a folder's missing file is): the next call goes on with the next file.
 * NF_ENOTFOUND at the end. Any other code: the archive itself
 * failed, and nothing more can be read from it. */
NF_API nf_err nf_export_next(nf_export *x, const nf_import_opts *o, nf_export_item *item, nf_import **im,
			     nf_error *entry_err, nf_error *err);
NF_API void nf_export_close(nf_export *x); /* accepts NULL */

/* Guesses the format from the first bytes of a file (head, len): FIT's header, or the XML root
 * element (gpx, TrainingCenterDatabase, any prefix); failing that, its name. */
NF_API nf_import_format nf_import_detect(const void *head, size_t len, const char *name);

/* Reads the file at path into *run (initialised by the call), including source_file and
 * source_sha256: the first run of nf_import_read with the defaults. Returns NF_OK, NF_ESKIP,
 * NF_EPARSE, NF_ELIMIT or NF_EIO. */
NF_API nf_err nf_import_file(const char *path, nf_run_record *run, nf_error *err);

/* nf_import_file, and the run's route too: *track gets a new array (the caller frees it with
 * free(); NULL when the file has no positions) of at most NF_TRACK_MAX points evenly spread
 * over the run, in order, *ntrack their number. Memory stays bounded whatever the file's size. */
NF_API nf_err nf_import_file_route(const char *path, nf_run_record *run, nf_track_point **track, size_t *ntrack,
				   nf_error *err);

/* The same for bytes in memory; name is used in messages and as source_file. */
NF_API nf_err nf_import_buffer(const void *data, size_t len, const char *name, nf_run_record *run,
			       nf_error *err);

#ifdef __cplusplus
}
#endif
#endif
