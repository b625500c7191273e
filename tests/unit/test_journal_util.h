/* Helpers shared by the journal's unit tests: a private temporary folder per program, and small
 * builders for runs and episodes. */
#ifndef TEST_JOURNAL_UTIL_H
#define TEST_JOURNAL_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "journal/journal_priv.h"
#include "numbfoot/journal.h"

static char tj_dir[256];

/* Creates the temporary folder once; returns a fresh path NAME.db in it (old files removed). */
static inline const char *tj_path(const char *name)
{
	static char p[512];
	if (!tj_dir[0]) {
		snprintf(tj_dir, sizeof tj_dir, "/tmp/numbfoot-test-XXXXXX");
		if (!mkdtemp(tj_dir))
			abort();
	}
	snprintf(p, sizeof p, "%s/%s.db", tj_dir, name);
	static const char *const suffix[] = {"", "-wal", "-shm"};
	for (int i = 0; i < 3; i++) {
		char q[600];
		snprintf(q, sizeof q, "%s%s", p, suffix[i]);
		unlink(q);
	}
	return p;
}

static inline void tj_cleanup(void)
{
	if (tj_dir[0]) {
		char cmd[300];
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", tj_dir);
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", tj_dir);
	}
}

static inline nf_journal *tj_open(const char *path)
{
	nf_journal *j = NULL;
	nf_error err = {0};
	nf_err rc = nf_journal_open(path, &j, &err);
	if (rc)
		fprintf(stderr, "open: %s\n", err.msg);
	assert_int_equal(rc, NF_OK);
	return j;
}

static inline nf_journal_run tj_run(double km, int64_t start)
{
	nf_journal_run r;
	nf_journal_run_init(&r);
	r.rec.distance_m = km * 1000;
	r.rec.start_time = start;
	r.rec.moving_s = km * 330;
	r.rec.elapsed_s = km * 340;
	return r;
}

static inline int64_t tj_add_shoes(nf_journal *j, const char *nick, double start_km)
{
	nf_gear g;
	nf_error err = {0};
	nf_gear_init(&g, NF_GEAR_SHOES);
	snprintf(g.nickname, sizeof g.nickname, "%s", nick);
	g.start_km = start_km;
	assert_int_equal(nf_journal_add_gear(j, &g, &err), NF_OK);
	return g.id;
}

static inline nf_journal_counts tj_counts(nf_journal *j)
{
	nf_journal_counts c;
	nf_error err = {0};
	assert_int_equal(nf_journal_count(j, &c, &err), NF_OK);
	return c;
}

#endif
