/* The route an import keeps (nf_import_file_route): every positioned point of a short run, an even
 * thinning to NF_TRACK_MAX of a long one with its first and last points, times from the first
 * point, distances from the file or else along the positions, no fix (0, 0) left out, and nothing
 * kept from a file that fails. */
#include <unistd.h>

#include "test_import_util.h"

/* Writes a GPX of n points heading north from 45 N 7 E, one a second, 10 m apart (about
 * 8.99e-5 degrees of latitude); point k is at (0, 0) when k < no_fix. Returns its path. */
static const char *write_gpx(const char *name, int n, int no_fix)
{
	static char path[256];
	snprintf(path, sizeof path, "/tmp/numbfoot-route-%d-%s.gpx", (int)getpid(), name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"test\" "
	      "xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><type>running</type><trkseg>\n",
	      f);
	for (int k = 0; k < n; k++) {
		double lat = k < no_fix ? 0 : 45 + k * 8.99e-5, lon = k < no_fix ? 0 : 7;
		fprintf(f, "<trkpt lat=\"%.7f\" lon=\"%.7f\"><time>2026-11-01T%02d:%02d:%02dZ</time></trkpt>\n", lat, lon,
			7 + k / 3600, (k / 60) % 60, k % 60);
	}
	fputs("</trkseg></trk></gpx>\n", f);
	fclose(f);
	return path;
}

static void short_run_keeps_every_point(void **state)
{
	(void)state;
	const char *p = write_gpx("short", 100, 3);
	nf_run_record run;
	nf_track_point *tr = NULL;
	size_t n = 0;
	nf_error err = {0};
	assert_int_equal(nf_import_file_route(p, &run, &tr, &n, &err), NF_OK);
	assert_int_equal(n, 97); /* the three points without a fix are left out */
	assert_non_null(tr);
	assert_true(fabs(tr[0].lat - (45 + 3 * 8.99e-5)) < 1e-9);
	assert_true(fabs(tr[0].lon - 7) < 1e-9);
	assert_true(fabs(tr[0].t - 3) < 1e-9); /* seconds since the file's first point */
	assert_true(fabs(tr[0].dist_m) < 1e-9);
	for (size_t i = 1; i < n; i++) {
		assert_true(tr[i].dist_m > tr[i - 1].dist_m);
		assert_true(fabs(tr[i].dist_m - tr[i - 1].dist_m - 10.0) < 0.05); /* along the positions */
	}
	assert_true(fabs(tr[n - 1].t - 99) < 1e-9);
	free(tr);
	unlink(p);
}

static void long_run_is_thinned_evenly(void **state)
{
	(void)state;
	const int total = 3 * NF_TRACK_MAX + 7; /* past the buffer twice: the stride doubles twice */
	const char *p = write_gpx("long", total, 0);
	nf_run_record run;
	nf_track_point *tr = NULL;
	size_t n = 0;
	nf_error err = {0};
	assert_int_equal(nf_import_file_route(p, &run, &tr, &n, &err), NF_OK);
	assert_int_equal(n, NF_TRACK_MAX);
	assert_true(fabs(tr[0].t) < 1e-9);
	assert_true(fabs(tr[n - 1].t - (total - 1)) < 1e-9); /* the last point ends the route */
	double gap = (total - 1.0) / (NF_TRACK_MAX - 1.0);
	for (size_t i = 1; i < n; i++) {
		double step = tr[i].t - tr[i - 1].t;
		assert_true(step > 0);
		assert_true(step < 2.5 * gap); /* evenly spread: no stretch left empty */
	}
	double step_m = 8.99e-5 * M_PI / 180 * 6371008.8; /* the haversine's own radius */
	assert_true(fabs(run.distance_m - (total - 1) * step_m) < 1);
	assert_true(fabs(tr[n - 1].dist_m - (total - 1) * step_m) < 1);
	free(tr);
	unlink(p);
}

static void no_positions_no_route(void **state)
{
	(void)state;
	const char *path = "fuzz/corpus/tcx/lap-only.tcx"; /* a lap's totals, no track points */
	nf_run_record run;
	nf_track_point *tr = (nf_track_point *)&run; /* set to NULL by the call */
	size_t n = 99;
	nf_error err = {0};
	assert_int_equal(nf_import_file_route(path, &run, &tr, &n, &err), NF_OK);
	assert_null(tr);
	assert_int_equal(n, 0);
}

static void failing_file_keeps_nothing(void **state)
{
	(void)state;
	nf_run_record run;
	nf_track_point *tr = NULL;
	size_t n = 0;
	nf_error err = {0};
	assert_int_equal(nf_import_file_route("fuzz/corpus/gpx/unterminated.gpx", &run, &tr, &n, &err), NF_EPARSE);
	assert_null(tr);
	assert_int_equal(n, 0);
	assert_non_null(strstr(err.msg, "unterminated.gpx"));
	assert_int_equal(nf_import_file_route("/nonexistent/x.gpx", &run, &tr, &n, &err), NF_EIO);
	assert_null(tr);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(short_run_keeps_every_point),
		cmocka_unit_test(long_run_is_thinned_evenly),
		cmocka_unit_test(no_positions_no_route),
		cmocka_unit_test(failing_file_keeps_nothing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
