/* numbfoot: what export.c (bulk exports) shares with csv.c (Strava's activities.csv). Private to
 * lib/import. */
#ifndef NUMBFOOT_EXPORT_PRIV_H
#define NUMBFOOT_EXPORT_PRIV_H

#include "import/import_priv.h"

#define IMP_CSV_MAX ((size_t)64 << 20) /* activities.csv: 64 MiB is some 200,000 activities */
#define IMP_CSV_ROWS_MAX 1000000
#define IMP_CSV_FIELD_MAX 256          /* bytes kept of one field; a longer one is cut */

/* One row of activities.csv: an activity with a file in the export. */
typedef struct imp_csv_row {
	char file[NF_RUN_SOURCE_MAX]; /* "activities/123.fit.gz", as the export names it */
	char type[NF_RUN_SPORT_MAX];  /* "Run", "Ride", ... */
	char gear[NF_IMPORT_GEAR_MAX];
	char title[NF_IMPORT_TITLE_MAX];
	unsigned long line;           /* where the row begins in the CSV, for messages */
	bool seen;                    /* a zip entry of that name was met (imp_csv_mark) */
} imp_csv_row;

typedef struct imp_csv {
	imp_csv_row *row; /* owned */
	size_t n, cap;
} imp_csv;

/* Parses len bytes of CSV text into c (initially zeroed; rows with no file are left out).
 * NF_EPARSE naming name and the line, NF_ELIMIT, NF_ENOMEM. */
nf_err imp_csv_parse(imp_csv *c, const char *text, size_t len, const char *name, nf_error *err);
/* The row whose file ends path (whole path components), or NULL. */
const imp_csv_row *imp_csv_find(const imp_csv *c, const char *path);
/* Marks seen every row whose file ends path, as imp_csv_find matches: a zip's rows left unmarked
 * at its end name files the zip lacks. */
void imp_csv_mark(imp_csv *c, const char *path);
void imp_csv_release(imp_csv *c);

#endif
