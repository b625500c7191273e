/* lib/core/distance.c: the one distance checker of the commands and the web API. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "numbfoot/run.h"

static void test_parse_units(void **state)
{
	(void)state;
	double km = 0;
	assert_int_equal(nf_distance_parse("10.2", NF_UNITS_KM, NF_DISTANCE_RUN, &km, NULL), NF_OK);
	assert_true(km == 10.2);
	assert_int_equal(nf_distance_parse("10", NF_UNITS_MI, NF_DISTANCE_RUN, &km, NULL), NF_OK);
	assert_true(km == 10 * NF_KM_PER_MILE);
	assert_int_equal(nf_distance_parse("10km", NF_UNITS_MI, NF_DISTANCE_RUN, &km, NULL), NF_OK);
	assert_true(km == 10);
	assert_int_equal(nf_distance_parse("6.2 Mi", NF_UNITS_KM, NF_DISTANCE_RUN, &km, NULL), NF_OK);
	assert_true(km == 6.2 * NF_KM_PER_MILE);
	assert_int_equal(nf_distance_parse("3 miles", NF_UNITS_KM, NF_DISTANCE_RUN, &km, NULL), NF_OK);
	assert_true(km == 3 * NF_KM_PER_MILE);
	assert_int_equal(nf_distance_parse("5000m", NF_UNITS_MI, NF_DISTANCE_RUN, &km, NULL), NF_OK);
	assert_true(km == 5);
	assert_int_equal(nf_distance_parse("0", NF_UNITS_KM, NF_DISTANCE_IN_RUN, &km, NULL), NF_OK);
	assert_true(km == 0);
	/* The decimal comma, as the page takes it. */
	assert_int_equal(nf_distance_parse("1,5", NF_UNITS_KM, NF_DISTANCE_RUN, &km, NULL), NF_OK);
	assert_true(km == 1.5);
	assert_int_equal(nf_distance_parse("10,25km", NF_UNITS_KM, NF_DISTANCE_RUN, &km, NULL), NF_OK);
	assert_true(km == 10.25);
	assert_int_equal(nf_distance_parse(".5", NF_UNITS_KM, NF_DISTANCE_RUN, &km, NULL), NF_OK);
	assert_true(km == 0.5);
	/* The shortest run taken is 10 m; a point in a run may be nearer its start, and a space
	 * before a unit is a space between words. */
	assert_int_equal(nf_distance_parse("10m", NF_UNITS_KM, NF_DISTANCE_RUN, &km, NULL), NF_OK);
	assert_true(km == 0.01);
	assert_int_equal(nf_distance_parse("0.001", NF_UNITS_KM, NF_DISTANCE_IN_RUN, &km, NULL), NF_OK);
	assert_int_equal(nf_distance_parse("10 km", NF_UNITS_KM, NF_DISTANCE_GEAR, &km, NULL), NF_OK);
	assert_true(km == 10);
	assert_int_equal(nf_distance_check(0.001, NF_DISTANCE_RUN, NULL), NF_EPARSE);
}

/* The one list of unit words, which the interview's distance questions read too ("5000m"). */
static void test_unit_words(void **state)
{
	(void)state;
	assert_true(nf_distance_unit_km("", NF_UNITS_KM) == 1);
	assert_true(nf_distance_unit_km("", NF_UNITS_MI) == NF_KM_PER_MILE);
	assert_true(nf_distance_unit_km("KM", NF_UNITS_MI) == 1);
	assert_true(nf_distance_unit_km("m", NF_UNITS_MI) == 0.001);
	assert_true(nf_distance_unit_km("Miles", NF_UNITS_KM) == NF_KM_PER_MILE);
	assert_true(nf_distance_unit_km("mile", NF_UNITS_KM) == NF_KM_PER_MILE);
	/* "5k" as runners say it, in either unit setting. */
	assert_true(nf_distance_unit_km("k", NF_UNITS_MI) == 1);
	assert_true(nf_distance_unit_km("K", NF_UNITS_KM) == 1);
	assert_true(nf_distance_unit_km("min", NF_UNITS_KM) == 0);
	assert_true(nf_distance_unit_km("yd", NF_UNITS_KM) == 0);
}

static void test_parse_refuses(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		nf_distance_of what;
		const char *why;
	} bad[] = {
	    {"ten", NF_DISTANCE_RUN, "'ten' is not a distance"},
	    {"", NF_DISTANCE_RUN, "'' is not a distance"},
	    {"nan", NF_DISTANCE_RUN, "is not a distance"},
	    {"inf", NF_DISTANCE_RUN, "is not a distance"},
	    {"1e999", NF_DISTANCE_RUN, "is not a distance"},
	    {"10furlongs", NF_DISTANCE_RUN, "unknown unit 'furlongs' in '10furlongs'"},
	    {"10 km x", NF_DISTANCE_RUN, "unknown unit"},
	    /* Decimal only, as the page reads numbers: no hex, hex float or exponent. */
	    {"0x10", NF_DISTANCE_RUN, "'0x10' is not a distance"},
	    {"0x1p3", NF_DISTANCE_RUN, "'0x1p3' is not a distance"},
	    {"1e1", NF_DISTANCE_RUN, "'1e1' is not a distance"},
	    {" 10", NF_DISTANCE_RUN, "is not a distance"},
	    {"1,5,3", NF_DISTANCE_RUN, "is not a distance"},
	    {"1,500", NF_DISTANCE_RUN, "could be a thousands separator or a decimal comma"},
	    {"1,500m", NF_DISTANCE_RUN, "could be a thousands separator"},
	    {"-3", NF_DISTANCE_RUN, "'-3' is out of range (more than 0 to 1000 km)"},
	    {"-0.5", NF_DISTANCE_IN_RUN, "out of range"},
	    {"1001", NF_DISTANCE_RUN, "'1001' is out of range (more than 0 to 1000 km)"},
	    {"-1", NF_DISTANCE_RETIRE, "'-1' is out of range (more than 0 to 10000 km)"},
	    {"-1", NF_DISTANCE_IN_RUN, "'-1' is out of range (0 to 1000 km)"},
	    {"700mi", NF_DISTANCE_RUN, "out of range"},
	    {"0km", NF_DISTANCE_RUN, "'0km' is zero; give how far the run was"},
	    {"0", NF_DISTANCE_RETIRE, "'0' is zero; a retirement distance must be more than 0"},
	    {"10001", NF_DISTANCE_GEAR, "'10001' is out of range (0 to 10000 km)"},
	    /* A trailing space with no unit after it was taken, where a leading one is refused. */
	    {"10 ", NF_DISTANCE_GEAR, "'10 ' is not a distance"},
	    {"10  ", NF_DISTANCE_RUN, "is not a distance"},
	    /* A run that rounds to "0.00 km" (10 cm) is no run. */
	    {"0.0001", NF_DISTANCE_RUN, "'0.0001' is under 10 m, shorter than any run"},
	    {"9m", NF_DISTANCE_RUN, "under 10 m"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		nf_error err = {0};
		double km = -7;
		if (nf_distance_parse(bad[i].text, NF_UNITS_KM, bad[i].what, &km, &err) != NF_EPARSE)
			fail_msg("'%s' was taken", bad[i].text);
		if (!strstr(err.msg, bad[i].why))
			fail_msg("'%s': \"%s\" does not say \"%s\"", bad[i].text, err.msg, bad[i].why);
		assert_true(km == -7); /* nothing written */
	}
	assert_int_equal(nf_distance_parse(NULL, NF_UNITS_KM, NF_DISTANCE_RUN, &(double){0}, NULL), NF_EPARSE);
}

static void test_check(void **state)
{
	(void)state;
	nf_error err = {0};
	assert_int_equal(nf_distance_check(10, NF_DISTANCE_RUN, &err), NF_OK);
	assert_int_equal(nf_distance_check(0, NF_DISTANCE_IN_RUN, &err), NF_OK);
	assert_int_equal(nf_distance_check(0, NF_DISTANCE_GEAR, &err), NF_OK);
	assert_int_equal(nf_distance_check(NF_GEAR_KM_MAX, NF_DISTANCE_RETIRE, &err), NF_OK);
	assert_int_equal(nf_distance_check(0, NF_DISTANCE_RUN, &err), NF_EPARSE);
	assert_string_equal(err.msg, "0 km is zero; give how far the run was (or leave it out if not known)");
	assert_int_equal(nf_distance_check(1200, NF_DISTANCE_IN_RUN, &err), NF_EPARSE);
	assert_string_equal(err.msg, "1200 km is out of range (0 to 1000 km)");
	assert_int_equal(nf_distance_check(-1, NF_DISTANCE_GEAR, &err), NF_EPARSE);
	assert_int_equal(nf_distance_check(NAN, NF_DISTANCE_GEAR, &err), NF_EPARSE);
	assert_int_equal(nf_distance_check(INFINITY, NF_DISTANCE_RETIRE, &err), NF_EPARSE);
	assert_int_equal(nf_distance_check(0, NF_DISTANCE_RETIRE, &err), NF_EPARSE);
}

/* One rounding rule for "about": the same 720 km is about 450 mi wherever it is said. */
static void test_about(void **state)
{
	(void)state;
	assert_true(nf_distance_about(720, NF_UNITS_MI) == 450);
	assert_true(nf_distance_about(719.5, NF_UNITS_KM) == 720);
	assert_true(nf_distance_about(800, NF_UNITS_MI) == 500);
	assert_true(nf_distance_about(30, NF_UNITS_MI) == 19);
	assert_true(nf_distance_about(99.4, NF_UNITS_KM) == 99);
	assert_true(nf_distance_about(3, NF_UNITS_MI) == 1.9);
}

/* The knowledge base's kilometres, for a runner in miles: the miles beside them, ranges too, in
 * brackets or after a comma inside brackets; once only; other numbers and km mode untouched. */
static void test_units_text(void **state)
{
	(void)state;
	char b[256];
	assert_string_equal(nf_units_text("These shoes are past 800 km, replace them.", NF_UNITS_MI, b, sizeof b),
			    "These shoes are past 800 km (500 mi), replace them.");
	assert_string_equal(nf_units_text("sooner (about 300-450 km). Check at 500km.", NF_UNITS_MI, b, sizeof b),
			    "sooner (about 300-450 km, 190-280 mi). Check at 500km (310 mi).");
	assert_string_equal(nf_units_text("within 1.5 km; L5 km; 10 km/h; 4 kmh; 3 weeks", NF_UNITS_MI, b, sizeof b),
			    "within 1.5 km (0.9 mi); L5 km; 10 km/h; 4 kmh; 3 weeks");
	/* Converted text passes again unchanged: a saved result shown by the report. */
	assert_string_equal(nf_units_text("past 800 km (500 mi) and (about 300-450 km, 190-280 mi)", NF_UNITS_MI, b, sizeof b),
			    "past 800 km (500 mi) and (about 300-450 km, 190-280 mi)");
	assert_string_equal(nf_units_text("past 800 km", NF_UNITS_KM, b, sizeof b), "past 800 km");
	assert_string_equal(nf_units_text(NULL, NF_UNITS_MI, b, sizeof b), "");
	/* Cut short to the buffer, never past it. */
	char s[12];
	assert_string_equal(nf_units_text("past 800 km", NF_UNITS_MI, s, sizeof s), "past 800 km");
	assert_string_equal(nf_units_text("abcdefghijklmnop", NF_UNITS_MI, s, sizeof s), "abcdefghijk");
	char *d = nf_units_text_dup("1km 2km 3km", NF_UNITS_MI);
	assert_non_null(d);
	assert_string_equal(d, "1km (0.6 mi) 2km (1.2 mi) 3km (1.9 mi)");
	free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_units),
		cmocka_unit_test(test_unit_words),
		cmocka_unit_test(test_parse_refuses),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_about),
		cmocka_unit_test(test_units_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
