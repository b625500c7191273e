/* Unit tests of the values the readers give on files built to show what real files got wrong
 * (tests/import/make-import-fixtures.py writes them into tests/cli/data/import/): the TCX start
 * and elapsed time, one cadence rule for every format, Movescount's gpxdata, the legs of
 * multisport files, and the judge of sport and plausibility. */
#include "test_import_util.h"

#define DATA "tests/cli/data/import/"
#define T0 1791095400 /* 2026-10-04T06:30:00Z, the fixtures' start */

static nf_import *read_ok(const char *rel, const nf_import_opts *o)
{
	nf_import *im = NULL;
	nf_error err = {0};
	nf_err rc = nf_import_read(rel, o, &im, &err);
	if (rc != NF_OK)
		fail_msg("%s: rc %d (%s)", rel, rc, err.msg);
	return im;
}

/* Garmin Connect's <Id> has its seconds zeroed: the start comes from the first lap (37 s later). */
static void test_tcx_start_from_lap(void **state)
{
	nf_import *im = read_ok(DATA "connect-id-zeroed.tcx", NULL);
	assert_int_equal(nf_import_get(im, 0)->start_time, T0 + 37);
	nf_import_free(im);
}

/* Laps spanning 3300 s over trackpoints that stop after 1800 s: the elapsed time is the laps'
 * span, never shorter than the moving time. */
static void test_tcx_elapsed_from_laps(void **state)
{
	nf_import *im = read_ok(DATA "laps-span-more.tcx", NULL);
	const nf_run_record *r = nf_import_get(im, 0);
	assert_near(r->moving_s, 3300, 0);
	assert_near(r->elapsed_s, 3300, 0);
	assert_true(r->elapsed_s >= r->moving_s);
	nf_import_free(im);
}

/* The cadence rule: a mean below 120 counts one foot and is doubled, one above is steps already.
 * A treadmill TCX holding 134 steps per minute stays 134 (it was doubled to 268); FIT, GPX and
 * TCX files holding 84 a foot all give 168. */
static void test_cadence_rule(void **state)
{
	static const char *const per_foot[] = {DATA "treadmill-generic.fit", DATA "movescount-gpxdata.gpx",
					       DATA "brick.fit"};
	nf_import *im = read_ok(DATA "treadmill-steps.tcx", NULL);
	assert_near(nf_import_get(im, 0)->cadence_spm, 134, 1e-9);
	nf_import_free(im);
	for (size_t i = 0; i < sizeof per_foot / sizeof per_foot[0]; i++) {
		im = read_ok(per_foot[i], NULL);
		assert_near(nf_import_get(im, 0)->cadence_spm, 168, 1e-9);
		nf_import_free(im);
	}
	nf_run_record r;
	nf_run_record_init(&r);
	r.cadence_spm = 119.9;
	imp_cadence_rule(&r);
	assert_near(r.cadence_spm, 239.8, 1e-9);
	imp_cadence_rule(&r); /* never twice: a doubled value is steps */
	assert_near(r.cadence_spm, 239.8, 1e-9);
}

/* Movescount writes heart rate, cadence and temperature in Cluetrust's gpxdata namespace. */
static void test_gpxdata(void **state)
{
	nf_import *im = read_ok(DATA "movescount-gpxdata.gpx", NULL);
	const nf_run_record *r = nf_import_get(im, 0);
	assert_near(r->heart_rate_bpm, 144.46, 0.01);
	assert_near(r->temperature_c, 11, 0);
	assert_int_equal(nf_import_note_count(im), 0); /* declared: no warning */
	nf_import_free(im);
	im = read_ok(DATA "strava-undeclared.gpx", NULL);
	assert_near(nf_import_get(im, 0)->heart_rate_bpm, 144.46, 0.01);
	assert_int_equal(nf_import_note_count(im), 1);
	assert_contains(nf_import_note(im, 0), "the prefix 'gpxdata:' is used but never declared");
	nf_import_free(im);
}

/* A brick (run 1200 s, ride, run 4000 s): two runs, each with its own records, distance and
 * route; the second named NAME#2 with a hash of its own. */
static void test_brick(void **state)
{
	nf_import_opts o;
	nf_import_opts_init(&o);
	o.route = true;
	nf_import *im = read_ok(DATA "brick.fit", &o);
	assert_int_equal(nf_import_count(im), 2);
	const nf_run_record *a = nf_import_get(im, 0), *b = nf_import_get(im, 1);
	assert_int_equal(a->records, 1200);
	assert_int_equal(b->records, 4000);
	assert_near(a->distance_m, 3716.89, 0.01);
	assert_near(b->distance_m, 12796.8, 0.01);
	assert_int_equal(a->start_time, T0);
	assert_int_equal(b->start_time, T0 + 1200 + 30 + 1800 + 30);
	assert_string_equal(a->source_file, "brick.fit");
	assert_string_equal(b->source_file, "brick.fit#2");
	assert_string_not_equal(a->source_sha256, b->source_sha256);
	size_t n = 0;
	const nf_track_point *route = nf_import_route(im, 1, &n);
	assert_true(n > 100 && route);
	/* The second run's route starts where its leg starts, past the ride. */
	assert_true(route[0].lat > 51.5 + (1200 * 3.1 + 1800 * 8.0) / 111195.0 - 1e-4);
	assert_int_equal(nf_import_note_count(im), 1);
	assert_contains(nf_import_note(im, 0), "session 2: not a run: cycling");
	nf_import_free(im);
	/* Read from memory the same way (the second pass rewinds the buffer). */
	size_t len;
	unsigned char *buf = fixture_read("../cli/data/import/brick.fit", &len);
	nf_error err;
	assert_int_equal(nf_import_read_buffer(buf, len, "brick.fit", NULL, &im, &err), NF_OK);
	assert_int_equal(nf_import_count(im), 2);
	assert_int_equal(nf_import_get(im, 1)->records, 4000);
	nf_import_free(im);
	free(buf);
}

static void test_tcx_activities(void **state)
{
	nf_import *im = read_ok(DATA "three-runs.tcx", NULL);
	assert_int_equal(nf_import_count(im), 3);
	for (size_t k = 0; k < 3; k++) {
		assert_int_equal(nf_import_get(im, k)->start_time, T0 + 86400 * (int64_t)k);
		assert_near(nf_import_get(im, k)->elapsed_s, 1500 + 300 * k, 0);
	}
	nf_import_free(im);
	im = read_ok(DATA "bike-run-bike.tcx", NULL);
	assert_int_equal(nf_import_count(im), 1);
	assert_int_equal(nf_import_get(im, 0)->start_time, T0 + 1900);
	assert_int_equal(nf_import_note_count(im), 2);
	nf_import_free(im);
}

/* A straight GPX track into doc: points from (45, 10) northwards, step_m apart and step_s apart
 * from 2026-10-04T06:30:00Z, each with heart rate hr when hr > 0. Returns its length. */
static size_t line_gpx(char *doc, size_t cap, int npoints, double step_m, int step_s, int hr)
{
	size_t n = (size_t)snprintf(doc, cap,
				    "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\" "
				    "xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\"><trk><trkseg>\n");
	for (int i = 0; i < npoints; i++) {
		int t = 6 * 3600 + 30 * 60 + i * step_s;
		n += (size_t)snprintf(doc + n, cap - n, "<trkpt lat=\"%.6f\" lon=\"10\"><time>2026-10-04T%02d:%02d:%02dZ</time>",
				      45 + i * step_m / 111195.0, t / 3600, t / 60 % 60, t % 60);
		if (hr > 0)
			n += (size_t)snprintf(doc + n, cap - n,
					      "<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>%d</gpxtpx:hr>"
					      "</gpxtpx:TrackPointExtension></extensions>", hr);
		n += (size_t)snprintf(doc + n, cap - n, "</trkpt>\n");
	}
	n += (size_t)snprintf(doc + n, cap - n, "</trkseg></trk></gpx>\n");
	assert_true(n < cap);
	return n;
}

/* Points a minute or more apart leave no interval to count as moving (gpxpy's
 * first_and_last_elevation.gpx: 107 km in an hour with a moving time of 0): the speed is
 * judged over the elapsed time then, where it was judged over nothing and the file kept. */
static void test_speed_without_moving_time(void **state)
{
	char doc[2048];
	/* 25 m/s (1750 m every 70 s) for 630 s: no run, and nobody on foot. */
	size_t n = line_gpx(doc, sizeof doc, 10, 1750, 70, 0);
	nf_import *im = NULL;
	nf_error err;
	assert_int_equal(nf_import_read_buffer(doc, n, "car.gpx", NULL, &im, &err), NF_ESKIP);
	assert_contains(err.msg, "car.gpx: 15.8 km at 25.0 m/s is not a run");
	nf_import_opts o;
	nf_import_opts_init(&o);
	o.keep_any_sport = true;
	assert_int_equal(nf_import_read_buffer(doc, n, "car.gpx", &o, &im, &err), NF_EPARSE);
	assert_contains(err.msg, "25.0 m/s sustained over 15.8 km is faster than anyone runs");
}

/* Points all a minute or more apart (caltopo's export: 6 points over 22 hours) leave no
 * interval to judge moving or standing: the moving time is unknown, where it was 0 (a 11 km run
 * "in 0:00"); one interval under a minute is enough to judge. */
static void test_moving_time_unknown(void **state)
{
	static const char sparse[] =
		"<gpx xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg>\n"
		"<trkpt lat=\"45\" lon=\"10\"><time>2026-10-04T06:30:00Z</time></trkpt>\n"
		"<trkpt lat=\"45.0019\" lon=\"10\"><time>2026-10-04T06:31:10Z</time></trkpt>\n"
		"<trkpt lat=\"45.0038\" lon=\"10\"><time>2026-10-04T06:32:20Z</time></trkpt>\n"
		"</trkseg></trk></gpx>\n";
	nf_run_record run;
	nf_error err;
	assert_int_equal(nf_import_buffer(sparse, strlen(sparse), "sparse.gpx", &run, &err), NF_OK);
	assert_true(isnan(run.moving_s));
	assert_near(run.elapsed_s, 140, 0);
	assert_near(run.distance_m, 422.5, 0.5);
	static const char one[] =
		"<gpx xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg>\n"
		"<trkpt lat=\"45\" lon=\"10\"><time>2026-10-04T06:30:00Z</time></trkpt>\n"
		"<trkpt lat=\"45.0019\" lon=\"10\"><time>2026-10-04T06:31:10Z</time></trkpt>\n"
		"<trkpt lat=\"45.0020\" lon=\"10\"><time>2026-10-04T06:31:20Z</time></trkpt>\n"
		"</trkseg></trk></gpx>\n";
	assert_int_equal(nf_import_buffer(one, strlen(one), "one.gpx", &run, &err), NF_OK);
	assert_near(run.moving_s, 10, 0);
}

/* Recordings no one ran: kilometres with every point at one time (refused: no speed check can
 * divide by it), a start years ahead of the caller's now (refused), and a zone offset of +99:99
 * (not a time). */
static void test_impossible_recordings(void **state)
{
	char doc[4096];
	size_t n = line_gpx(doc, sizeof doc, 20, 500, 0, 0); /* 9.5 km, every point at 06:30:00 */
	nf_import *im = NULL;
	nf_error err;
	assert_int_equal(nf_import_read_buffer(doc, n, "same.gpx", NULL, &im, &err), NF_EPARSE);
	assert_contains(err.msg, " km with no time between its first and last point: not one recorded run");
	static const char later[] = "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg>\n"
				    "<trkpt lat=\"45\" lon=\"10\"><time>2099-10-04T06:30:00Z</time></trkpt>\n"
				    "<trkpt lat=\"45.0019\" lon=\"10\"><time>2099-10-04T06:31:10Z</time></trkpt>\n"
				    "</trkseg></trk></gpx>\n";
	nf_import_opts o;
	nf_import_opts_init(&o);
	assert_int_equal(nf_import_read_buffer(later, strlen(later), "later.gpx", &o, &im, &err), NF_OK);
	nf_import_free(im);
	o.now = 1796601600; /* 2026-12-07 */
	assert_int_equal(nf_import_read_buffer(later, strlen(later), "later.gpx", &o, &im, &err), NF_EPARSE);
	assert_contains(err.msg, "it starts on 2099-10-04, in the future");
	double t;
	assert_false(imp_parse_time("2026-10-10T07:00:00+99:99", &t));
	assert_false(imp_parse_time("2026-10-10T07:00:00+15:00", &t));
	assert_true(imp_parse_time("2026-10-10T07:00:00+14:00", &t));
	assert_true(imp_parse_time("2026-10-10T07:00:00-12:00", &t));
}

/* Heart rates no runner has: readings of 300 or more are left out with a warning that counts
 * them, and an average over 250 (which a typed run is refused for) is left out with a warning. */
static void test_heart_rates_out_of_range(void **state)
{
	char doc[4096];
	for (int hr = 0; hr < 2; hr++) {
		size_t n = line_gpx(doc, sizeof doc, 10, 3, 5, hr ? 900 : 260);
		nf_import *im = NULL;
		nf_error err;
		assert_int_equal(nf_import_read_buffer(doc, n, "hr.gpx", NULL, &im, &err), NF_OK);
		assert_true(isnan(nf_import_get(im, 0)->heart_rate_bpm));
		assert_int_equal(nf_import_note_count(im), 1);
		assert_contains(nf_import_note(im, 0), hr ? "10 heart-rate readings of 300 bpm or more"
							   : "an average heart rate of 260 bpm is more than any run's (250)");
		nf_import_free(im);
	}
}

/* hex floats, infinities and NaN are not numbers; decimals with exponents are. */
static void test_numbers(void **state)
{
	double v;
	assert_false(imp_parse_double("0x1.9p+5", &v));
	assert_false(imp_parse_double("inf", &v));
	assert_false(imp_parse_double("nan", &v));
	assert_false(imp_parse_double("1e999", &v));
	assert_true(imp_parse_double(" -1.5e2 ", &v));
	assert_near(v, -150, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tcx_start_from_lap), cmocka_unit_test(test_tcx_elapsed_from_laps),
		cmocka_unit_test(test_cadence_rule),       cmocka_unit_test(test_gpxdata),
		cmocka_unit_test(test_brick),              cmocka_unit_test(test_tcx_activities),
		cmocka_unit_test(test_numbers),            cmocka_unit_test(test_speed_without_moving_time),
		cmocka_unit_test(test_moving_time_unknown),  cmocka_unit_test(test_impossible_recordings),
		cmocka_unit_test(test_heart_rates_out_of_range),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
