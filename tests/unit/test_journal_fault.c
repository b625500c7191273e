/* Fault injection for the journal (STYLE practice 6): a VFS shim around SQLite's default VFS
 * fails the N-th write, truncate or sync with SQLITE_IOERR or SQLITE_FULL, for N = 1, 2, 3...
 * until an operation completes without reaching N. Every run must end in success or a clean
 * error, and afterwards the journal must pass PRAGMA integrity_check and hold either exactly
 * the state before the operation (when it failed) or exactly the state after (when it
 * succeeded). Each N is tried twice: a transient fault (that one call fails) and a persistent
 * one (that call and every later one fail, like a full disk). Leaks are caught by the
 * sanitizer build (make SAN=1 unit), and here by SQLite's own count of memory in use.
 *
 * SQLITE_TESTCTRL and sqlite3_config fault hooks are not in Debian's build, hence the shim. */
#include "test_journal_util.h"

/* ---- the shim ---- */

static sqlite3_vfs *real_vfs;
static long fault_ops;    /* write-like calls so far */
static long fault_at;     /* fail the call with this number; 0: never */
static bool fault_sticky; /* and every later one */
static int fault_code;    /* SQLITE_IOERR_WRITE or SQLITE_FULL */
static long fault_hits;   /* calls failed */

struct shim_file {
	sqlite3_file base; /* pMethods = &shim_io */
	sqlite3_file *real; /* follows this struct in the same allocation */
};

static bool should_fail(void)
{
	fault_ops++;
	if (fault_at && (fault_ops == fault_at || (fault_sticky && fault_ops > fault_at))) {
		fault_hits++;
		return true;
	}
	return false;
}

#define REAL(f) (((struct shim_file *)(f))->real)

static int shim_close(sqlite3_file *f)
{
	int rc = REAL(f)->pMethods ? REAL(f)->pMethods->xClose(REAL(f)) : SQLITE_OK;
	return rc;
}
static int shim_read(sqlite3_file *f, void *p, int n, sqlite3_int64 off)
{
	return REAL(f)->pMethods->xRead(REAL(f), p, n, off);
}
static int shim_write(sqlite3_file *f, const void *p, int n, sqlite3_int64 off)
{
	if (should_fail())
		return fault_code;
	return REAL(f)->pMethods->xWrite(REAL(f), p, n, off);
}
static int shim_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	if (should_fail())
		return fault_code == SQLITE_FULL ? SQLITE_FULL : SQLITE_IOERR_TRUNCATE;
	return REAL(f)->pMethods->xTruncate(REAL(f), size);
}
static int shim_sync(sqlite3_file *f, int flags)
{
	if (should_fail())
		return SQLITE_IOERR_FSYNC;
	return REAL(f)->pMethods->xSync(REAL(f), flags);
}
static int shim_size(sqlite3_file *f, sqlite3_int64 *size)
{
	return REAL(f)->pMethods->xFileSize(REAL(f), size);
}
static int shim_lock(sqlite3_file *f, int l)
{
	return REAL(f)->pMethods->xLock(REAL(f), l);
}
static int shim_unlock(sqlite3_file *f, int l)
{
	return REAL(f)->pMethods->xUnlock(REAL(f), l);
}
static int shim_reserved(sqlite3_file *f, int *out)
{
	return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}
static int shim_fcntl(sqlite3_file *f, int op, void *arg)
{
	return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}
static int shim_sector(sqlite3_file *f)
{
	return REAL(f)->pMethods->xSectorSize(REAL(f));
}
static int shim_devchar(sqlite3_file *f)
{
	return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}
static int shim_shm_map(sqlite3_file *f, int pg, int sz, int extend, void volatile **pp)
{
	return REAL(f)->pMethods->xShmMap(REAL(f), pg, sz, extend, pp);
}
static int shim_shm_lock(sqlite3_file *f, int off, int n, int flags)
{
	return REAL(f)->pMethods->xShmLock(REAL(f), off, n, flags);
}
static void shim_shm_barrier(sqlite3_file *f)
{
	REAL(f)->pMethods->xShmBarrier(REAL(f));
}
static int shim_shm_unmap(sqlite3_file *f, int del)
{
	return REAL(f)->pMethods->xShmUnmap(REAL(f), del);
}
static int shim_fetch(sqlite3_file *f, sqlite3_int64 off, int n, void **pp)
{
	return REAL(f)->pMethods->xFetch(REAL(f), off, n, pp);
}
static int shim_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
	return REAL(f)->pMethods->xUnfetch(REAL(f), off, p);
}

static const sqlite3_io_methods shim_io = {
	3, shim_close, shim_read, shim_write, shim_truncate, shim_sync, shim_size, shim_lock,
	shim_unlock, shim_reserved, shim_fcntl, shim_sector, shim_devchar, shim_shm_map,
	shim_shm_lock, shim_shm_barrier, shim_shm_unmap, shim_fetch, shim_unfetch,
};

static int shim_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out)
{
	struct shim_file *s = (struct shim_file *)f;
	s->real = (sqlite3_file *)(s + 1);
	memset(s->real, 0, (size_t)real_vfs->szOsFile);
	int rc = real_vfs->xOpen(real_vfs, name, s->real, flags, out);
	/* SQLite calls xClose only when pMethods is set; set it when the real open set its own. */
	s->base.pMethods = s->real->pMethods ? &shim_io : NULL;
	return rc;
}
static int shim_delete(sqlite3_vfs *vfs, const char *name, int sync)
{
	return real_vfs->xDelete(real_vfs, name, sync);
}
static int shim_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
	return real_vfs->xAccess(real_vfs, name, flags, out);
}
static int shim_fullname(sqlite3_vfs *vfs, const char *name, int n, char *out)
{
	return real_vfs->xFullPathname(real_vfs, name, n, out);
}
static void *shim_dlopen(sqlite3_vfs *vfs, const char *name)
{
	return real_vfs->xDlOpen(real_vfs, name);
}
static void shim_dlerror(sqlite3_vfs *vfs, int n, char *msg)
{
	real_vfs->xDlError(real_vfs, n, msg);
}
static void (*shim_dlsym(sqlite3_vfs *vfs, void *h, const char *sym))(void)
{
	return real_vfs->xDlSym(real_vfs, h, sym);
}
static void shim_dlclose(sqlite3_vfs *vfs, void *h)
{
	real_vfs->xDlClose(real_vfs, h);
}
static int shim_random(sqlite3_vfs *vfs, int n, char *out)
{
	return real_vfs->xRandomness(real_vfs, n, out);
}
static int shim_sleep(sqlite3_vfs *vfs, int us)
{
	return real_vfs->xSleep(real_vfs, us);
}
static int shim_time(sqlite3_vfs *vfs, double *t)
{
	return real_vfs->xCurrentTime(real_vfs, t);
}
static int shim_lasterr(sqlite3_vfs *vfs, int n, char *msg)
{
	return real_vfs->xGetLastError ? real_vfs->xGetLastError(real_vfs, n, msg) : 0;
}
static int shim_time64(sqlite3_vfs *vfs, sqlite3_int64 *t)
{
	return real_vfs->xCurrentTimeInt64(real_vfs, t);
}

static sqlite3_vfs shim_vfs = {
	.iVersion = 2,
	.zName = "numbfoot-fault",
	.xOpen = shim_open,
	.xDelete = shim_delete,
	.xAccess = shim_access,
	.xFullPathname = shim_fullname,
	.xDlOpen = shim_dlopen,
	.xDlError = shim_dlerror,
	.xDlSym = shim_dlsym,
	.xDlClose = shim_dlclose,
	.xRandomness = shim_random,
	.xSleep = shim_sleep,
	.xCurrentTime = shim_time,
	.xGetLastError = shim_lasterr,
	.xCurrentTimeInt64 = shim_time64,
};

static int setup(void **state)
{
	real_vfs = sqlite3_vfs_find(NULL);
	if (!real_vfs)
		return -1;
	shim_vfs.szOsFile = (int)sizeof(struct shim_file) + real_vfs->szOsFile;
	shim_vfs.mxPathname = real_vfs->mxPathname;
	/* The default from now on, so that nf_journal_open uses it without knowing. */
	return sqlite3_vfs_register(&shim_vfs, 1) == SQLITE_OK ? 0 : -1;
}

static int teardown(void **state)
{
	sqlite3_vfs_unregister(&shim_vfs);
	tj_cleanup();
	return 0;
}

/* ---- the loop ---- */

/* A snapshot of what a journal holds, compared before and after. */
struct snapshot {
	int version;
	nf_journal_counts c;
	double used_km; /* of gear 1, or -1 */
	int severity;   /* of episode 1, or -2 */
};

static void copy_file(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	char buf[8192];
	size_t n;
	/* A log left by the previous round would be replayed onto the fresh copy. */
	snprintf(buf, sizeof buf, "%s-wal", to);
	unlink(buf);
	snprintf(buf, sizeof buf, "%s-shm", to);
	unlink(buf);
	assert_non_null(in);
	assert_non_null(out);
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		assert_int_equal(fwrite(buf, 1, n, out), n);
	fclose(in);
	assert_int_equal(fclose(out), 0);
	chmod(to, 0600);
}

/* Reads the snapshot of the journal at path with faults off, after checking its integrity. */
static struct snapshot take(const char *path)
{
	struct snapshot s = {.used_km = -1, .severity = -2};
	nf_error err = {0};
	nf_journal *j;
	long saved = fault_at;
	fault_at = 0;
	assert_int_equal(jr_open_raw(path, false, &j, &err), NF_OK);
	assert_int_equal(nf_journal_check(j, &err), NF_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(j->db, "PRAGMA user_version", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	s.version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (s.version == NF_JOURNAL_SCHEMA_VERSION) {
		nf_gear g;
		nf_episode e;
		s.c = tj_counts(j);
		if (!nf_journal_get_gear(j, 1, &g, NULL))
			s.used_km = g.used_km;
		if (!nf_journal_get_episode(j, 1, &e, NULL))
			s.severity = e.severity;
	} else {
		/* Older schema: count the runs directly. */
		assert_int_equal(sqlite3_prepare_v2(j->db, "SELECT count(*) FROM runs", -1, &st, NULL),
				 SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		s.c.runs = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	nf_journal_close(j);
	fault_at = saved;
	return s;
}

static bool same(const struct snapshot *a, const struct snapshot *b)
{
	return a->version == b->version && a->c.gear == b->c.gear && a->c.runs == b->c.runs &&
	       a->c.episodes == b->c.episodes && a->c.assessments == b->c.assessments &&
	       fabs(a->used_km - b->used_km) < 1e-9 && a->severity == b->severity;
}

typedef nf_err (*operation)(nf_journal *j, nf_error *err);

/* Opens path, runs op, closes. Returns the first error (open's or op's). */
static nf_err run_op(const char *path, operation op, nf_error *err)
{
	nf_journal *j;
	nf_err rc = nf_journal_open(path, &j, err);
	if (rc)
		return rc;
	rc = op ? op(j, err) : NF_OK;
	nf_journal_close(j);
	return rc;
}

/* Runs op on a copy of base for N = 1, 2, ... with each kind of fault and checks the outcome.
 * want_after is the snapshot of a fault-free run. Returns the number of N tried. */
static long fault_loop(const char *base, operation op, const char *name)
{
	char work[512];
	snprintf(work, sizeof work, "%s", tj_path(name));
	struct snapshot before = take(base), after;
	/* A fault-free run gives the expected "after" state and the number of write calls. */
	copy_file(base, work);
	fault_at = 0;
	fault_ops = 0;
	nf_error err = {0};
	assert_int_equal(run_op(work, op, &err), NF_OK);
	long total = fault_ops;
	after = take(work);
	assert_false(same(&before, &after));
	sqlite3_int64 mem0 = sqlite3_memory_used();

	long n;
	for (n = 1; n <= total + 1; n++) {
		for (int sticky = 0; sticky < 2; sticky++) {
			copy_file(base, work);
			fault_ops = 0;
			fault_hits = 0;
			fault_at = n;
			fault_sticky = sticky;
			fault_code = n % 2 ? SQLITE_IOERR_WRITE : SQLITE_FULL;
			nf_error_clear(&err);
			nf_err rc = run_op(work, op, &err);
			fault_at = 0;
			struct snapshot s = take(work);
			if (rc) {
				/* A clean error: a message, a fault really happened, nothing changed. */
				assert_true(err.msg[0] != '\0');
				assert_true(fault_hits > 0);
				/* forget --all and deleting an assessment: the delete committed, the wipe
				 * after it failed and says so. */
				bool emptied = (strstr(err.msg, "was emptied") || strstr(err.msg, "was deleted, but wiping")) &&
					       same(&s, &after);
				if (!same(&s, &before) && !emptied) {
					fprintf(stderr, "%s: fault at write %ld (%s) failed with '%s' but changed "
						"the journal\n", name, n, sticky ? "sticky" : "once", err.msg);
					fail();
				}
			} else if (!same(&s, &after)) {
				fprintf(stderr, "%s: fault at write %ld (%s) reported success but the journal "
					"is not in the after state\n", name, n, sticky ? "sticky" : "once");
				fail();
			}
			assert_true(sqlite3_memory_used() <= mem0);
		}
	}
	assert_true(n > 2);
	return n - 1;
}

/* ---- the operations ---- */

static nf_err op_add_run(nf_journal *j, nf_error *err)
{
	nf_journal_run r = tj_run(12, 1796000000);
	r.shoes_id = 1;
	nf_episode e[2];
	nf_episode_init(&e[0]);
	nf_episode_init(&e[1]);
	e[0].severity = 6;
	e[1].locations = 3;
	unsigned crossed;
	snprintf(r.notes, sizeof r.notes, "%s", "a long note to make the row a little larger");
	/* With a route of several pages, so that faults fall inside its blob too. */
	static nf_track_point route[1500];
	for (size_t i = 0; i < 1500; i++)
		route[i] = (nf_track_point){45 + (double)i * 1e-4, 7, (double)i * 11, (double)i * 3};
	return nf_journal_add_run_track(j, &r, e, 2, route, 1500, &crossed, err);
}

static nf_err op_add_gear(nf_journal *j, nf_error *err)
{
	nf_gear g;
	nf_gear_init(&g, NF_GEAR_SHOES);
	snprintf(g.nickname, sizeof g.nickname, "fresh");
	g.is_default = true;
	return nf_journal_add_gear(j, &g, err);
}

static nf_err op_delete_run(nf_journal *j, nf_error *err)
{
	return nf_journal_delete_run(j, 1, err); /* and its episodes, by cascade */
}

static nf_err op_update_episode(nf_journal *j, nf_error *err)
{
	nf_episode e;
	nf_err rc = nf_journal_get_episode(j, 1, &e, err);
	if (rc)
		return rc;
	e.severity = 9;
	return nf_journal_update_episode(j, &e, err);
}

static nf_err op_delete_assessment(nf_journal *j, nf_error *err)
{
	return nf_journal_delete_assessment(j, 1, err);
}

static nf_err op_forget(nf_journal *j, nf_error *err)
{
	return nf_journal_forget_all(j, err);
}

/* A journal with gear, runs and episodes, written with faults off. */
static const char *make_base(void)
{
	static char path[512];
	nf_error err = {0};
	snprintf(path, sizeof path, "%s", tj_path("base"));
	fault_at = 0;
	nf_journal *j = tj_open(path);
	tj_add_shoes(j, "ghost", 100);
	for (int i = 0; i < 20; i++) {
		nf_journal_run r = tj_run(8 + i % 5, 1795000000 + i * 86400);
		r.shoes_id = 1;
		snprintf(r.notes, sizeof r.notes, "run %d", i);
		nf_episode e;
		nf_episode_init(&e);
		e.severity = i % 11;
		assert_int_equal(nf_journal_add_run(j, &r, &e, i % 3 == 0 ? 1 : 0, NULL, &err), NF_OK);
	}
	assert_int_equal(nf_journal_add_assessment(j, "2026-11-28T07:30:00Z", "{\"answers\": {\"age\": 40}}", "{}",
						   false, NULL, &err),
			 NF_OK);
	nf_journal_close(j);
	return path;
}

static void test_fault_add_run(void **state)
{
	long n = fault_loop(make_base(), op_add_run, "f_add_run");
	print_message("add_run: faults at 1..%ld, each transient and persistent\n", n);
}

static void test_fault_add_gear(void **state)
{
	fault_loop(make_base(), op_add_gear, "f_add_gear");
}

static void test_fault_delete_run(void **state)
{
	fault_loop(make_base(), op_delete_run, "f_delete_run");
}

static void test_fault_update_episode(void **state)
{
	fault_loop(make_base(), op_update_episode, "f_update_episode");
}

static void test_fault_forget(void **state)
{
	fault_loop(make_base(), op_forget, "f_forget");
}

static void test_fault_delete_assessment(void **state)
{
	fault_loop(make_base(), op_delete_assessment, "f_delete_assessment");
}

/* Opening a v1 journal migrates it: a fault leaves it at v1 or whole at the latest version. */
static void test_fault_migration(void **state)
{
	static char path[512];
	nf_error err = {0};
	nf_journal *j;
	snprintf(path, sizeof path, "%s", tj_path("base_v1"));
	assert_int_equal(jr_open_raw(path, false, &j, &err), NF_OK);
	assert_int_equal(jr_migrate(j, 1, &err), NF_OK);
	assert_int_equal(sqlite3_exec(j->db, "INSERT INTO runs(distance_m) VALUES(5000)", NULL, NULL,
				      NULL), SQLITE_OK);
	nf_journal_close(j);
	fault_loop(path, NULL, "f_migrate");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fault_add_run),
		cmocka_unit_test(test_fault_add_gear),
		cmocka_unit_test(test_fault_delete_run),
		cmocka_unit_test(test_fault_update_episode),
		cmocka_unit_test(test_fault_forget),
		cmocka_unit_test(test_fault_delete_assessment),
		cmocka_unit_test(test_fault_migration),
	};
	umask(077);
	return cmocka_run_group_tests_name("journal faults", tests, setup, teardown);
}
