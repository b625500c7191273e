/* Allocation-failure injection for the journal (STYLE practice 6, the allocator half): SQLite's
 * allocator is replaced (SQLITE_CONFIG_MALLOC, a public API) by one that fails the N-th
 * allocation, once or from then on, for N = 1, 2, 3... through opening a journal, adding a run
 * with episodes, and closing. Every run must end in success or a clean error, with no memory
 * left allocated and a journal that passes integrity_check and holds exactly the state before
 * (on error) or after (on success). */
#include "test_journal_util.h"

static long oom_count;   /* allocations so far */
static long oom_at;      /* fail this one; 0: never */
static bool oom_sticky;  /* and every later one */
static long oom_hits;
static long oom_live;    /* allocations not yet freed */

/* Each block carries its size in front, as xSize needs it. */
#define HDR 16

static bool oom_fail(void)
{
	oom_count++;
	if (oom_at && (oom_count == oom_at || (oom_sticky && oom_count > oom_at))) {
		oom_hits++;
		return true;
	}
	return false;
}

static void *x_malloc(int n)
{
	if (oom_fail())
		return NULL;
	char *p = malloc((size_t)n + HDR);
	if (!p)
		return NULL;
	memcpy(p, &n, sizeof n);
	oom_live++;
	return p + HDR;
}

static void x_free(void *q)
{
	if (!q)
		return;
	oom_live--;
	free((char *)q - HDR);
}

static int x_size(void *q)
{
	int n = 0;
	if (q)
		memcpy(&n, (char *)q - HDR, sizeof n);
	return n;
}

static void *x_realloc(void *q, int n)
{
	if (oom_fail())
		return NULL;
	char *p = realloc((char *)q - HDR, (size_t)n + HDR);
	if (!p)
		return NULL;
	memcpy(p, &n, sizeof n);
	return p + HDR;
}

static int x_roundup(int n)
{
	return (n + 7) & ~7;
}

static int x_init(void *unused)
{
	return SQLITE_OK;
}

static void x_shutdown(void *unused)
{
}

static const sqlite3_mem_methods oom_methods = {
	x_malloc, x_free, x_realloc, x_size, x_roundup, x_init, x_shutdown, NULL,
};

/* Copies the journal at from (closed, so without a log) over to, removing to's old log. */
static void copy_base(const char *from, const char *to)
{
	char buf[8192];
	size_t n;
	snprintf(buf, sizeof buf, "%s-wal", to);
	unlink(buf);
	snprintf(buf, sizeof buf, "%s-shm", to);
	unlink(buf);
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	assert_non_null(in);
	assert_non_null(out);
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		assert_int_equal(fwrite(buf, 1, n, out), n);
	fclose(in);
	assert_int_equal(fclose(out), 0);
}

static int64_t runs_in(const char *path, int64_t *episodes)
{
	nf_journal *j;
	nf_error err = {0};
	long saved = oom_at;
	oom_at = 0;
	assert_int_equal(nf_journal_open(path, &j, &err), NF_OK);
	assert_int_equal(nf_journal_check(j, &err), NF_OK);
	nf_journal_counts c = tj_counts(j);
	nf_journal_close(j);
	oom_at = saved;
	*episodes = c.episodes;
	return c.runs;
}

static nf_err add_run(const char *path, nf_error *err)
{
	nf_journal *j;
	nf_err rc = nf_journal_open(path, &j, err);
	if (rc)
		return rc;
	nf_journal_run r = tj_run(10, 1796000000);
	r.shoes_id = 1;
	snprintf(r.notes, sizeof r.notes, "oom test");
	nf_episode e[2];
	nf_episode_init(&e[0]);
	nf_episode_init(&e[1]);
	e[0].severity = 3;
	e[1].locations = 5;
	unsigned crossed;
	static nf_track_point route[1500]; /* a route of several pages */
	for (size_t i = 0; i < 1500; i++)
		route[i] = (nf_track_point){45 + (double)i * 1e-4, 7, (double)i * 11, (double)i * 3};
	rc = nf_journal_add_run_track(j, &r, e, 2, route, 1500, &crossed, err);
	nf_journal_close(j);
	return rc;
}

static void test_oom_add_run(void **state)
{
	char base[512], work[512];
	nf_error err = {0};
	snprintf(base, sizeof base, "%s", tj_path("oom_base"));
	snprintf(work, sizeof work, "%s", tj_path("oom_work"));
	nf_journal *j = tj_open(base);
	tj_add_shoes(j, "ghost", 10);
	nf_journal_close(j);
	int64_t e0, e1, r0 = runs_in(base, &e0);

	/* Fault-free: how many allocations, and the state after. */
	copy_base(base, work);
	oom_count = 0;
	assert_int_equal(add_run(work, &err), NF_OK);
	long total = oom_count;
	int64_t r1 = runs_in(work, &e1);
	assert_int_equal(r1, r0 + 1);
	assert_int_equal(e1, e0 + 2);
	assert_true(total > 10);

	long tried = 0;
	for (long n = 1; n <= total + 1; n++) {
		for (int sticky = 0; sticky < 2; sticky++) {
			copy_base(base, work);
			long live0 = oom_live;

			oom_count = 0;
			oom_hits = 0;
			oom_at = n;
			oom_sticky = sticky;
			nf_error_clear(&err);
			nf_err rc = add_run(work, &err);
			oom_at = 0;
			tried++;
			/* Everything SQLite allocated for the connection is back. */
			assert_int_equal(oom_live, live0);
			int64_t ep, runs = runs_in(work, &ep);
			if (rc) {
				assert_true(oom_hits > 0);
				assert_true(err.msg[0] != '\0');
				if (runs != r0 || ep != e0) {
					fprintf(stderr, "allocation %ld (%s) failed with '%s' but the run is "
						"stored\n", n, sticky ? "sticky" : "once", err.msg);
					fail();
				}
			} else {
				assert_int_equal(runs, r1);
				assert_int_equal(ep, e1);
			}
		}
	}
	print_message("add_run: allocation failures at 1..%ld, each once and persistent\n", total + 1);
	assert_true(tried > 20);
}

static int teardown(void **state)
{
	tj_cleanup();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_oom_add_run),
	};
	umask(077);
	/* Before SQLite initialises itself: the allocator cannot change afterwards. */
	if (sqlite3_config(SQLITE_CONFIG_MALLOC, &oom_methods) != SQLITE_OK) {
		fprintf(stderr, "sqlite3_config(SQLITE_CONFIG_MALLOC) refused\n");
		return 1;
	}
	return cmocka_run_group_tests_name("journal allocation failures", tests, NULL, teardown);
}
