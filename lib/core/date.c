/* Dates and UTC times: the one strict reader behind every face, and the day arithmetic of the
 * analysis and the report. Plain arithmetic (no gmtime, timegm or locale) so that it means the
 * same on every libc, the WebAssembly build's too. */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "numbfoot/date.h"

/* Days from 1970-01-01 to y-m-d, and back (H. Hinnant's algorithms for the proleptic Gregorian
 * calendar: eras of 400 years, years starting in March so that the leap day comes last). */
static int64_t days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int month_days(int y, int m)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return mdays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

/* The number the n digits at s spell, or -1 when one of them is not a digit 0-9. */
static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* The date in the first 10 bytes of s (which has at least 10), without looking past them. */
static nf_err date_at(const char *s, const char *shown, nf_date *out, nf_error *err)
{
	int y = digits(s, 4), m = s[4] == '-' ? digits(s + 5, 2) : -1, d = s[7] == '-' ? digits(s + 8, 2) : -1;
	if (y < 0 || m < 0 || d < 0)
		return nf_error_set(err, NF_EPARSE, "'%.40s' is not a date (YYYY-MM-DD)", shown);
	if (m < 1 || m > 12)
		return nf_error_set(err, NF_EPARSE, "'%.40s' is not a date (YYYY-MM-DD): no month %02d", shown, m);
	if (d < 1 || d > month_days(y, m))
		return nf_error_set(err, NF_EPARSE, "'%.40s' is not a date (YYYY-MM-DD): %04d-%02d has %d days",
				    shown, y, m, month_days(y, m));
	if (y < NF_DATE_YEAR_MIN || y > NF_DATE_YEAR_MAX)
		return nf_error_set(err, NF_EPARSE, "'%.40s' is not a date (YYYY-MM-DD): the year must be %d to %d",
				    shown, NF_DATE_YEAR_MIN, NF_DATE_YEAR_MAX);
	if (out)
		*out = (nf_date){y, m, d};
	return NF_OK;
}

bool core_date_at(const char *s, nf_date *out)
{
	return strnlen(s, 10) == 10 && date_at(s, s, out, NULL) == NF_OK;
}

nf_err nf_date_parse(const char *text, nf_date *out, nf_error *err)
{
	if (!text || strlen(text) != 10)
		return nf_error_set(err, NF_EPARSE, "'%.40s' is not a date (YYYY-MM-DD)", text ? text : "");
	return date_at(text, text, out, err);
}

nf_err nf_clock_parse(const char *text, int *hour, int *minute, nf_error *err)
{
	int h = text && strlen(text) == 5 && text[2] == ':' ? digits(text, 2) : -1;
	int mi = h >= 0 ? digits(text + 3, 2) : -1;
	if (h < 0 || mi < 0 || h > 23 || mi > 59)
		return nf_error_set(err, NF_EPARSE, "'%.40s' is not a time of day (HH:MM)", text ? text : "");
	*hour = h;
	*minute = mi;
	return NF_OK;
}

int64_t nf_date_time(const nf_date *d)
{
	return days_from_civil(d->year, d->month, d->day) * DAY;
}

void nf_time_iso(int64_t t, char *buf, size_t size)
{
	if (!size)
		return;
	buf[0] = '\0';
	if (t < 0)
		return;
	int y, m, d;
	civil_from_days(t / DAY, &y, &m, &d);
	int64_t s = t % DAY;
	snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, (int)(s / 3600), (int)(s / 60 % 60),
		 (int)(s % 60));
}

void nf_time_day(int64_t t, char *buf, size_t size)
{
	char iso[32];
	nf_time_iso(t, iso, sizeof iso);
	iso[10] = '\0';
	snprintf(buf, size, "%s", iso);
}

void nf_duration_text(double s, char *buf, size_t size)
{
	if (isnan(s) || s < 0) {
		snprintf(buf, size, "-");
		return;
	}
	long t = lround(s);
	if (t >= 3600)
		snprintf(buf, size, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
	else
		snprintf(buf, size, "%ld:%02ld", t / 60, t % 60);
}

void nf_minutes_text(double m, char *buf, size_t size)
{
	if (isnan(m) || m < 0) {
		snprintf(buf, size, "-");
		return;
	}
	double s = round(m * 60);
	if (s > 0 && s < 60) {
		snprintf(buf, size, "%.0f s", s);
		return;
	}
	/* One decimal where it says something (2.5 min), none where it is .0 (40 min). */
	double tenths = round(m * 10);
	if (fmod(tenths, 10) == 0)
		snprintf(buf, size, "%.0f min", tenths / 10);
	else
		snprintf(buf, size, "%.1f min", tenths / 10);
}

nf_err nf_time_parse_iso(const char *s, int64_t *t)
{
	nf_date d;
	if (!s || strlen(s) != 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z' ||
	    date_at(s, s, &d, NULL))
		return NF_EPARSE;
	int h = digits(s + 11, 2), mi = digits(s + 14, 2), se = digits(s + 17, 2);
	/* 60: a leap second, which the files of some watches carry; it counts as the next minute's 0. */
	if (h < 0 || mi < 0 || se < 0 || h > 23 || mi > 59 || se > 60)
		return NF_EPARSE;
	*t = nf_date_time(&d) + h * 3600 + mi * 60 + se;
	return NF_OK;
}

nf_err nf_moment_parse(const char *text, int64_t *t, nf_error *err)
{
	nf_date d;
	if (text && strlen(text) == 10) {
		nf_err rc = nf_date_parse(text, &d, err);
		if (rc == NF_OK)
			*t = nf_date_time(&d);
		return rc;
	}
	if (text && strlen(text) == 20 && text[10] == 'T') {
		nf_err rc = date_at(text, text, &d, err);
		if (rc != NF_OK)
			return rc;
	}
	if (nf_time_parse_iso(text, t) == NF_OK)
		return NF_OK;
	return nf_error_set(err, NF_EPARSE, "'%.40s' is not a time: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ",
			    text ? text : "");
}

void an_date(int64_t t, char buf[11])
{
	int y, m, d;
	if (t < 0) {
		snprintf(buf, 11, "?");
		return;
	}
	civil_from_days(t / DAY, &y, &m, &d);
	snprintf(buf, 11, "%04d-%02d-%02d", y, m, d);
}
