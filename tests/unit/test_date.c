/* lib/core/date.c: the one date and time reader every face uses, and the day arithmetic of the
 * analysis and the report. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>
#include <time.h>

#include "core/calendar.h"
#include "numbfoot/date.h"

static void test_date_takes_calendar_days(void **state)
{
	(void)state;
	nf_date d;
	assert_int_equal(nf_date_parse("2026-01-02", &d, NULL), NF_OK);
	assert_int_equal(d.year, 2026);
	assert_int_equal(d.month, 1);
	assert_int_equal(d.day, 2);
	assert_int_equal(nf_date_parse("2024-02-29", &d, NULL), NF_OK); /* a leap year */
	assert_int_equal(nf_date_parse("2000-02-29", &d, NULL), NF_OK); /* divisible by 400 */
	assert_int_equal(nf_date_parse("2026-12-31", NULL, NULL), NF_OK);
	assert_int_equal(nf_date_parse("1900-01-01", NULL, NULL), NF_OK);
	assert_int_equal(nf_date_parse("2200-12-31", NULL, NULL), NF_OK);
}

static void test_date_refuses_what_is_not_one(void **state)
{
	(void)state;
	static const char *const bad[] = {
	    "2026-+1-02",  "2026-01-+2", "+026-01-02", "2026-1-02",  "2026-01-2",   " 2026-01-02",
	    "2026-01- 2",  "2026-01-02x", "2026-01-02 ", "2026/01/02", "20260102",    "",
	    "2026-13-01",  "2026-00-10", "2026-01-00", "2026-02-31", "2026-02-29",  "1900-02-29",
	    "2026-04-31",  "1899-12-31", "2201-01-01", "2026-01-32", "2026-01-02T00:00:00Z",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		nf_error err = {0};
		nf_date d = {0, 0, 0};
		if (nf_date_parse(bad[i], &d, &err) != NF_EPARSE)
			fail_msg("'%s' was taken as a date", bad[i]);
		assert_int_equal(err.code, NF_EPARSE);
		assert_non_null(strstr(err.msg, "is not a date (YYYY-MM-DD)"));
		assert_int_equal(d.year, 0); /* nothing written */
	}
	assert_int_equal(nf_date_parse(NULL, NULL, NULL), NF_EPARSE);
}

static void test_date_says_why(void **state)
{
	(void)state;
	nf_error err = {0};
	nf_date_parse("2026-02-31", NULL, &err);
	assert_string_equal(err.msg, "'2026-02-31' is not a date (YYYY-MM-DD): 2026-02 has 28 days");
	nf_date_parse("2026-13-01", NULL, &err);
	assert_string_equal(err.msg, "'2026-13-01' is not a date (YYYY-MM-DD): no month 13");
}

static void test_clock(void **state)
{
	(void)state;
	int h = -1, m = -1;
	assert_int_equal(nf_clock_parse("07:05", &h, &m, NULL), NF_OK);
	assert_int_equal(h, 7);
	assert_int_equal(m, 5);
	assert_int_equal(nf_clock_parse("23:59", &h, &m, NULL), NF_OK);
	static const char *const bad[] = {"24:00", "12:60", "+1:05", "1:05", "12:05x", "12-05", " 1:05", ""};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		nf_error err = {0};
		if (nf_clock_parse(bad[i], &h, &m, &err) != NF_EPARSE)
			fail_msg("'%s' was taken as a time of day", bad[i]);
		assert_non_null(strstr(err.msg, "is not a time of day (HH:MM)"));
	}
}

/* The arithmetic agrees with the C library's, day by day over two centuries. */
static void test_days_agree_with_libc(void **state)
{
	(void)state;
	char mine[24], libc[24];
	for (int64_t t = 0; t < (int64_t)200 * 366 * DAY; t += DAY + 3607) {
		time_t tt = (time_t)t;
		struct tm tm;
		gmtime_r(&tt, &tm);
		strftime(libc, sizeof libc, "%Y-%m-%dT%H:%M:%SZ", &tm);
		nf_time_iso(t, mine, sizeof mine);
		assert_string_equal(mine, libc);
		int64_t back;
		assert_int_equal(nf_time_parse_iso(mine, &back), NF_OK);
		assert_int_equal(back, t);
		an_date(t, mine);
		assert_memory_equal(mine, libc, 10);
		assert_int_equal(mine[10], '\0');
	}
	an_date(-1, mine);
	assert_string_equal(mine, "?");
	nf_time_iso(-1, mine, sizeof mine);
	assert_string_equal(mine, "");
}

static void test_iso_time_is_strict(void **state)
{
	(void)state;
	int64_t t = 7;
	static const char *const bad[] = {"2026-02-31T10:00:00Z", "2026-01-02T24:00:00Z", "2026-01-02T10:00:00",
					  "2026-01-02 10:00:00Z", "2026-01-02T+1:00:00Z", "2026-+1-02T10:00:00Z"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (nf_time_parse_iso(bad[i], &t) != NF_EPARSE)
			fail_msg("'%s' was taken as a time", bad[i]);
	assert_int_equal(t, 7);
	nf_date d = {2026, 1, 2};
	assert_int_equal(nf_time_parse_iso("2026-01-02T10:00:00Z", &t), NF_OK);
	assert_int_equal(t, nf_date_time(&d) + 10 * 3600);
}

static void test_moment(void **state)
{
	(void)state;
	int64_t t = 0;
	nf_error err = {0};
	nf_date d = {2026, 3, 1};
	assert_int_equal(nf_moment_parse("2026-03-01", &t, &err), NF_OK);
	assert_int_equal(t, nf_date_time(&d));
	assert_int_equal(nf_moment_parse("2026-03-01T06:00:00Z", &t, &err), NF_OK);
	assert_int_equal(t, nf_date_time(&d) + 6 * 3600);
	assert_int_equal(nf_moment_parse("2026-02-29", &t, &err), NF_EPARSE);
	assert_non_null(strstr(err.msg, "has 28 days"));
	assert_int_equal(nf_moment_parse("2026-02-29T06:00:00Z", &t, &err), NF_EPARSE);
	assert_non_null(strstr(err.msg, "has 28 days"));
	assert_int_equal(nf_moment_parse("yesterday", &t, &err), NF_EPARSE);
	assert_non_null(strstr(err.msg, "is not a time"));
}

/* An onset of half a minute was listed "at 0 min", as if the feet went numb at once. */
static void test_minutes_text(void **state)
{
	(void)state;
	static const struct {
		double min;
		const char *text;
	} cases[] = {{40, "40 min"}, {0.5, "30 s"}, {0.01, "1 s"}, {0, "0 min"}, {2.5, "2.5 min"},
		     {59.0 / 60, "59 s"}, {0.999, "1 min"}, {1, "1 min"}, {40.04, "40 min"}, {-1, "-"}};
	char buf[32];
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		nf_minutes_text(cases[i].min, buf, sizeof buf);
		if (strcmp(buf, cases[i].text))
			fail_msg("%g min: '%s', wanted '%s'", cases[i].min, buf, cases[i].text);
	}
	nf_minutes_text(NAN, buf, sizeof buf);
	assert_string_equal(buf, "-");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_takes_calendar_days),
		cmocka_unit_test(test_date_refuses_what_is_not_one),
		cmocka_unit_test(test_date_says_why),
		cmocka_unit_test(test_clock),
		cmocka_unit_test(test_days_agree_with_libc),
		cmocka_unit_test(test_iso_time_is_strict),
		cmocka_unit_test(test_moment),
		cmocka_unit_test(test_minutes_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
