/* Helpers shared by the import unit tests: reading a fixture (tests/fixtures/, real watch files
 * from other projects, see its README) into memory and collecting the points a reader decodes. */
#ifndef NUMBFOOT_TEST_IMPORT_UTIL_H
#define NUMBFOOT_TEST_IMPORT_UTIL_H

#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>
#include <cmocka.h>

#include "numbfoot/import.h"
#include "import/import_priv.h"

#define FIT_EPOCH_UNIX 631065600

/* The tests run from the repository root (make unit). */
static inline void fixture_path(char *out, size_t cap, const char *rel)
{
	snprintf(out, cap, "tests/fixtures/%s", rel);
}

/* The whole fixture, malloc'ed; the caller frees it. Fails the test if it cannot be read. */
static inline unsigned char *fixture_read(const char *rel, size_t *len)
{
	char path[512];
	fixture_path(path, sizeof path, rel);
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open fixture %s (run the tests from the repository root)", path);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	unsigned char *buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	buf[n] = 0;
	*len = (size_t)n;
	return buf;
}

/* Points decoded from one input, up to a fixed number. */
#define POINTS_MAX 8192
typedef struct points {
	size_t n;
	imp_point p[POINTS_MAX];
} points;

static inline void points_add(void *ctx, const imp_point *pt)
{
	points *ps = ctx;
	if (ps->n < POINTS_MAX)
		ps->p[ps->n] = *pt;
	ps->n++;
}

static inline nf_err decode_str(const char *text, nf_run_record *run, nf_error *err)
{
	return nf_import_buffer(text, strlen(text), "inline.xml", run, err);
}

#define assert_near(a, b, tol)                                                                    \
	do {                                                                                      \
		double a_ = (a), b_ = (b);                                                        \
		if (!(fabs(a_ - b_) <= (tol)))                                                    \
			fail_msg("%s = %.6f, expected %.6f (+- %g)", #a, a_, b_, (double)(tol)); \
	} while (0)

#define assert_contains(hay, needle)                                                              \
	do {                                                                                      \
		if (!strstr((hay), (needle)))                                                     \
			fail_msg("\"%s\" does not contain \"%s\"", (hay), (needle));              \
	} while (0)

#endif
