/* numbfoot: dates and times as people type them and as the journal keeps them.
 *
 * One strict reader for every face (the commands, the web API, the journal, the analysis), so
 * that a value one of them takes the others take too: a date is exactly YYYY-MM-DD, digits where
 * the form has them (no sign, no space), a day the calendar has (2026-02-29 is not one), and
 * nothing after it. Times are UTC, "YYYY-MM-DDTHH:MM:SSZ". Everything here is plain arithmetic on
 * the proleptic Gregorian calendar: no time zone, no locale.
 *
 * Messages say what is wrong with the value, without naming where it came from: the caller puts
 * the option, key or file and line in front ("--date: '2026-02-31' is not a date ...").
 */
#ifndef NUMBFOOT_DATE_H
#define NUMBFOOT_DATE_H

#include <stddef.h>
#include <stdint.h>

#include "numbfoot/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The years a date may have: before 1900 or after 2200 is a typing slip, not a run. */
#define NF_DATE_YEAR_MIN 1900
#define NF_DATE_YEAR_MAX 2200
/* The last time a run may start (Unix seconds): the start of NF_DATE_YEAR_MAX. */
#define NF_TIME_MAX INT64_C(7258118400) /* 2200-01-01T00:00:00Z */
/* How far past the reader's now a time read from a file may be (a run's start, a saved
 * assessment's time): a day, for a clock that runs ahead or a zone not yet past midnight. Later is
 * a clock set wrong, whose time would head every list. */
#define NF_CLOCK_AHEAD_S 86400

typedef struct nf_date {
	int year, month, day; /* month 1..12, day 1..31 */
} nf_date;

/* Reads text as a date YYYY-MM-DD into *out (may be NULL: only checks). NF_EPARSE with
 * "'<text>' is not a date (YYYY-MM-DD)" and, for a well-formed date the calendar lacks, the
 * reason ("2026-02 has 28 days"). err may be NULL. */
NF_API nf_err nf_date_parse(const char *text, nf_date *out, nf_error *err);

/* Reads text as a time of day HH:MM (24 hours) into *hour and *minute. NF_EPARSE with
 * "'<text>' is not a time of day (HH:MM)". */
NF_API nf_err nf_clock_parse(const char *text, int *hour, int *minute, nf_error *err);

/* Midnight UTC at the start of d, in Unix seconds (d as nf_date_parse gives it). */
NF_API int64_t nf_date_time(const nf_date *d);

/* Writes t (Unix seconds) as "YYYY-MM-DDTHH:MM:SSZ" into buf (at least 21 bytes); "" if t < 0. */
NF_API void nf_time_iso(int64_t t, char *buf, size_t size);
/* The day alone, "YYYY-MM-DD" (buf at least 11 bytes); "" if t < 0. */
NF_API void nf_time_day(int64_t t, char *buf, size_t size);
/* Seconds as a person reads a running time or a pace: "55:00" or "1:02:03" into buf; "-" when
 * unknown (NaN or below 0). */
NF_API void nf_duration_text(double seconds, char *buf, size_t size);
/* Minutes as a runner reads an onset or a recovery: "40 min", "2.5 min", and under a minute
 * seconds, "30 s" (a rounding to "0 min" would say it began at once); "-" when unknown (NaN or
 * below 0). The one wording of every face that lists episodes. */
NF_API void nf_minutes_text(double minutes, char *buf, size_t size);

/* Parses "YYYY-MM-DDTHH:MM:SSZ" (the Z required, the date as nf_date_parse takes it) into *t;
 * NF_EPARSE otherwise. */
NF_API nf_err nf_time_parse_iso(const char *s, int64_t *t);

/* Reads a moment as a person gives it: a date YYYY-MM-DD (its midnight UTC) or a time
 * YYYY-MM-DDTHH:MM:SSZ, into *t. NF_EPARSE with "'<text>' is not a time: YYYY-MM-DD or
 * YYYY-MM-DDTHH:MM:SSZ", or nf_date_parse's reason when the date is the fault. */
NF_API nf_err nf_moment_parse(const char *text, int64_t *t, nf_error *err);

#ifdef __cplusplus
}
#endif
#endif
