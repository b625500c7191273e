/* Unit tests of the FIT reader against the python-fitparse fixtures: record-by-record values from
 * their *-records.csv, session summaries, chained files, and every kind of corrupt input. */
#include <time.h>
#include <unistd.h>

#include "test_import_util.h"

static void import_fixture(const char *rel, nf_err want, nf_run_record *run, nf_error *err)
{
	char path[512];
	fixture_path(path, sizeof path, rel);
	nf_err rc = nf_import_file(path, run, err);
	if (rc != want)
		fail_msg("%s: rc %d (%s), expected %d", rel, rc, err->msg, want);
}

/* compressed-speed-distance.fit: compressed timestamp headers and the accumulated 12-bit
 * distance; every record must match the CSV (timestamp, heart rate, speed, distance, cadence). */
static void test_compressed_speed_distance_records(void **state)
{
	size_t len;
	unsigned char *buf = fixture_read("fit/compressed-speed-distance.fit", &len);
	points *ps = calloc(1, sizeof *ps);
	nf_run_record run;
	nf_error err;

	assert_int_equal(imp_import_buffer_observed(buf, len, "c.fit", &run, &err, points_add, ps),
			 NF_OK);
	char path[512];
	fixture_path(path, sizeof path, "fit/compressed-speed-distance-records.csv");
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	char line[256];
	assert_non_null(fgets(line, sizeof line, f)); /* header */
	/* The file opens with a record holding only a timestamp, which the CSV leaves out. */
	assert_true(ps->n > 0 && isnan(ps->p[0].hr) && isnan(ps->p[0].dist));
	size_t row = 1;
	while (fgets(line, sizeof line, f)) {
		long ts;
		int hr;
		double speed, dist;
		char cad[16];
		assert_int_equal(sscanf(line, "%ld,%d,%lf,%lf,%15s", &ts, &hr, &speed, &dist, cad), 5);
		assert_true(row < ps->n);
		const imp_point *p = &ps->p[row];
		assert_near(p->t - FIT_EPOCH_UNIX, (double)ts, 0);
		assert_near(p->hr, hr, 0);
		assert_near(p->speed, speed, 0.005);
		assert_near(p->dist, dist, 0.001);
		if (strcmp(cad, "null") == 0)
			assert_true(isnan(p->cad));
		else
			assert_near(p->cad, atof(cad), 0.5); /* points keep the file's unit */
		row++;
	}
	fclose(f);
	/* Its times count from the device's power-on: no start date. */
	assert_int_equal(run.start_time, -1);
	assert_near(run.distance_m, 10248.67, 0.005);
	/* The CSV lists every other record the file has. */
	assert_int_equal(row, ps->n);
	assert_int_equal(ps->n, 755);
	assert_int_equal(run.records, (int64_t)ps->n);
	free(ps);
	free(buf);
}

static time_t csv_time(const char *s)
{
	static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	char m[4];
	struct tm tm = {0};
	/* "Sun Jun 11 07:34:09 PDT 2017": the CSV was written in Pacific daylight time. */
	assert_int_equal(sscanf(s, "%*s %3s %d %d:%d:%d PDT %d", m, &tm.tm_mday, &tm.tm_hour,
				&tm.tm_min, &tm.tm_sec, &tm.tm_year), 6);
	for (int i = 0; i < 12; i++)
		if (strcmp(m, mon[i]) == 0)
			tm.tm_mon = i;
	tm.tm_year -= 1900;
	return timegm(&tm) + 7 * 3600;
}

static void test_fenix5_records(void **state)
{
	size_t len;
	unsigned char *buf = fixture_read("fit/garmin-fenix-5-run.fit", &len);
	points *ps = calloc(1, sizeof *ps);
	nf_run_record run;
	nf_error err;

	assert_int_equal(imp_import_buffer_observed(buf, len, "f5.fit", &run, &err, points_add, ps),
			 NF_OK);
	char path[512];
	fixture_path(path, sizeof path, "fit/garmin-fenix-5-run-records.csv");
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	char line[256];
	assert_non_null(fgets(line, sizeof line, f));
	size_t row = 0;
	while (fgets(line, sizeof line, f)) {
		char *comma = strchr(line, ',');
		assert_non_null(comma);
		*comma = '\0';
		int hr, cad, temp;
		double speed, dist, alt;
		long lat, lon;
		assert_int_equal(sscanf(comma + 1, "%d,%d,%lf,%lf,%ld,%ld,%lf,%d", &hr, &cad, &speed,
					&dist, &lat, &lon, &alt, &temp), 8);
		assert_true(row < ps->n);
		const imp_point *p = &ps->p[row];
		assert_near(p->t, (double)csv_time(line), 0);
		assert_near(p->hr, hr, 0);
		assert_near(floor(p->cad), cad, 0);
		assert_near(p->speed, speed, 0.0005);
		assert_near(p->dist, dist, 0.005);
		assert_near(p->lat * 2147483648.0 / 180.0, (double)lat, 0.5);
		assert_near(p->lon * 2147483648.0 / 180.0, (double)lon, 0.5);
		assert_near(p->temp, temp, 0);
		row++;
	}
	fclose(f);
	assert_int_equal(row, ps->n);
	free(ps);
	free(buf);
}

static void test_fenix5_session(void **state)
{
	nf_run_record run;
	nf_error err;
	import_fixture("fit/garmin-fenix-5-run.fit", NF_OK, &run, &err);
	assert_string_equal(run.sport, "running");
	assert_int_equal(run.start_time, 1497191649); /* 2017-06-11T14:34:09Z */
	assert_near(run.distance_m, 157.56, 0.005);
	assert_near(run.moving_s, 56.887, 0.0005);
	assert_near(run.elapsed_s, 56.887, 0.0005);
	/* avg_running_cadence 83 strides/min + 0.671875 fractional -> steps per minute */
	assert_near(run.cadence_spm, 2 * (83 + 86 / 128.0), 1e-9);
	assert_near(run.stride_m, 0.9717, 1e-6);       /* avg_step_length 971.7 mm */
	assert_near(run.heart_rate_bpm, 90, 0);
	assert_near(run.temperature_c, 24.43, 0.01);    /* no session value: mean of the records */
	assert_int_equal(run.records, 21);
	assert_string_equal(run.source_file, "garmin-fenix-5-run.fit");
	assert_int_equal(strlen(run.source_sha256), 64);
}

static void test_fenix2_session(void **state)
{
	nf_run_record run;
	nf_error err;
	import_fixture("fit/activity-small-fenix2-run.fit", NF_OK, &run, &err);
	assert_string_equal(run.sport, "running");
	assert_int_equal(run.start_time, 1439649908);
	assert_near(run.distance_m, 9008.22, 0.005);
	assert_near(run.moving_s, 2832, 0.001);
	assert_near(run.cadence_spm, 162, 0);
	assert_near(run.heart_rate_bpm, 154, 0.5);
	assert_int_equal(run.records, 2809);
}

static void test_developer_fields_skipped(void **state)
{
	nf_run_record run;
	nf_error err;
	import_fixture("fit/developer-types-sample.fit", NF_OK, &run, &err);
	assert_int_equal(run.records, 3424);
	assert_near(run.distance_m, 6753.99, 0.005);
}

/* Several header+data+CRC blocks back to back: all are read. The file is a triathlon (swim,
 * transition, ride, transition, run: five sessions, as Garmin's SDK decodes it): the run leg is
 * kept with the records of its own time window only (517 of 1773), the four others are named. */
static void test_chained(void **state)
{
	nf_run_record run;
	nf_error err;
	import_fixture("fit/sample_mulitple_header.fit", NF_OK, &run, &err);
	assert_string_equal(run.sport, "running");
	assert_int_equal(run.records, 517);
	assert_near(run.distance_m, 9805.92, 0.005);
	assert_near(run.elapsed_s, 2850.694, 0.001);
	assert_int_equal(run.start_time, 1527413021); /* 2018-05-27T09:23:41Z */

	char path[512];
	nf_import *im = NULL;
	fixture_path(path, sizeof path, "fit/sample_mulitple_header.fit");
	assert_int_equal(nf_import_read(path, NULL, &im, &err), NF_OK);
	assert_int_equal(nf_import_count(im), 1);
	assert_int_equal(nf_import_note_count(im), 4);
	assert_contains(nf_import_note(im, 0), "session 1: not a run: swimming");
	assert_contains(nf_import_note(im, 2), "session 3: not a run: cycling");
	nf_import_free(im);
}

static void test_not_runs(void **state)
{
	nf_run_record run;
	nf_error err;
	import_fixture("fit/elemnt-bolt-no-application-id-inside-developer-data-id.fit", NF_ESKIP,
		       &run, &err);
	assert_contains(err.msg, "not a run: cycling");
	import_fixture("fit/null_compressed_speed_dist.fit", NF_ESKIP, &run, &err);
	assert_contains(err.msg, "cycling");
	import_fixture("fit/event_timestamp.fit", NF_ESKIP, &run, &err);
	assert_contains(err.msg, "swimming");
	/* On failure the record is left as "unknown". */
	assert_int_equal(run.start_time, -1);
}

/* A file cut short 14 s into its recording holds 6 m: no run, as `run add` refuses one under
 * 10 m. Refused (not stored as a 0.0 km run), naming the file, why, and that it was cut short. */
static void test_unexpected_eof(void **state)
{
	nf_run_record run;
	nf_error err;
	import_fixture("fit/activity-unexpected-eof.fit", NF_EPARSE, &run, &err);
	assert_contains(err.msg, "activity-unexpected-eof.fit: 6 m in 14 s is too short to be a run (under 10 m); "
				 "the file ends mid-record: the recording was cut short: refused");
	char path[512];
	nf_import *im = NULL;
	fixture_path(path, sizeof path, "fit/activity-unexpected-eof.fit");
	assert_int_equal(nf_import_read(path, NULL, &im, &err), NF_EPARSE);
	assert_null(im);
}

static void test_corrupt_header(void **state)
{
	nf_run_record run;
	nf_error err;
	/* A good settings block, then a block whose header is garbage. */
	import_fixture("fit/activity-settings-corruptheader.fit", NF_EPARSE, &run, &err);
	assert_contains(err.msg, ": byte 771: ");
}

static void test_bad_file_crc(void **state)
{
	nf_run_record run;
	nf_error err;
	import_fixture("fit/activity-filecrc.fit", NF_EPARSE, &run, &err);
	assert_contains(err.msg, ": byte 769: file CRC mismatch");
}

/* A recording the Strava app left when it crashed: its header promises 78236 bytes of data, the
 * file holds 78233 in all, and at byte 7471 comes a data message of an undefined local type.
 * Garmin's decoder (@garmin/fitsdk in tests/import) stops there with the 473 records before it;
 * so does this one, with a warning naming the byte. */
static void test_undefined_local_type(void **state)
{
	nf_run_record run;
	nf_error err;
	char path[512];
	nf_import *im = NULL;
	import_fixture("fit/strava-android-app-201.10-b1218918.fit", NF_OK, &run, &err);
	assert_int_equal(run.records, 473);
	fixture_path(path, sizeof path, "fit/strava-android-app-201.10-b1218918.fit");
	assert_int_equal(nf_import_read(path, NULL, &im, &err), NF_OK);
	assert_int_equal(nf_import_note_count(im), 1);
	assert_contains(nf_import_note(im, 0),
			"byte 7471: the file ends early (data message of an undefined local type); the 473 "
			"records before it are kept");
	nf_import_free(im);

	/* The same bytes with the header's promise cut to what the file holds: now the file is
	 * complete, and the undefined type in it is corruption, refused. */
	size_t len;
	unsigned char *buf = fixture_read("fit/strava-android-app-201.10-b1218918.fit", &len);
	unsigned size = (unsigned)(len - 14 - 2);
	for (int i = 0; i < 4; i++)
		buf[4 + i] = (unsigned char)(size >> (8 * i));
	buf[12] = buf[13] = 0; /* no header CRC */
	assert_int_equal(nf_import_buffer(buf, len, "whole.fit", &run, &err), NF_EPARSE);
	assert_contains(err.msg, "whole.fit: byte 7471: data message of an undefined local type");
	free(buf);
}

/* Every single-byte change anywhere in a good file is caught (the CRC-16 sees all of them) and
 * gives NF_EPARSE with a byte offset, never a crash or a wrong record. */
static void test_every_byte_flip(void **state)
{
	size_t len;
	unsigned char *buf = fixture_read("fit/garmin-fenix-5-run.fit", &len);
	nf_run_record run;
	nf_error err;

	for (size_t i = 0; i < len; i++) {
		buf[i] ^= 0x5A;
		nf_err rc = nf_import_buffer(buf, len, "flip.fit", &run, &err);
		buf[i] ^= 0x5A;
		if (rc != NF_EPARSE && rc != NF_ELIMIT)
			fail_msg("flip at %zu: rc %d (%s)", i, rc, err.msg);
		if (i >= 12 && !strstr(err.msg, ": byte "))
			fail_msg("flip at %zu: no byte offset in \"%s\"", i, err.msg);
	}
	free(buf);
}

/* Every truncation of a good file either keeps the complete records before the cut, with a
 * warning naming the byte, or (when no record is complete yet) is NF_EPARSE with a byte
 * offset, or (when the complete records have not moved yet) is skipped as no distance, or (under
 * 10 m) is refused as too short, cut short; the records kept never decrease as the cut moves on. */
static void test_every_truncation(void **state)
{
	size_t len;
	unsigned char *buf = fixture_read("fit/garmin-fenix-5-run.fit", &len);
	nf_run_record run;
	nf_error err;
	int64_t last = 0;
	bool moved = false;

	for (size_t n = 1; n < len; n++) {
		nf_import *im = NULL;
		nf_err rc = nf_import_read_buffer(buf, n, "cut.fit", NULL, &im, &err);
		if (rc == NF_EPARSE && strstr(err.msg, ": byte ")) {
			assert_int_equal(last, 0);
			continue;
		}
		/* The first records, all at the start line, are no run yet (0 m), and only they; then
		 * a few metres, refused as too short, saying the file was cut short. */
		if (rc == NF_ESKIP && strstr(err.msg, "no distance (0 m")) {
			assert_false(moved);
			continue;
		}
		if (rc == NF_EPARSE && strstr(err.msg, "too short to be a run (under 10 m); the file ends mid-record")) {
			assert_int_equal(last, 0);
			moved = true;
			continue;
		}
		if (rc != NF_OK)
			fail_msg("cut at %zu: rc %d (%s)", n, rc, err.msg);
		if (nf_import_note_count(im) != 1 || !strstr(nf_import_note(im, 0), "the file ends early"))
			fail_msg("cut at %zu: kept without a warning", n);
		int64_t recs = nf_import_get(im, 0)->records;
		if (recs < last)
			fail_msg("cut at %zu: %lld records, fewer than %lld before", n, (long long)recs,
				 (long long)last);
		last = recs;
		moved |= nf_import_get(im, 0)->distance_m > 0;
		nf_import_free(im);
	}
	assert_int_equal(nf_import_buffer(buf, len, "whole.fit", &run, &err), NF_OK);
	free(buf);
}

/* Builds a minimal FIT file: file_id (type), session (sport) and n records, with a correct CRC. */
static size_t crc16_fit(const unsigned char *b, size_t n)
{
	static const unsigned short t[16] = {0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00,
					     0x2800, 0xE401, 0xA001, 0x6C00, 0x7800, 0xB401,
					     0x5000, 0x9C01, 0x8801, 0x4400};
	unsigned crc = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned tmp = t[crc & 0xF];
		crc = ((crc >> 4) & 0x0FFF) ^ tmp ^ t[b[i] & 0xF];
		tmp = t[crc & 0xF];
		crc = ((crc >> 4) & 0x0FFF) ^ tmp ^ t[(b[i] >> 4) & 0xF];
	}
	return crc;
}

static size_t make_fit(unsigned char *out, int file_type, int sport, bool big)
{
	size_t n = 14;
	/* definition 0: file_id { type enum } */
	unsigned char def0[] = {0x40, 0, big, 0, 0, 1, 0, 1, 0x00};
	memcpy(out + n, def0, sizeof def0);
	n += sizeof def0;
	out[n++] = 0x00;
	out[n++] = (unsigned char)file_type;
	/* definition 1: session { timestamp uint32, sport enum, total_distance uint32 } */
	unsigned char def1[] = {0x41, 0, big, big ? 0 : 18, big ? 18 : 0, 3, 253, 4, 0x86, 5, 1, 0x00, 9, 4, 0x86};
	memcpy(out + n, def1, sizeof def1);
	n += sizeof def1;
	out[n++] = 0x01;
	unsigned ts = 1000000000u, dist = 123456; /* 1234.56 m */
	for (int i = 0; i < 4; i++)
		out[n + (big ? 3 - i : i)] = (unsigned char)(ts >> (8 * i));
	n += 4;
	out[n++] = (unsigned char)sport;
	for (int i = 0; i < 4; i++)
		out[n + (big ? 3 - i : i)] = (unsigned char)(dist >> (8 * i));
	n += 4;
	unsigned char hdr[14] = {14, 0x20, 0x08, 0x52, 0, 0, 0, 0, '.', 'F', 'I', 'T', 0, 0};
	unsigned size = (unsigned)(n - 14);
	for (int i = 0; i < 4; i++)
		hdr[4 + i] = (unsigned char)(size >> (8 * i));
	size_t hc = crc16_fit(hdr, 12);
	hdr[12] = (unsigned char)hc;
	hdr[13] = (unsigned char)(hc >> 8);
	memcpy(out, hdr, 14);
	size_t c = crc16_fit(out, n);
	out[n++] = (unsigned char)c;
	out[n++] = (unsigned char)(c >> 8);
	return n;
}

static void test_built_files(void **state)
{
	unsigned char buf[256];
	nf_run_record run;
	nf_error err;
	size_t n;

	n = make_fit(buf, 4, 1, false);
	assert_int_equal(nf_import_buffer(buf, n, "le.fit", &run, &err), NF_OK);
	assert_near(run.distance_m, 1234.56, 1e-9);
	assert_string_equal(run.sport, "running");
	n = make_fit(buf, 4, 1, true);
	assert_int_equal(nf_import_buffer(buf, n, "be.fit", &run, &err), NF_OK);
	assert_near(run.distance_m, 1234.56, 1e-9);
	/* A cycling session. */
	n = make_fit(buf, 4, 2, false);
	assert_int_equal(nf_import_buffer(buf, n, "bike.fit", &run, &err), NF_ESKIP);
	assert_contains(err.msg, "not a run: cycling");
	/* FIT names every sport but running (1) and generic (0) something else: a dive (53, from
	 * a Descent, in fit-file-parser's test-diving.fit) and a number newer than our names are
	 * no runs, where the data used to decide and kept them. */
	n = make_fit(buf, 4, 53, false);
	assert_int_equal(nf_import_buffer(buf, n, "dive.fit", &run, &err), NF_ESKIP);
	assert_contains(err.msg, "dive.fit: not a run: diving");
	n = make_fit(buf, 4, 200, false);
	assert_int_equal(nf_import_buffer(buf, n, "new.fit", &run, &err), NF_ESKIP);
	assert_contains(err.msg, "new.fit: not a run: sport 200");
	/* A settings file. */
	n = make_fit(buf, 2, 1, false);
	assert_int_equal(nf_import_buffer(buf, n, "settings.fit", &run, &err), NF_ESKIP);
	assert_contains(err.msg, "not an activity");
	/* A wrong header CRC. */
	n = make_fit(buf, 4, 1, false);
	buf[12] ^= 1;
	assert_int_equal(nf_import_buffer(buf, n, "hcrc.fit", &run, &err), NF_EPARSE);
	assert_contains(err.msg, "hcrc.fit: byte 12: file header CRC mismatch");
	/* A data message of a local type never defined: the session's header byte 0x01 -> 0x05. */
	n = make_fit(buf, 4, 1, false);
	assert_int_equal(buf[40], 0x01);
	buf[40] = 0x05;
	assert_int_equal(nf_import_buffer(buf, n, "undef.fit", &run, &err), NF_EPARSE);
	assert_contains(err.msg, "undef.fit: byte 40: data message of an undefined local type");
	/* A wrong file CRC. */
	n = make_fit(buf, 4, 1, false);
	buf[n - 1] ^= 1;
	assert_int_equal(nf_import_buffer(buf, n, "fcrc.fit", &run, &err), NF_EPARSE);
	assert_contains(err.msg, "fcrc.fit: byte 50: file CRC mismatch");
}

/* Little-endian bytes of v, n of them, at out + *n. */
static void put_le(unsigned char *out, size_t *n, unsigned v, int bytes)
{
	for (int i = 0; i < bytes; i++)
		out[(*n)++] = (unsigned char)(v >> (8 * i));
}

/* A multisport file as a fenix 2 writes one: 201 records (one a second, heart rate 100 for
 * the first 100 s, then 160), then a generic session whose window spans the whole activity,
 * a cycling leg over the first 100 s and a running leg over the next 100 s. */
static size_t make_overlapping_sessions(unsigned char *out)
{
	const unsigned t0 = 1000000000u;
	size_t n = 14;
	unsigned char def0[] = {0x40, 0, 0, 0, 0, 1, 0, 1, 0x00};
	memcpy(out + n, def0, sizeof def0);
	n += sizeof def0;
	out[n++] = 0x00;
	out[n++] = 4; /* activity */
	/* record { timestamp uint32, heart_rate uint8 } */
	unsigned char def1[] = {0x41, 0, 0, 20, 0, 2, 253, 4, 0x86, 3, 1, 0x02};
	memcpy(out + n, def1, sizeof def1);
	n += sizeof def1;
	for (unsigned t = 0; t <= 200; t++) {
		out[n++] = 0x01;
		put_le(out, &n, t0 + t, 4);
		out[n++] = t < 100 ? 100 : 160;
	}
	/* session { timestamp, start_time uint32, sport enum, total_elapsed_time uint32 (ms),
	 * total_distance uint32 (cm) } */
	unsigned char def2[] = {0x42, 0, 0, 18, 0, 5, 253, 4, 0x86, 2, 4, 0x86, 5, 1, 0x00,
				7, 4, 0x86, 9, 4, 0x86};
	memcpy(out + n, def2, sizeof def2);
	n += sizeof def2;
	static const struct { unsigned start, secs, sport, cm; } legs[] = {
		{0, 200, 0, 120000}, {0, 100, 2, 80000}, {100, 100, 1, 40000},
	};
	for (size_t i = 0; i < sizeof legs / sizeof legs[0]; i++) {
		out[n++] = 0x02;
		put_le(out, &n, t0 + 200, 4);
		put_le(out, &n, t0 + legs[i].start, 4);
		out[n++] = (unsigned char)legs[i].sport;
		put_le(out, &n, legs[i].secs * 1000, 4);
		put_le(out, &n, legs[i].cm, 4);
	}
	unsigned char hdr[14] = {14, 0x20, 0x08, 0x52, 0, 0, 0, 0, '.', 'F', 'I', 'T', 0, 0};
	size_t at = 4;
	put_le(hdr, &at, (unsigned)(n - 14), 4);
	size_t hc = crc16_fit(hdr, 12);
	hdr[12] = (unsigned char)hc;
	hdr[13] = (unsigned char)(hc >> 8);
	memcpy(out, hdr, 14);
	put_le(out, &n, (unsigned)crc16_fit(out, n), 2);
	return n;
}

/* Each session gets every record inside its window, even when an earlier session's window holds
 * it too: the running leg of a file whose first session spans the whole activity had no records
 * (no heart rate), and the record at a leg's first second went to the leg before only. */
static void test_overlapping_sessions(void **state)
{
	static unsigned char buf[4096];
	size_t n = make_overlapping_sessions(buf);
	nf_import *im = NULL;
	nf_error err;
	assert_int_equal(nf_import_read_buffer(buf, n, "multisport.fit", NULL, &im, &err), NF_OK);
	const nf_run_record *run = NULL;
	for (size_t i = 0; i < nf_import_count(im); i++)
		if (strcmp(nf_import_get(im, i)->sport, "running") == 0)
			run = nf_import_get(im, i);
	assert_non_null(run);
	assert_int_equal(run->start_time, FIT_EPOCH_UNIX + 1000000000LL + 100);
	assert_near(run->distance_m, 400, 1e-9);
	assert_int_equal(run->records, 101);
	assert_near(run->heart_rate_bpm, 160, 1e-9);
	nf_import_free(im);
}

/* An activity of records only { timestamp, distance }, the n times (s) and distances (m) given:
 * the records start at byte 37, 9 bytes each. */
static size_t make_records(unsigned char *out, const unsigned *secs, const unsigned *metres, int n)
{
	const unsigned t0 = 1000000000u;
	size_t len = 14;
	unsigned char def0[] = {0x40, 0, 0, 0, 0, 1, 0, 1, 0x00};
	memcpy(out + len, def0, sizeof def0);
	len += sizeof def0;
	out[len++] = 0x00;
	out[len++] = 4; /* activity */
	unsigned char def1[] = {0x41, 0, 0, 20, 0, 2, 253, 4, 0x86, 5, 4, 0x86};
	memcpy(out + len, def1, sizeof def1);
	len += sizeof def1;
	for (int i = 0; i < n; i++) {
		out[len++] = 0x01;
		put_le(out, &len, t0 + secs[i], 4);
		put_le(out, &len, metres[i] * 100, 4);
	}
	unsigned char hdr[14] = {14, 0x20, 0x08, 0x52, 0, 0, 0, 0, '.', 'F', 'I', 'T', 0, 0};
	size_t at = 4;
	put_le(hdr, &at, (unsigned)(len - 14), 4);
	size_t hc = crc16_fit(hdr, 12);
	hdr[12] = (unsigned char)hc;
	hdr[13] = (unsigned char)(hc >> 8);
	memcpy(out, hdr, 14);
	put_le(out, &len, (unsigned)crc16_fit(out, len), 2);
	return len;
}

/* A record timed before the one before it is left out, named by its byte, as GPX and TCX name
 * the line; a run of them refuses the file. */
static void test_records_timed_back(void **state)
{
	unsigned char buf[512];
	nf_import *im = NULL;
	nf_run_record run;
	nf_error err;
	static const unsigned secs[] = {0, 10, 5, 20}, metres[] = {0, 40, 9000, 80};
	size_t n = make_records(buf, secs, metres, 4);
	assert_int_equal(nf_import_read_buffer(buf, n, "glitch.fit", NULL, &im, &err), NF_OK);
	assert_near(nf_import_get(im, 0)->distance_m, 80, 0);
	assert_near(nf_import_get(im, 0)->elapsed_s, 20, 0);
	bool said = false;
	for (size_t i = 0; i < nf_import_note_count(im); i++)
		said |= strstr(nf_import_note(im, i),
			       "glitch.fit: byte 55: 1 point timed before an earlier one") != NULL;
	assert_true(said);
	nf_import_free(im);

	static const unsigned s2[] = {100, 110, 10, 20, 30, 40, 50, 60, 120},
			      m2[] = {0, 40, 0, 40, 80, 120, 160, 200, 240};
	n = make_records(buf, s2, m2, 9);
	assert_int_equal(nf_import_buffer(buf, n, "twice.fit", &run, &err), NF_EPARSE);
	assert_contains(err.msg, "twice.fit: byte 55: more than 5 points in a row timed before");
}

static void test_detect(void **state)
{
	unsigned char fit[14] = {14, 0x20, 0, 0, 0, 0, 0, 0, '.', 'F', 'I', 'T', 0, 0};
	assert_int_equal(nf_import_detect(fit, sizeof fit, NULL), NF_FORMAT_FIT);
	assert_int_equal(nf_import_detect("<?xml?><gpx>", 12, NULL), NF_FORMAT_GPX);
	assert_int_equal(nf_import_detect("<TrainingCenterDatabase", 23, NULL), NF_FORMAT_TCX);
	assert_int_equal(nf_import_detect("", 0, "x.FIT"), NF_FORMAT_FIT);
	assert_int_equal(nf_import_detect("hello", 5, "x.txt"), NF_FORMAT_UNKNOWN);
}

/* A file past the 2 GiB cap is refused before a byte is read (a sparse file costs nothing). */
static void test_size_cap(void **state)
{
	char path[] = "/tmp/numbfoot-cap-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, (off_t)3 << 30), 0);
	close(fd);
	nf_run_record run;
	nf_error err;
	nf_err rc = nf_import_file(path, &run, &err);
	unlink(path);
	assert_int_equal(rc, NF_ELIMIT);
	assert_contains(err.msg, "more than the 2147483648-byte limit");
}

static void test_missing_file(void **state)
{
	nf_run_record run;
	nf_error err;
	assert_int_equal(nf_import_file("/nonexistent/run.fit", &run, &err), NF_EIO);
	assert_contains(err.msg, "/nonexistent/run.fit: ");
	/* A folder opens but cannot be read. */
	assert_int_equal(nf_import_file("/tmp", &run, &err), NF_EIO);
	assert_contains(err.msg, "/tmp: ");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compressed_speed_distance_records),
		cmocka_unit_test(test_fenix5_records),
		cmocka_unit_test(test_fenix5_session),
		cmocka_unit_test(test_fenix2_session),
		cmocka_unit_test(test_developer_fields_skipped),
		cmocka_unit_test(test_chained),
		cmocka_unit_test(test_not_runs),
		cmocka_unit_test(test_unexpected_eof),
		cmocka_unit_test(test_corrupt_header),
		cmocka_unit_test(test_bad_file_crc),
		cmocka_unit_test(test_undefined_local_type),
		cmocka_unit_test(test_every_byte_flip),
		cmocka_unit_test(test_every_truncation),
		cmocka_unit_test(test_built_files),
		cmocka_unit_test(test_overlapping_sessions),
		cmocka_unit_test(test_records_timed_back),
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_size_cap),
		cmocka_unit_test(test_missing_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
