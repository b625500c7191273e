/* Unit tests of the journal's help to import (lib/journal): the pair in service on a date
 * (nf_journal_gear_on: first use, else the first run in it, retirement, the default first, none
 * before any), the same run from another file (nf_journal_find_same_run: 60 s, 2%, never a
 * typed run) and a period's gear at once (nf_journal_set_gear_between). */
#include "test_journal_util.h"

#define D2015 1420070400 /* 2015-01-01T00:00:00Z */

static int64_t add_pair(nf_journal *j, const char *nick, const char *first_use, const char *retired)
{
	nf_gear g;
	nf_error err = {0};
	nf_gear_init(&g, NF_GEAR_SHOES);
	snprintf(g.nickname, sizeof g.nickname, "%s", nick);
	snprintf(g.first_use, sizeof g.first_use, "%s", first_use);
	assert_int_equal(nf_journal_add_gear(j, &g, &err), NF_OK);
	if (retired[0])
		assert_int_equal(nf_journal_retire_gear(j, g.id, retired, &err), NF_OK);
	return g.id;
}

static int64_t on(nf_journal *j, int64_t t)
{
	int64_t id = -1;
	nf_error err = {0};
	assert_int_equal(nf_journal_gear_on(j, NF_GEAR_SHOES, t, &id, &err), NF_OK);
	return id;
}

static void gear_by_date(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("gear-on"));
	nf_error err = {0};
	/* Made first, so the default: no first use and no run yet, in service on no known date. */
	int64_t blue = add_pair(j, "blue", "", "");
	int64_t old = add_pair(j, "old", "2015-01-01", "2015-12-31");
	int64_t mid = add_pair(j, "mid", "2015-06-01", "");
	assert_int_equal(on(j, D2015 - 86400), 0);            /* before any pair */
	assert_int_equal(on(j, D2015 + 10 * 86400), old);     /* old alone */
	assert_int_equal(on(j, D2015 + 200 * 86400), mid);    /* both: the newer */
	assert_int_equal(on(j, D2015 + 364 * 86400), mid);
	assert_int_equal(on(j, D2015 + 400 * 86400), mid);    /* old retired */
	assert_int_equal(on(j, -1), 0);                       /* no date, no pair */
	/* blue gets a run in 2016: from then on it is in service, and the default wins. */
	nf_journal_run r = tj_run(10, D2015 + 500 * 86400);
	r.shoes_id = blue;
	assert_int_equal(nf_journal_add_run(j, &r, NULL, 0, NULL, &err), NF_OK);
	assert_int_equal(on(j, D2015 + 499 * 86400), mid);
	assert_int_equal(on(j, D2015 + 500 * 86400), blue);
	assert_int_equal(on(j, D2015 + 900 * 86400), blue);
	nf_journal_close(j);
}

static void same_run(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("same"));
	nf_error err = {0};
	nf_journal_run typed = tj_run(10, D2015);
	assert_int_equal(nf_journal_add_run(j, &typed, NULL, 0, NULL, &err), NF_OK);
	nf_journal_run file = tj_run(10, D2015 + 86400);
	snprintf(file.rec.source_sha256, sizeof file.rec.source_sha256, "%064d", 1);
	assert_int_equal(nf_journal_add_run(j, &file, NULL, 0, NULL, &err), NF_OK);
	int64_t id = -1;
	nf_run_record q = tj_run(10.15, D2015 + 86400 + 59).rec; /* 59 s, 1.5% */
	assert_int_equal(nf_journal_find_same_run(j, &q, &id, &err), NF_OK);
	assert_int_equal(id, file.id);
	q = tj_run(10.25, D2015 + 86400).rec; /* 2.5%: another run */
	assert_int_equal(nf_journal_find_same_run(j, &q, &id, &err), NF_OK);
	assert_int_equal(id, 0);
	q = tj_run(10, D2015 + 86400 - 61).rec; /* 61 s */
	assert_int_equal(nf_journal_find_same_run(j, &q, &id, &err), NF_OK);
	assert_int_equal(id, 0);
	q = tj_run(10, D2015).rec; /* the typed run is never matched */
	assert_int_equal(nf_journal_find_same_run(j, &q, &id, &err), NF_OK);
	assert_int_equal(id, 0);
	q.distance_m = NAN; /* a distance unknown: the start alone */
	q.start_time = D2015 + 86400 + 30;
	assert_int_equal(nf_journal_find_same_run(j, &q, &id, &err), NF_OK);
	assert_int_equal(id, file.id);
	nf_journal_close(j);
}

static void gear_between(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("between"));
	nf_error err = {0};
	int64_t blue = add_pair(j, "blue", "", ""), n = -1;
	for (int d = 0; d < 10; d++) {
		nf_journal_run r = tj_run(5, D2015 + d * 86400 + 3600);
		assert_int_equal(nf_journal_add_run(j, &r, NULL, 0, NULL, &err), NF_OK);
	}
	assert_int_equal(nf_journal_set_gear_between(j, NF_GEAR_SHOES, blue, D2015 + 2 * 86400,
						     D2015 + 5 * 86400, &n, &err), NF_OK);
	assert_int_equal(n, 3);
	nf_gear g;
	assert_int_equal(nf_journal_get_gear(j, blue, &g, &err), NF_OK);
	assert_int_equal(g.runs, 3);
	assert_int_equal(nf_journal_set_gear_between(j, NF_GEAR_SHOES, 0, D2015, D2015 + 3 * 86400, &n, &err),
			 NF_OK);
	assert_int_equal(n, 3);
	assert_int_equal(nf_journal_get_gear(j, blue, &g, &err), NF_OK);
	assert_int_equal(g.runs, 2);
	assert_int_equal(nf_journal_set_gear_between(j, NF_GEAR_INSOLES, blue, D2015, D2015 + 86400, &n, &err),
			 NF_EINVAL);
	assert_int_equal(nf_journal_set_gear_between(j, NF_GEAR_SHOES, blue, D2015, D2015, &n, &err), NF_EINVAL);
	assert_int_equal(nf_journal_set_gear_between(j, NF_GEAR_SHOES, 999, D2015, D2015 + 1, &n, &err),
			 NF_ENOTFOUND);
	nf_journal_close(j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(gear_by_date),
		cmocka_unit_test(same_run),
		cmocka_unit_test(gear_between),
	};
	umask(077);
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	tj_cleanup();
	return rc;
}
