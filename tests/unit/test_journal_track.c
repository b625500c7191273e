/* The journal's routes: stored with their run in one transaction, read back to the layout's
 * precision, thinned evenly when too long, refused whole when a position is not one, gone with
 * their run, deletable alone, wiped by forget, and a damaged one reported, not overrun. */
#include "test_journal_util.h"

/* n points heading east along 45 N from 7 E, 12.3 m apart, one every 4 s. */
static nf_track_point *make_route(size_t n)
{
	nf_track_point *p = malloc(n * sizeof *p);
	assert_non_null(p);
	for (size_t i = 0; i < n; i++)
		p[i] = (nf_track_point){45.1234567, 7 + (double)i * 1.5e-4, (double)i * 12.3, (double)i * 4};
	return p;
}

static int64_t add(nf_journal *j, const nf_track_point *pt, size_t n, nf_err want)
{
	nf_journal_run r = tj_run(10, 1767225600);
	nf_error err = {0};
	assert_int_equal(nf_journal_add_run_track(j, &r, NULL, 0, pt, n, NULL, &err), want);
	return r.id;
}

static void round_trip(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("route"));
	nf_track_point *p = make_route(500);
	p[3].dist_m = NAN; /* unknown values stay unknown */
	p[4].t = NAN;
	int64_t id = add(j, p, 500, NF_OK);
	nf_track_point *got;
	size_t n;
	nf_error err = {0};
	assert_int_equal(nf_journal_get_track(j, id, &got, &n, &err), NF_OK);
	assert_int_equal(n, 500);
	for (size_t i = 0; i < n; i++) {
		assert_true(fabs(got[i].lat - p[i].lat) <= 0.6e-7);
		assert_true(fabs(got[i].lon - p[i].lon) <= 0.6e-7);
		if (i != 3)
			assert_true(fabs(got[i].dist_m - p[i].dist_m) <= 1e-3);
		if (i != 4)
			assert_true(fabs(got[i].t - p[i].t) <= 1e-3);
	}
	assert_true(isnan(got[3].dist_m));
	assert_true(isnan(got[4].t));
	free(got);
	free(p);
	nf_journal_close(j);
}

static void long_route_thinned(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("thin"));
	size_t total = 10000;
	nf_track_point *p = make_route(total);
	int64_t id = add(j, p, total, NF_OK);
	nf_track_point *got;
	size_t n;
	nf_error err = {0};
	assert_int_equal(nf_journal_get_track(j, id, &got, &n, &err), NF_OK);
	assert_int_equal(n, NF_TRACK_MAX);
	assert_true(fabs(got[0].t - 0) < 1e-3);
	assert_true(fabs(got[n - 1].t - (double)(total - 1) * 4) < 1e-2);
	for (size_t i = 1; i < n; i++) {
		double step = got[i].t - got[i - 1].t; /* 2 or 3 points of 4 s each */
		assert_true(step >= 8 - 1e-2 && step <= 12 + 1e-2);
	}
	free(got);
	free(p);
	nf_journal_close(j);
}

static void bad_points_write_nothing(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("bad"));
	nf_track_point *p = make_route(10);
	nf_episode e;
	nf_episode_init(&e);
	e.onset_km = 2;
	const double bad[][2] = {{NAN, 7}, {45, INFINITY}, {91, 7}, {45, -181}};
	for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
		p[7].lat = bad[k][0];
		p[7].lon = bad[k][1];
		nf_journal_run r = tj_run(10, 1767225600);
		nf_error err = {0};
		assert_int_equal(nf_journal_add_run_track(j, &r, &e, 1, p, 10, NULL, &err), NF_EINVAL);
		assert_non_null(strstr(err.msg, "route point 8"));
		nf_journal_counts c = tj_counts(j);
		assert_int_equal(c.runs, 0);
		assert_int_equal(c.episodes, 0);
	}
	free(p);
	nf_journal_close(j);
}

static void without_and_missing(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("none"));
	int64_t id = add(j, NULL, 0, NF_OK);
	nf_track_point *got = (nf_track_point *)&id; /* set to NULL by the call */
	size_t n = 7;
	nf_error err = {0};
	assert_int_equal(nf_journal_get_track(j, id, &got, &n, &err), NF_OK);
	assert_null(got);
	assert_int_equal(n, 0);
	assert_int_equal(nf_journal_get_track(j, id + 100, &got, &n, &err), NF_ENOTFOUND);
	assert_int_equal(nf_journal_delete_track(j, id + 100, &err), NF_ENOTFOUND);
	assert_int_equal(nf_journal_delete_track(j, id, &err), NF_OK); /* nothing to delete is fine */
	nf_journal_close(j);
}

static void deleted_alone_and_with_run(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("delete"));
	nf_track_point *p = make_route(20);
	int64_t a = add(j, p, 20, NF_OK), b = add(j, p, 20, NF_OK);
	nf_track_point *got;
	size_t n;
	nf_error err = {0};
	assert_int_equal(nf_journal_delete_track(j, a, &err), NF_OK);
	assert_int_equal(nf_journal_get_track(j, a, &got, &n, &err), NF_OK);
	assert_int_equal(n, 0);
	nf_journal_run r;
	assert_int_equal(nf_journal_get_run(j, a, &r, &err), NF_OK); /* the run stays */
	assert_int_equal(nf_journal_delete_run(j, b, &err), NF_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(j->db, "SELECT count(*) FROM tracks", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 0); /* the cascade took b's */
	sqlite3_finalize(st);
	free(p);
	nf_journal_close(j);
}

static void damaged_blob_reported(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("damaged"));
	nf_track_point *p = make_route(5);
	int64_t id = add(j, p, 5, NF_OK);
	/* Another program rewrites the row past the table's CHECK. */
	assert_int_equal(sqlite3_exec(j->db, "PRAGMA ignore_check_constraints = 1;"
				      "UPDATE tracks SET n = 4000; PRAGMA ignore_check_constraints = 0;",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	nf_track_point *got;
	size_t n;
	nf_error err = {0};
	assert_int_equal(nf_journal_get_track(j, id, &got, &n, &err), NF_EDB);
	assert_null(got);
	assert_non_null(strstr(err.msg, "damaged"));
	free(p);
	nf_journal_close(j);
}

/* How many times the 4 bytes of 45.1234567 N as stored (int32 451234567, little-endian) occur
 * in the file at path. */
static size_t stored_lat(const char *path)
{
	const unsigned char lat[4] = {0x07, 0x4b, 0xe5, 0x1a};
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	static unsigned char buf[1 << 20];
	size_t got, found = 0;
	while ((got = fread(buf, 1, sizeof buf, f)) > 0)
		for (size_t i = 0; i + 4 <= got; i++)
			found += !memcmp(buf + i, lat, 4);
	fclose(f);
	return found;
}

static void forget_wipes_routes(void **state)
{
	(void)state;
	char file[512];
	snprintf(file, sizeof file, "%s", tj_path("forget"));
	nf_journal *j = tj_open(file);
	nf_track_point *p = make_route(300);
	add(j, p, 300, NF_OK);
	nf_journal_close(j); /* the log is copied into the file on close */
	assert_true(stored_lat(file) >= 300);
	j = tj_open(file);
	nf_error err = {0};
	assert_int_equal(nf_journal_forget_all(j, &err), NF_OK);
	nf_journal_close(j);
	assert_int_equal(stored_lat(file), 0);
	free(p);
}

/* A program reading the journal keeps the log from being copied back: dropping a route, or
 * forgetting everything, then says so instead of claiming the bytes are gone; once the reader
 * is done, doing it again wipes them. */
static void reader_blocks_the_wipe(void **state)
{
	(void)state;
	char file[512];
	snprintf(file, sizeof file, "%s", tj_path("reader"));
	nf_journal *j = tj_open(file);
	nf_track_point *p = make_route(300);
	int64_t id = add(j, p, 300, NF_OK);
	sqlite3 *other;
	assert_int_equal(sqlite3_open_v2(file, &other, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "BEGIN; SELECT count(*) FROM runs;", NULL, NULL, NULL), SQLITE_OK);
	nf_error err = {0};
	assert_int_equal(nf_journal_delete_track(j, id, &err), NF_EDB);
	assert_non_null(strstr(err.msg, "drop it again"));
	assert_int_equal(nf_journal_forget_all(j, &err), NF_EDB);
	assert_non_null(strstr(err.msg, "run forget again"));
	assert_int_equal(sqlite3_exec(other, "COMMIT;", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(other);
	assert_int_equal(nf_journal_forget_all(j, &err), NF_OK);
	nf_journal_close(j);
	assert_int_equal(stored_lat(file), 0);
	free(p);
}

static int teardown(void **state)
{
	(void)state;
	tj_cleanup();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(round_trip),
		cmocka_unit_test(long_route_thinned),
		cmocka_unit_test(bad_points_write_nothing),
		cmocka_unit_test(without_and_missing),
		cmocka_unit_test(deleted_alone_and_with_run),
		cmocka_unit_test(damaged_blob_reported),
		cmocka_unit_test(forget_wipes_routes),
		cmocka_unit_test(reader_blocks_the_wipe),
	};
	umask(077);
	return cmocka_run_group_tests_name("journal routes", tests, NULL, teardown);
}
