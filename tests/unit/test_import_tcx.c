/* Unit tests of the TCX reader: the python-tcxparser fixtures, laps against trackpoints, the
 * ActivityExtension's RunCadence and AvgRunCadence, sports and broken documents. */
#include "test_import_util.h"

static void import_fixture(const char *rel, nf_err want, nf_run_record *run, nf_error *err)
{
	char path[512];
	fixture_path(path, sizeof path, rel);
	nf_err rc = nf_import_file(path, run, err);
	if (rc != want)
		fail_msg("%s: rc %d (%s), expected %d", rel, rc, err->msg, want);
}

static void test_fixture(void **state)
{
	nf_run_record run;
	nf_error err;
	import_fixture("tcx/test.tcx", NF_OK, &run, &err);
	assert_string_equal(run.sport, "running");
	assert_int_equal(run.start_time, 1356557393);          /* 2012-12-26T21:29:53Z */
	assert_near(run.distance_m, 2 * 1609.34399414 + 1470.5546875, 1e-6); /* the laps' sum */
	assert_near(run.moving_s, 608.47 + 714.80 + 669.51, 1e-6);           /* TotalTimeSeconds */
	assert_near(run.elapsed_s, 1992, 0);                   /* 21:29:53 to 22:03:05 */
	assert_near(run.heart_rate_bpm, 156.65, 0.01);         /* tcxparser's hr_avg: 156 */
	assert_true(isnan(run.cadence_spm));
	assert_int_equal(run.records, 384);
	assert_string_equal(run.source_file, "test.tcx");

	import_fixture("tcx/no_hr.tcx", NF_OK, &run, &err);
	assert_true(isnan(run.heart_rate_bpm));
	assert_near(run.distance_m, 4689.2427, 0.001);
}

#define TCX_HEAD                                                                                  \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                         \
	"<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\"" \
	" xmlns:ns3=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\">\n"

static const char run_tcx[] =
	TCX_HEAD
	"<Activities><Activity Sport=\"Running\"><Id>2026-10-04T06:30:00Z</Id>\n"
	"<Lap StartTime=\"2026-10-04T06:30:00Z\"><TotalTimeSeconds>20</TotalTimeSeconds>"
	"<Extensions><ns3:LX><ns3:AvgRunCadence>81</ns3:AvgRunCadence></ns3:LX></Extensions>"
	"<Track>\n"
	"<Trackpoint><Time>2026-10-04T06:30:00Z</Time><Position><LatitudeDegrees>0</LatitudeDegrees>"
	"<LongitudeDegrees>1</LongitudeDegrees></Position><HeartRateBpm><Value>140</Value></HeartRateBpm>"
	"<Extensions><ns3:TPX><ns3:RunCadence>80</ns3:RunCadence></ns3:TPX></Extensions></Trackpoint>\n"
	"<Trackpoint><Time>2026-10-04T06:30:10Z</Time><Position><LatitudeDegrees>0</LatitudeDegrees>"
	"<LongitudeDegrees>1.0002</LongitudeDegrees></Position><HeartRateBpm><Value>150</Value></HeartRateBpm>"
	"<Cadence>84</Cadence></Trackpoint>\n"
	"<Trackpoint><Time>2026-10-04T06:30:20Z</Time><Position><LatitudeDegrees>0</LatitudeDegrees>"
	"<LongitudeDegrees>1.0004</LongitudeDegrees></Position></Trackpoint>\n"
	"</Track></Lap></Activity>\n"
	"<Activity Sport=\"Biking\"><Id>2026-10-05T06:30:00Z</Id></Activity>"
	"</Activities></TrainingCenterDatabase>\n";

static void test_inline(void **state)
{
	nf_run_record run;
	nf_error err;
	assert_int_equal(decode_str(run_tcx, &run, &err), NF_OK);
	assert_int_equal(run.start_time, 1791095400);
	assert_int_equal(run.records, 3);
	/* No DistanceMeters anywhere: the haversine sum. */
	assert_near(run.distance_m, 2 * 22.239, 0.001);
	assert_near(run.moving_s, 20, 0);
	assert_near(run.elapsed_s, 20, 0);
	assert_near(run.heart_rate_bpm, 145, 1e-9);
	assert_near(run.cadence_spm, 164, 1e-9); /* (80 + 84) per foot, doubled */
	assert_string_equal(run.sport, "running");
}

static void test_lap_cadence_fallback(void **state)
{
	nf_run_record run;
	nf_error err;
	static const char doc[] =
		TCX_HEAD
		"<Activities><Activity Sport=\"Running\"><Id>2026-10-04T06:30:00Z</Id>"
		"<Lap StartTime=\"2026-10-04T06:30:00Z\"><TotalTimeSeconds>600</TotalTimeSeconds>"
		"<DistanceMeters>2000</DistanceMeters><AverageHeartRateBpm><Value>150</Value>"
		"</AverageHeartRateBpm><Extensions><ns3:LX><ns3:AvgRunCadence>85</ns3:AvgRunCadence>"
		"</ns3:LX></Extensions></Lap></Activity></Activities></TrainingCenterDatabase>";
	assert_int_equal(decode_str(doc, &run, &err), NF_OK);
	assert_near(run.cadence_spm, 170, 0);
	assert_near(run.heart_rate_bpm, 150, 0);
	assert_near(run.distance_m, 2000, 0);
	assert_near(run.moving_s, 600, 0);
	assert_near(run.stride_m, 2000 / (170 * 10.0), 1e-9);
	assert_int_equal(run.records, 0);
}

static void test_not_runs(void **state)
{
	nf_run_record run;
	nf_error err;
	static const char bike[] =
		TCX_HEAD "<Activities>\n<Activity Sport=\"Biking\"><Id>2026-10-04T06:30:00Z</Id>"
		"</Activity></Activities></TrainingCenterDatabase>";
	assert_int_equal(decode_str(bike, &run, &err), NF_ESKIP);
	assert_contains(err.msg, "inline.xml:4: not a run: biking");
	static const char course[] =
		TCX_HEAD "<Courses><Course><Name>x</Name></Course></Courses></TrainingCenterDatabase>";
	assert_int_equal(decode_str(course, &run, &err), NF_ESKIP);
}

static void test_broken(void **state)
{
	nf_run_record run;
	nf_error err;
	size_t len;
	unsigned char *buf = fixture_read("tcx/test.tcx", &len);
	/* Cut in the middle of the document: NF_EPARSE naming the last line read. */
	nf_err rc = nf_import_buffer(buf, len / 2, "half.tcx", &run, &err);
	assert_int_equal(rc, NF_EPARSE);
	assert_contains(err.msg, "half.tcx:");
	/* A few hundred cuts, none crashing, none accepted. */
	for (size_t n = 0; n + 30 < len; n += 997) {
		rc = nf_import_buffer(buf, n, "cut.tcx", &run, &err);
		if (rc != NF_EPARSE)
			fail_msg("cut at %zu: rc %d (%s)", n, rc, err.msg);
	}
	free(buf);

	static const char badval[] =
		TCX_HEAD "<Activities><Activity Sport=\"Running\">\n<Lap StartTime=\"x\">"
		"</Lap></Activity></Activities></TrainingCenterDatabase>";
	assert_int_equal(decode_str(badval, &run, &err), NF_EPARSE);
	assert_contains(err.msg, "inline.xml:4: Lap StartTime \"x\"");

	static const char entity[] =
		"<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
		"<TrainingCenterDatabase>&e;</TrainingCenterDatabase>";
	assert_int_equal(decode_str(entity, &run, &err), NF_EPARSE);
	assert_contains(err.msg, "inline.xml:2: DOCTYPE");
}

/* A lap whose trackpoints go back (08:30 then 08:00) was kept with a warning of a GPS jump
 * "in -1800 s"; laps out of order or overlapping were summed into 10 km in 30:00. The first is
 * refused at the point that goes back, the others at the lap's line. */
#define LAP(start, secs, metres)                                                                  \
	"<Lap StartTime=\"" start "\"><TotalTimeSeconds>" secs "</TotalTimeSeconds><DistanceMeters>"  \
	metres "</DistanceMeters></Lap>\n"
static void test_times_run_backwards(void **state)
{
	nf_run_record run;
	nf_error err;
	static const char pts[] =
		TCX_HEAD "<Activities><Activity Sport=\"Running\">\n"
		"<Lap StartTime=\"2025-04-06T08:00:00Z\"><TotalTimeSeconds>1800</TotalTimeSeconds>"
		"<DistanceMeters>5000</DistanceMeters><Track>\n"
		"<Trackpoint><Time>2025-04-06T08:30:00Z</Time><Position><LatitudeDegrees>51.545"
		"</LatitudeDegrees><LongitudeDegrees>-0.1</LongitudeDegrees></Position></Trackpoint>\n"
		"<Trackpoint><Time>2025-04-06T08:00:00Z</Time><Position><LatitudeDegrees>51.5"
		"</LatitudeDegrees><LongitudeDegrees>-0.1</LongitudeDegrees></Position></Trackpoint>\n"
		"</Track></Lap></Activity></Activities></TrainingCenterDatabase>";
	assert_int_equal(decode_str(pts, &run, &err), NF_EPARSE);
	assert_contains(err.msg, "inline.xml:6: its last point is 1800 s before the first");
	assert_null(strstr(err.msg, "-"));

	static const char back[] =
		TCX_HEAD "<Activities><Activity Sport=\"Running\">\n"
		LAP("2025-04-10T08:00:00Z", "1800", "5000") LAP("2025-04-10T07:00:00Z", "1800", "5000")
		"</Activity></Activities></TrainingCenterDatabase>";
	assert_int_equal(decode_str(back, &run, &err), NF_EPARSE);
	assert_contains(err.msg, "inline.xml:5: Lap StartTime \"2025-04-10T07:00:00Z\" is 3600 s "
				 "before the lap before it starts");

	static const char overlap[] =
		TCX_HEAD "<Activities><Activity Sport=\"Running\">\n"
		LAP("2025-04-10T08:00:00Z", "1800", "5000") LAP("2025-04-10T08:20:00Z", "1800", "5000")
		"</Activity></Activities></TrainingCenterDatabase>";
	assert_int_equal(decode_str(overlap, &run, &err), NF_EPARSE);
	assert_contains(err.msg, "inline.xml:5: Lap StartTime \"2025-04-10T08:20:00Z\" is 600 s "
				 "before the lap before it ends");

	/* Laps in order, a StartTime rounded down under a fraction of TotalTimeSeconds, and a
	 * pause between laps: one run. */
	static const char fine[] =
		TCX_HEAD "<Activities><Activity Sport=\"Running\">\n"
		LAP("2025-04-10T08:00:00Z", "1800.6", "5000") LAP("2025-04-10T08:30:00Z", "1200", "3000")
		LAP("2025-04-10T08:55:00Z", "300", "1000")
		"</Activity></Activities></TrainingCenterDatabase>";
	assert_int_equal(decode_str(fine, &run, &err), NF_OK);
	assert_near(run.distance_m, 9000, 0);
	assert_near(run.elapsed_s, 3600, 0);
}

/* A negative distance was refused by the journal as "NAME: distance must be 0 or more", the only
 * TCX fault without a line. */
static void test_negative_amounts(void **state)
{
	nf_run_record run;
	nf_error err;
	static const char lap[] =
		TCX_HEAD "<Activities><Activity Sport=\"Running\">\n"
		LAP("2025-04-04T08:00:00Z", "1800", "-5000")
		"</Activity></Activities></TrainingCenterDatabase>";
	assert_int_equal(decode_str(lap, &run, &err), NF_EPARSE);
	assert_contains(err.msg, "inline.xml:4: <DistanceMeters> \"-5000\" is below 0");
	static const char secs[] =
		TCX_HEAD "<Activities><Activity Sport=\"Running\">\n"
		LAP("2025-04-04T08:00:00Z", "-1", "5000")
		"</Activity></Activities></TrainingCenterDatabase>";
	assert_int_equal(decode_str(secs, &run, &err), NF_EPARSE);
	assert_contains(err.msg, "inline.xml:4: <TotalTimeSeconds> \"-1\" is below 0");
	static const char point[] =
		TCX_HEAD "<Activities><Activity Sport=\"Running\">\n<Lap StartTime=\"2025-04-04T08:00:00Z\">"
		"<Track>\n<Trackpoint><Time>2025-04-04T08:00:00Z</Time>\n"
		"<DistanceMeters>-3</DistanceMeters></Trackpoint></Track></Lap>"
		"</Activity></Activities></TrainingCenterDatabase>";
	assert_int_equal(decode_str(point, &run, &err), NF_EPARSE);
	assert_contains(err.msg, "inline.xml:6: <DistanceMeters> \"-3\" is below 0");
}

/* A TCX time without a zone is taken as UTC with one warning a file, as in GPX. */
static void test_time_without_zone(void **state)
{
	static const char doc[] =
		TCX_HEAD "<Activities><Activity Sport=\"Running\">\n"
		LAP("2025-04-10T08:00:00", "1800", "5000") LAP("2025-04-10T08:30:00", "1800", "5000")
		"</Activity></Activities></TrainingCenterDatabase>";
	nf_import *im = NULL;
	nf_error err;
	assert_int_equal(nf_import_read_buffer(doc, strlen(doc), "local.tcx", NULL, &im, &err), NF_OK);
	assert_int_equal(nf_import_note_count(im), 1);
	assert_contains(nf_import_note(im, 0),
			"local.tcx:4: the time \"2025-04-10T08:00:00\" has no time zone: taken as UTC");
	nf_import_free(im);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixture),
		cmocka_unit_test(test_inline),
		cmocka_unit_test(test_lap_cadence_fallback),
		cmocka_unit_test(test_not_runs),
		cmocka_unit_test(test_broken),
		cmocka_unit_test(test_times_run_backwards),
		cmocka_unit_test(test_negative_amounts),
		cmocka_unit_test(test_time_without_zone),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
