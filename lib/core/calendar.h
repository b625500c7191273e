/* Day arithmetic inside the library, for the analysis and the report (their weeks and the dates
 * of their rows). Not exported. The names are the analysis's, where these began. */
#ifndef NUMBFOOT_CORE_CALENDAR_H
#define NUMBFOOT_CORE_CALENDAR_H

#include <stdbool.h>
#include <stdint.h>

#include "numbfoot/date.h"

#define DAY 86400
#define WEEK (7 * DAY)

/* Whether the first 10 bytes of s are a date as nf_date_parse takes it (into *out), whatever
 * follows them: for readers of longer forms, such as a watch file's times. */
bool core_date_at(const char *s, nf_date *out);

/* Day-precision date "YYYY-MM-DD" of t (UTC) into buf[11]; "?" when t < 0. */
void an_date(int64_t t, char buf[11]);

#endif
