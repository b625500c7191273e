/* Unit tests of the GPX reader: the gpxpy fixtures, Garmin's TrackPointExtension v1 and v2 under
 * any prefix or none, the moving-time rule, sports, and hostile XML. */
#include "test_import_util.h"

#define GPX_HEAD                                                                                  \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                         \
	"<gpx version=\"1.1\" creator=\"t\" xmlns=\"http://www.topografix.com/GPX/1/1\"\n"     \
	" xmlns:ns3=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v2\"\n"             \
	" xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">\n"

/* Five points 10 s apart along the equator from 1 E (0 N 0 E is the no-fix mark), 0.0002 degrees
 * (22.239 m) a step, with a standstill
 * (p2) and an 80-second gap (p2 -> p3): moving time counts only p0 -> p1 and p3 -> p4. */
static const char run_gpx[] =
	GPX_HEAD
	"<trk><name>r</name><type>running</type><trkseg>\n"
	"<trkpt lat=\"0\" lon=\"1\"><time>2026-10-04T06:30:00Z</time><extensions>"
	"<ns3:TrackPointExtension><ns3:hr>100</ns3:hr><ns3:cad>80</ns3:cad><ns3:atemp>10</ns3:atemp>"
	"</ns3:TrackPointExtension></extensions></trkpt>\n"
	"<trkpt lat=\"0\" lon=\"1.0002\"><time>2026-10-04T06:30:10Z</time><extensions>"
	"<gpxtpx:TrackPointExtension><gpxtpx:hr>110</gpxtpx:hr><gpxtpx:cad>85</gpxtpx:cad>"
	"<gpxtpx:atemp>12</gpxtpx:atemp></gpxtpx:TrackPointExtension></extensions></trkpt>\n"
	"<trkpt lat=\"0\" lon=\"1.0002\"><time>2026-10-04T06:30:20.000Z</time><extensions>"
	"<TrackPointExtension><hr>120</hr><cad>0</cad></TrackPointExtension></extensions></trkpt>\n"
	"<trkpt lat=\"0\" lon=\"1.0004\"><time>2026-10-04T08:31:40+02:00</time></trkpt>\n"
	"<trkpt lat=\"0\" lon=\"1.0006\"><time>2026-10-04T06:31:50Z</time><extensions>"
	"<x:TrackPointExtension xmlns:x=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">"
	"<x:hr>130</x:hr></x:TrackPointExtension></extensions></trkpt>\n"
	"</trkseg></trk></gpx>\n";

static void test_points_and_rules(void **state)
{
	nf_run_record run;
	nf_error err;
	assert_int_equal(decode_str(run_gpx, &run, &err), NF_OK);
	assert_string_equal(run.sport, "running");
	assert_int_equal(run.start_time, 1791095400);
	assert_int_equal(run.records, 5);
	assert_near(run.distance_m, 66.717, 0.001);
	assert_near(run.elapsed_s, 110, 0);
	assert_near(run.moving_s, 20, 0);
	assert_near(run.heart_rate_bpm, 115, 1e-9);
	assert_near(run.cadence_spm, 165, 1e-9); /* (80 + 85) / 2 strides, doubled; 0 left out */
	assert_near(run.temperature_c, 11, 1e-9);
	assert_near(run.stride_m, 66.717 / (165 * 20 / 60.0), 0.001);
	assert_string_equal(run.source_file, "inline.xml");
	assert_int_equal(strlen(run.source_sha256), 64);
}

static void test_all_fields_fixture(void **state)
{
	char path[512];
	nf_run_record run;
	nf_error err;
	fixture_path(path, sizeof path, "gpx/gpx1.1_with_all_fields.gpx");
	assert_int_equal(nf_import_file(path, &run, &err), NF_OK);
	/* One trkpt; a time without a zone is UTC; wpt and rtept are not the run. */
	assert_int_equal(run.records, 1);
	assert_int_equal(run.start_time, 1357041604);
	assert_near(run.elapsed_s, 0, 0);
	assert_true(isnan(run.distance_m));
	assert_string_equal(run.sport, "t");
	assert_string_equal(run.source_file, "gpx1.1_with_all_fields.gpx");
	/* The SHA-256 of the file's bytes, computed as it streamed. */
	size_t len;
	unsigned char *buf = fixture_read("gpx/gpx1.1_with_all_fields.gpx", &len);
	unsigned char md[32];
	unsigned int mdlen;
	char hex[65];
	assert_int_equal(EVP_Digest(buf, len, md, &mdlen, EVP_sha256(), NULL), 1);
	for (int i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", md[i]);
	assert_string_equal(run.source_sha256, hex);
	free(buf);
}

/* Replaces every "from" in text by "to" into a new malloc'ed string. */
static char *replace(const char *text, const char *from, const char *to)
{
	size_t fl = strlen(from), tl = strlen(to), n = 0;
	for (const char *p = text; (p = strstr(p, from)); p += fl)
		n++;
	char *out = malloc(strlen(text) + n * (tl > fl ? tl - fl : 0) + 1), *o = out;
	assert_non_null(out);
	for (const char *p = text;;) {
		const char *q = strstr(p, from);
		if (!q) {
			memcpy(o, p, strlen(p) + 1);
			break;
		}
		memcpy(o, p, (size_t)(q - p));
		o += q - p;
		memcpy(o, to, tl);
		o += tl;
		p = q + fl;
	}
	return out;
}

/* The fixtures with extensions hold their data in a <wpt>, which is no run (NF_ESKIP). Turned
 * into a track point, the Garmin extension's heart rate is read. */
static void test_garmin_extension_fixture(void **state)
{
	char path[512];
	nf_run_record run;
	nf_error err;
	fixture_path(path, sizeof path, "gpx/gpx_with_garmin_extension.gpx");
	assert_int_equal(nf_import_file(path, &run, &err), NF_ESKIP);
	assert_contains(err.msg, "no track points");

	size_t len;
	unsigned char *buf = fixture_read("gpx/gpx_with_garmin_extension.gpx", &len);
	char *a = replace((char *)buf, "<wpt", "<trk><trkseg><trkpt");
	char *b = replace(a, "</wpt>", "</trkpt></trkseg></trk>");
	assert_int_equal(decode_str(b, &run, &err), NF_OK);
	assert_near(run.heart_rate_bpm, 171, 0);
	assert_int_equal(run.start_time, 1466206863);
	assert_int_equal(run.records, 1);
	free(b);
	free(a);
	free(buf);
}

static void test_extensions_without_namespaces(void **state)
{
	char path[512];
	nf_run_record run;
	nf_error err;
	fixture_path(path, sizeof path, "gpx/gpx1.1_with_extensions_without_namespaces.gpx");
	assert_int_equal(nf_import_file(path, &run, &err), NF_ESKIP);

	size_t len;
	unsigned char *buf = fixture_read("gpx/gpx1.1_with_extensions_without_namespaces.gpx", &len);
	char *a = replace((char *)buf, "<wpt", "<trk><trkseg><trkpt");
	char *b = replace(a, "</wpt>", "<time>2020-01-01T00:00:00Z</time></trkpt></trkseg></trk>");
	/* Unknown extension elements with mixed content are ignored. */
	assert_int_equal(decode_str(b, &run, &err), NF_OK);
	assert_int_equal(run.records, 1);
	free(b);
	free(a);
	free(buf);

	/* Heart rate and cadence written without any namespace declaration at all. */
	static const char bare[] =
		"<gpx><trk><trkseg><trkpt lat=\"1\" lon=\"2\"><time>2020-01-01T00:00:00Z</time>"
		"<extensions><TrackPointExtension><hr>150</hr><cad>88</cad></TrackPointExtension>"
		"</extensions></trkpt></trkseg></trk></gpx>";
	assert_int_equal(decode_str(bare, &run, &err), NF_OK);
	assert_near(run.heart_rate_bpm, 150, 0);
	assert_near(run.cadence_spm, 176, 0);
}

static void test_sports(void **state)
{
	nf_run_record run;
	nf_error err;
	static const char *const skip[] = {"cycling", "Biking", "road_biking", "1"};
	for (size_t i = 0; i < sizeof skip / sizeof skip[0]; i++) {
		char doc[512];
		snprintf(doc, sizeof doc,
			 "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\"><trk>\n<type>%s</type>"
			 "<trkseg><trkpt lat=\"1\" lon=\"2\"/></trkseg></trk></gpx>", skip[i]);
		assert_int_equal(decode_str(doc, &run, &err), NF_ESKIP);
		assert_contains(err.msg, "inline.xml:2: not a run: ");
	}
	/* No <type> is a run with the sport unsaid. */
	assert_int_equal(decode_str("<gpx><trk><trkseg><trkpt lat=\"1\" lon=\"2\"><time>2020-01-01T10:00:00Z"
				    "</time></trkpt></trkseg></trk></gpx>",
				    &run, &err), NF_OK);
	assert_string_equal(run.sport, "");
	/* A track of which no point has a time is a route drawn or planned, not a recording
	 * (togeojson's north_core.gpx: 982 km in 34 points), even one typed a run; '--sport run'
	 * keeps it. */
	static const char drawn[] = "<gpx><trk><type>running</type><trkseg>\n<trkpt lat=\"1\" lon=\"2\"/>"
				    "<trkpt lat=\"5\" lon=\"2\"/></trkseg></trk></gpx>";
	assert_int_equal(decode_str(drawn, &run, &err), NF_ESKIP);
	assert_contains(err.msg, "inline.xml:1: no point has a time: a route drawn or planned, not a recorded run");
	nf_import_opts o;
	nf_import_opts_init(&o);
	o.keep_any_sport = true;
	nf_import *im = NULL;
	assert_int_equal(nf_import_read_buffer(drawn, strlen(drawn), "drawn.gpx", &o, &im, &err), NF_OK);
	assert_near(nf_import_get(im, 0)->distance_m, 444780, 10);
	nf_import_free(im);
}

/* The root element decides the format, not the first name found in the head: a GPX converted
 * from Garmin's TCX (gpxpy's track-with-empty-segment.gpx) declares the TCX namespace on its
 * <gpx>, and a TCX may name gpx in a comment. */
static void test_root_decides_format(void **state)
{
	static const char gpx_from_tcx[] =
		"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
		"<gpx xmlns=\"http://www.topografix.com/GPX/1/1\" "
		"xmlns:tc2=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\" version=\"1.1\" "
		"creator=\"TC2 to GPX11 XSLT stylesheet\">\n"
		"<trk><trkseg><trkpt lat=\"1\" lon=\"2\"><time>2013-07-06T14:56:26Z</time></trkpt>\n"
		"<trkpt lat=\"1\" lon=\"2.0001\"><time>2013-07-06T14:56:30Z</time></trkpt>"
		"</trkseg></trk></gpx>\n";
	static const char tcx_naming_gpx[] =
		"<?xml version=\"1.0\"?>\n<!-- converted from <gpx> by hand -->\n"
		"<x:TrainingCenterDatabase xmlns:x=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\">"
		"</x:TrainingCenterDatabase>";
	assert_int_equal(nf_import_detect(gpx_from_tcx, sizeof gpx_from_tcx - 1, "a.tcx"), NF_FORMAT_GPX);
	assert_int_equal(nf_import_detect(tcx_naming_gpx, sizeof tcx_naming_gpx - 1, "b.gpx"), NF_FORMAT_TCX);
	/* No root element in the head: the name decides. */
	assert_int_equal(nf_import_detect("<?xml version=\"1.0\"?>", 21, "c.gpx"), NF_FORMAT_GPX);
	nf_run_record run;
	nf_error err;
	assert_int_equal(decode_str(gpx_from_tcx, &run, &err), NF_OK);
	assert_int_equal(run.records, 2);
	assert_near(run.elapsed_s, 4, 0);
	/* gpxpy's own file: nine points in a segment, then an empty one. */
	char path[512];
	fixture_path(path, sizeof path, "gpx/track-with-empty-segment.gpx");
	assert_int_equal(nf_import_file(path, &run, &err), NF_OK);
	assert_int_equal(run.records, 9);
	assert_int_equal(run.start_time, 1373131586); /* 2013-07-06T17:26:26Z */
	assert_near(run.elapsed_s, 76, 0);
	assert_near(run.distance_m, 85.85, 0.01);
}

/* Tracks from different days in one file (a route collection such as ExpertGPS's, in
 * togeojson's blue_hills.gpx) whose last point is before its first: no one recorded activity,
 * refused at the line of the first point before the start, where the journal's own check used
 * to refuse it with no line, after a warning of a negative elapsed time. */
static void test_times_run_backwards(void **state)
{
	static const char doc[] =
		"<gpx xmlns=\"http://www.topografix.com/GPX/1/0\">\n"
		"<trk><trkseg>\n"
		"<trkpt lat=\"42.2\" lon=\"-71.1\"><time>2001-06-24T20:59:47Z</time></trkpt>\n"
		"<trkpt lat=\"42.2001\" lon=\"-71.1\"><time>2001-06-24T21:00:47Z</time></trkpt>\n"
		"</trkseg></trk>\n<trk><trkseg>\n"
		"<trkpt lat=\"42.21\" lon=\"-71.1\"><time>2001-05-26T15:15:07Z</time></trkpt>\n"
		"<trkpt lat=\"42.2101\" lon=\"-71.1\"><time>2001-05-26T15:16:07Z</time></trkpt>\n"
		"</trkseg></trk></gpx>\n";
	nf_run_record run;
	nf_error err;
	assert_int_equal(decode_str(doc, &run, &err), NF_EPARSE);
	assert_contains(err.msg, "inline.xml:7: ");
	assert_contains(err.msg, "before the first");
	/* Out of order within the file, but ending after the start: read, from first to last. */
	static const char late[] =
		"<gpx xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg>\n"
		"<trkpt lat=\"1\" lon=\"2\"><time>2020-01-01T10:00:00Z</time></trkpt>\n"
		"<trkpt lat=\"1\" lon=\"2.0001\"><time>2020-01-01T09:59:59Z</time></trkpt>\n"
		"<trkpt lat=\"1\" lon=\"2.0002\"><time>2020-01-01T10:00:20Z</time></trkpt>\n"
		"</trkseg></trk></gpx>\n";
	assert_int_equal(decode_str(late, &run, &err), NF_OK);
	assert_near(run.elapsed_s, 20, 0);
}

/* The only note of im that contains needle, or NULL. */
static const char *note_with(const nf_import *im, const char *needle)
{
	for (size_t i = 0; i < nf_import_note_count(im); i++)
		if (strstr(nf_import_note(im, i), needle))
			return nf_import_note(im, i);
	return NULL;
}

/* One point timed before the one before it (08:00, 08:05, 08:02, 08:10) was summed in the
 * file's order, with no word: 1 km north, 0.1 km back, 1.3 km north again. The point is a
 * clock's glitch: left out of the distance, the route and the time, named at its line. */
static void test_point_timed_back(void **state)
{
	static const char doc[] =
		"<gpx xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><type>running</type><trkseg>\n"
		"<trkpt lat=\"51.5\" lon=\"-0.1\"><time>2025-03-21T08:00:00Z</time></trkpt>\n"
		"<trkpt lat=\"51.509\" lon=\"-0.1\"><time>2025-03-21T08:05:00Z</time></trkpt>\n"
		"<trkpt lat=\"51.508\" lon=\"-0.1\"><time>2025-03-21T08:02:00Z</time></trkpt>\n"
		"<trkpt lat=\"51.52\" lon=\"-0.1\"><time>2025-03-21T08:10:00Z</time></trkpt>\n"
		"</trkseg></trk></gpx>\n";
	nf_import *im = NULL;
	nf_import_opts o;
	nf_error err;
	size_t nroute = 0;
	nf_import_opts_init(&o);
	o.route = true;
	assert_int_equal(nf_import_read_buffer(doc, strlen(doc), "midback.gpx", &o, &im, &err), NF_OK);
	const nf_run_record *run = nf_import_get(im, 0);
	/* 0.02 degrees of latitude, straight: the point going back adds nothing. */
	assert_near(run->distance_m, imp_haversine(51.5, -0.1, 51.52, -0.1), 0.01);
	assert_near(run->elapsed_s, 600, 0);
	assert_int_equal(run->records, 4);
	nf_import_route(im, 0, &nroute);
	assert_int_equal(nroute, 3);
	const char *note = note_with(im, "timed before");
	assert_non_null(note);
	assert_contains(note, "midback.gpx:4: 1 point timed before an earlier one");
	assert_contains(note, "left out of the distance and the route");
	nf_import_free(im);
}

/* A repeated second is no glitch: kept, with no note. */
static void test_repeated_second_kept(void **state)
{
	static const char doc[] =
		"<gpx xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><type>running</type><trkseg>\n"
		"<trkpt lat=\"51.5\" lon=\"-0.1\"><time>2025-03-21T08:00:00Z</time></trkpt>\n"
		"<trkpt lat=\"51.5001\" lon=\"-0.1\"><time>2025-03-21T08:00:05Z</time></trkpt>\n"
		"<trkpt lat=\"51.5001\" lon=\"-0.1\"><time>2025-03-21T08:00:05Z</time></trkpt>\n"
		"<trkpt lat=\"51.5002\" lon=\"-0.1\"><time>2025-03-21T08:00:10Z</time></trkpt>\n"
		"</trkseg></trk></gpx>\n";
	nf_import *im = NULL;
	nf_error err;
	assert_int_equal(nf_import_read_buffer(doc, strlen(doc), "rep.gpx", NULL, &im, &err), NF_OK);
	assert_null(note_with(im, "timed before"));
	assert_near(nf_import_get(im, 0)->elapsed_s, 10, 0);
	nf_import_free(im);
}

/* A track of an hour, then a second segment of k points inside it again. */
static void segment_back(char *doc, size_t cap, int k)
{
	size_t n = (size_t)snprintf(doc, cap,
				    "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg>\n"
				    "<trkpt lat=\"51.5\" lon=\"-0.1\"><time>2025-03-21T08:00:00Z</time></trkpt>\n"
				    "<trkpt lat=\"51.53\" lon=\"-0.1\"><time>2025-03-21T09:00:00Z</time></trkpt>\n"
				    "</trkseg><trkseg>\n");
	for (int i = 0; i < k; i++)
		n += (size_t)snprintf(doc + n, cap - n,
				      "<trkpt lat=\"51.5%d\" lon=\"-0.1\"><time>2025-03-21T08:1%d:00Z</time></trkpt>\n",
				      i, i);
	snprintf(doc + n, cap - n, "</trkseg></trk></gpx>\n");
}

/* A second segment that goes back in time but ends after the first point: more than
 * IMP_BACK_RUN_MAX points in a row going back are no glitch but a track run twice or two
 * merged; refused at the first of them, where they used to be summed in the file's order. */
static void test_segment_timed_back(void **state)
{
	char doc[4096];
	nf_run_record run;
	nf_error err;
	nf_import *im = NULL;

	segment_back(doc, sizeof doc, IMP_BACK_RUN_MAX + 1);
	assert_int_equal(nf_import_buffer(doc, strlen(doc), "twice.gpx", &run, &err), NF_EPARSE);
	assert_contains(err.msg, "twice.gpx:5: more than 5 points in a row timed before an earlier one");
	/* As many as IMP_BACK_RUN_MAX are glitches, left out with a note naming the first. */
	segment_back(doc, sizeof doc, IMP_BACK_RUN_MAX);
	assert_int_equal(nf_import_read_buffer(doc, strlen(doc), "few.gpx", NULL, &im, &err), NF_OK);
	assert_non_null(note_with(im, "few.gpx:5: 5 points timed before an earlier one"));
	assert_near(nf_import_get(im, 0)->elapsed_s, 3600, 0);
	nf_import_free(im);
}

/* Points that never moved (three at one place and one second, or two at one place half an hour
 * apart) were stored as runs of 0 m; a typed run of 0 km is refused. Skipped as no recorded run,
 * not refused. */
static void test_no_distance(void **state)
{
	static const char still[] =
		"<gpx xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><type>running</type><trkseg>\n"
		"<trkpt lat=\"51.5\" lon=\"-0.1\"><time>2025-03-17T08:00:00Z</time></trkpt>\n"
		"<trkpt lat=\"51.5\" lon=\"-0.1\"><time>2025-03-17T08:00:00Z</time></trkpt>\n"
		"<trkpt lat=\"51.5\" lon=\"-0.1\"><time>2025-03-17T08:00:00Z</time></trkpt>\n"
		"</trkseg></trk></gpx>\n";
	static const char paused[] =
		"<gpx xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><type>running</type><trkseg>\n"
		"<trkpt lat=\"51.5\" lon=\"-0.1\"><time>2025-03-20T08:00:00Z</time></trkpt>\n"
		"<trkpt lat=\"51.5\" lon=\"-0.1\"><time>2025-03-20T08:30:00Z</time></trkpt>\n"
		"</trkseg></trk></gpx>\n";
	nf_run_record run;
	nf_error err;
	assert_int_equal(nf_import_buffer(still, strlen(still), "still.gpx", &run, &err), NF_ESKIP);
	assert_contains(err.msg, "still.gpx:1: no distance (0 m in 0 s): not a recorded run");
	assert_int_equal(nf_import_buffer(paused, strlen(paused), "paused.gpx", &run, &err), NF_ESKIP);
	assert_contains(err.msg, "paused.gpx:1: no distance (0 m in 1800 s): not a recorded run");
}

/* A time without a zone was taken as UTC in silence: a writer of local times puts the run hours
 * off. Still taken as UTC, with one warning a file naming the first such line. */
static void test_time_without_zone(void **state)
{
	static const char doc[] =
		"<gpx xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><type>running</type><trkseg>\n"
		"<trkpt lat=\"51.5\" lon=\"-0.1\"><time>2025-03-19T08:00:00Z</time></trkpt>\n"
		"<trkpt lat=\"51.505\" lon=\"-0.1\"><time>2025-03-19T08:15:00</time></trkpt>\n"
		"<trkpt lat=\"51.51\" lon=\"-0.1\"><time>2025-03-19T08:30:00</time></trkpt>\n"
		"</trkseg></trk></gpx>\n";
	nf_import *im = NULL;
	nf_error err;
	assert_int_equal(nf_import_read_buffer(doc, strlen(doc), "local.gpx", NULL, &im, &err), NF_OK);
	assert_int_equal(nf_import_get(im, 0)->start_time, 1742371200);
	assert_near(nf_import_get(im, 0)->elapsed_s, 1800, 0);
	size_t told = 0;
	for (size_t i = 0; i < nf_import_note_count(im); i++)
		told += strstr(nf_import_note(im, i), "no time zone") != NULL;
	assert_int_equal(told, 1);
	assert_non_null(note_with(im, "local.gpx:3: <time> \"2025-03-19T08:15:00\" has no time zone: taken as UTC"));
	nf_import_free(im);
}

/* A time before 1970 is no watch's (gpxgo's Mojstrovka.gpx: 1901-12-13T20:45:52, the least
 * 32-bit time, on every point): refused at its line, where the journal refused the run after
 * the read with no line ("start time out of range"). */
static void test_time_before_1970(void **state)
{
	static const char doc[] =
		"<gpx>\n<trk><trkseg>\n<trkpt lat=\"46.43\" lon=\"13.74\">\n"
		"<time>1901-12-13T20:45:52.2073437Z</time>\n</trkpt></trkseg></trk></gpx>\n";
	nf_run_record run;
	nf_error err;
	assert_int_equal(decode_str(doc, &run, &err), NF_EPARSE);
	assert_contains(err.msg, "inline.xml:4: <time> \"1901-12-13T20:45:52.2073437Z\" is not");
	double t;
	assert_false(imp_parse_time("1969-12-31T23:59:59Z", &t));
	assert_true(imp_parse_time("1970-01-01T00:00:00Z", &t));
	assert_near(t, 0, 0);
}

static void test_hostile_xml(void **state)
{
	nf_run_record run;
	nf_error err;

	static const char bomb[] =
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE gpx [\n"
		" <!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
		" <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
		" <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
		"]>\n<gpx><trk><name>&c;</name></trk></gpx>\n";
	assert_int_equal(decode_str(bomb, &run, &err), NF_EPARSE);
	assert_contains(err.msg, "inline.xml:2: DOCTYPE declarations are not accepted");

	static const char unterminated[] =
		"<gpx xmlns=\"http://www.topografix.com/GPX/1/1\">\n<trk>\n<trkseg>\n"
		"<trkpt lat=\"1\" lon=\"2\">\n";
	assert_int_equal(decode_str(unterminated, &run, &err), NF_EPARSE);
	assert_contains(err.msg, "inline.xml:5: ");

	static const char broken[] = "<gpx>\n<trk>\n</trkseg>\n</gpx>";
	assert_int_equal(decode_str(broken, &run, &err), NF_EPARSE);
	assert_contains(err.msg, "inline.xml:3: mismatched tag");

	static const char badnum[] =
		"<gpx>\n<trk><trkseg>\n<trkpt lat=\"north\" lon=\"2\"/></trkseg></trk></gpx>";
	assert_int_equal(decode_str(badnum, &run, &err), NF_EPARSE);
	assert_contains(err.msg, "inline.xml:3: trkpt lat=\"north\"");

	static const char badtime[] =
		"<gpx>\n<trk><trkseg>\n<trkpt lat=\"1\" lon=\"2\">\n<time>yesterday</time></trkpt>"
		"</trkseg></trk></gpx>";
	assert_int_equal(decode_str(badtime, &run, &err), NF_EPARSE);
	assert_contains(err.msg, "inline.xml:4: <time> \"yesterday\"");

	/* A day the month does not have is no time, as everywhere else dates are read. */
	static const char noday[] =
		"<gpx>\n<trk><trkseg>\n<trkpt lat=\"1\" lon=\"2\">\n<time>2026-02-30T06:00:00Z</time></trkpt>"
		"</trkseg></trk></gpx>";
	assert_int_equal(decode_str(noday, &run, &err), NF_EPARSE);
	assert_contains(err.msg, "inline.xml:4: <time> \"2026-02-30T06:00:00Z\"");

	/* Nesting past the cap. */
	char deep[2048] = "<gpx>";
	for (int i = 0; i < 100; i++)
		memcpy(deep + 5 + 3 * i, "<a>", 4);
	assert_int_equal(decode_str(deep, &run, &err), NF_ELIMIT);
	assert_contains(err.msg, "nested deeper than 64");

	/* Text past the cap. */
	char *longtext = malloc(10000);
	assert_non_null(longtext);
	memcpy(longtext, "<gpx>\n<name>", 12);
	memset(longtext + 12, 'x', 9000);
	memcpy(longtext + 9012, "</name></gpx>", 14);
	assert_int_equal(decode_str(longtext, &run, &err), NF_ELIMIT);
	assert_contains(err.msg, "inline.xml:2: more than 4096 bytes of text");
	free(longtext);

	/* One attribute or comment of several MiB is refused at the token cap, before expat parses
	 * it again with each chunk. */
	static const char *const shells[][2] = {{"<gpx>\n<trk><name a=\"", "\"/></trk></gpx>"},
						{"<gpx>\n<!-- ", " --></gpx>"}};
	for (size_t k = 0; k < 2; k++) {
		size_t big = 3 * 1024 * 1024, h = strlen(shells[k][0]), t = strlen(shells[k][1]);
		char *doc = malloc(h + big + t + 1);
		assert_non_null(doc);
		memcpy(doc, shells[k][0], h);
		memset(doc + h, 'x', big);
		memcpy(doc + h + big, shells[k][1], t + 1);
		assert_int_equal(decode_str(doc, &run, &err), NF_ELIMIT);
		assert_contains(err.msg, k == 0 ? "byte 11: one tag, comment or text longer than 1024 KiB"
						: "byte 5: one tag, comment or text longer than 1024 KiB");
		free(doc);
	}
}

/* Every prefix of a valid document fails cleanly (never NF_OK: the root is unclosed). */
static void test_every_truncation(void **state)
{
	nf_run_record run;
	nf_error err;
	size_t len = strlen(run_gpx);
	for (size_t n = 0; n + 2 < len; n++) {
		nf_err rc = nf_import_buffer(run_gpx, n, "cut.gpx", &run, &err);
		if (rc != NF_EPARSE)
			fail_msg("cut at %zu: rc %d (%s)", n, rc, err.msg);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_points_and_rules),
		cmocka_unit_test(test_all_fields_fixture),
		cmocka_unit_test(test_garmin_extension_fixture),
		cmocka_unit_test(test_extensions_without_namespaces),
		cmocka_unit_test(test_sports),
		cmocka_unit_test(test_root_decides_format),
		cmocka_unit_test(test_times_run_backwards),
		cmocka_unit_test(test_no_distance),
		cmocka_unit_test(test_time_without_zone),
		cmocka_unit_test(test_point_timed_back),
		cmocka_unit_test(test_repeated_second_kept),
		cmocka_unit_test(test_segment_timed_back),
		cmocka_unit_test(test_time_before_1970),
		cmocka_unit_test(test_hostile_xml),
		cmocka_unit_test(test_every_truncation),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
