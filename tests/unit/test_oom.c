/* Out of memory, one allocation at a time: nf_kb_load, nf_analyze and the GPX, TCX and FIT
 * importers are run once to count their allocations (the library's, through core/alloc.h's hook,
 * and jansson's), then once for each N with the Nth failing. Each such run must return an error,
 * never NF_OK with something missing; under AddressSanitizer (make SAN=1) LeakSanitizer checks
 * that none leaves memory behind. */
#include <jansson.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "core/alloc.h"
#include "kb_fixture.h"
#include "numbfoot/import.h"
#include "test_analyze_util.h"

static long count;   /* allocations so far */
static long fail_at; /* fail this one; 0: none */
static long hits;    /* allocations failed */
static bool in_json; /* the one that failed was jansson's */

static bool fail_nth(size_t n)
{
	(void)n;
	count++;
	if (fail_at && count == fail_at) {
		hits++;
		return true;
	}
	return false;
}

/* jansson survives some failures of its own allocations (the parse goes on without them), so a
 * failure there must leave nothing behind and may still end in NF_OK. */
static void *json_alloc(size_t n)
{
	if (!fail_nth(n))
		return malloc(n);
	in_json = true;
	return NULL;
}

/* One operation under test: returns what the library returned, freeing what it made. */
typedef nf_err (*op_fn)(void *ctx, nf_error *err);

static void each_allocation_fails(const char *what, op_fn op, void *ctx)
{
	nf_error err = {0};
	count = fail_at = 0;
	nf_err rc = op(ctx, &err);
	if (rc)
		fail_msg("%s: %s", what, err.msg);
	long total = count, json_ok = 0;
	assert_true(total > 0);
	for (long n = 1; n <= total; n++) {
		count = hits = 0;
		in_json = false;
		fail_at = n;
		nf_error_clear(&err);
		rc = op(ctx, &err);
		fail_at = 0;
		if (hits != 1)
			fail_msg("%s: allocation %ld of %ld was not reached (%ld failed)", what, n, total, hits);
		if (rc == NF_OK && in_json) {
			json_ok++;
			continue;
		}
		if (rc == NF_OK)
			fail_msg("%s: allocation %ld of %ld failed and it returned NF_OK", what, n, total);
		if (!err.msg[0])
			fail_msg("%s: allocation %ld of %ld failed with no message", what, n, total);
	}
	print_message("%s: %ld allocations, each failing in turn (%ld of jansson's survived by it)\n", what, total,
		      json_ok);
}

/* ---- the knowledge base ---- */

struct kb_texts {
	char *vocab, *kb;
};

static nf_err load_kb(void *ctx, nf_error *err)
{
	struct kb_texts *t = ctx;
	nf_kb *kb = NULL;
	nf_err rc = nf_kb_load(t->vocab, "vocab.json", t->kb, "kb.json", &kb, err);
	if (!rc != !!kb)
		fail_msg("nf_kb_load returned %d with kb %p", rc, (void *)kb);
	nf_kb_free(kb);
	return rc;
}

static void test_kb_load(void **state)
{
	(void)state;
	struct kb_texts t = {fixture_text("tests/unit/data/vocab.json"), fixture_text("tests/unit/data/kb.json")};
	assert_non_null(t.vocab);
	assert_non_null(t.kb);
	each_allocation_fails("nf_kb_load", load_kb, &t);
	free(t.vocab);
	free(t.kb);
}

/* ---- the analysis ---- */

static nf_err analyze(void *ctx, nf_error *err)
{
	nf_analysis *a = NULL;
	nf_err rc = nf_analyze(ctx, TA_T0 + 80 * TA_DAY, &a, err);
	if (!rc != !!a)
		fail_msg("nf_analyze returned %d with analysis %p", rc, (void *)a);
	nf_analysis_free(a);
	return rc;
}

static void test_analyze(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("oom_analyze"));
	int64_t blue = tj_add_shoes(j, "blue", 100), red = tj_add_shoes(j, "red", 700);
	/* Enough for every derivation to run: episodes with onset, severity, recovery and flags in one
	 * pair, runs without in the other, paces, temperatures and cadences. */
	for (int i = 0; i < 24; i++) {
		bool ep = i % 2 == 0;
		ta_add(j, &TA_RUN(.day = i * 3, .pace = ep ? 300 : 330, .shoes = ep ? blue : red,
				  .onset_km = ep ? 6 + (i % 3) * 0.2 : 0, .sev = ep ? 3 + i / 8 : -1,
				  .temp = i % 4 ? 12 : 2, .cadence = 150 + i % 3, .recover = ep ? 5 : NAN,
				  .cramp = ep ? 0 : -1, .loosen = ep ? 1 : -1, .foot = ep ? NF_FOOT_LEFT : NF_FOOT_UNKNOWN));
	}
	each_allocation_fails("nf_analyze", analyze, j);
	nf_journal_close(j);
}

/* ---- the importers ---- */

struct input {
	const char *name;
	unsigned char *data;
	size_t len;
	bool route;
};

static nf_err import(void *ctx, nf_error *err)
{
	struct input *in = ctx;
	nf_import_opts o;
	nf_import_opts_init(&o);
	o.route = in->route;
	nf_import *im = NULL;
	nf_err rc = nf_import_read_buffer(in->data, in->len, in->name, &o, &im, err);
	if (!rc != !!im)
		fail_msg("nf_import_read_buffer returned %d with %p", rc, (void *)im);
	nf_import_free(im);
	return rc;
}

static void import_each(const char *fixture, bool route)
{
	char path[512];
	snprintf(path, sizeof path, "tests/fixtures/%s", fixture);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	struct input in = {fixture, NULL, 0, route};
	in.data = malloc(1 << 20);
	assert_non_null(in.data);
	in.len = fread(in.data, 1, 1 << 20, f);
	fclose(f);
	assert_true(in.len > 0);
	char what[600];
	snprintf(what, sizeof what, "import %s%s", fixture, route ? " with its route" : "");
	each_allocation_fails(what, import, &in);
	free(in.data);
}

static void test_import_gpx(void **state)
{
	(void)state;
	import_each("gpx/gpx1.1_with_all_fields.gpx", true);
}

static void test_import_tcx(void **state)
{
	(void)state;
	import_each("tcx/test.tcx", true);
}

static void test_import_fit(void **state)
{
	(void)state;
	import_each("fit/activity-small-fenix2-run.fit", true);
	import_each("fit/activity-small-fenix2-run.fit", false);
}

static int setup(void **state)
{
	(void)state;
	core_alloc_set_hook(fail_nth);
	json_set_alloc_funcs(json_alloc, free);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	core_alloc_set_hook(NULL);
	tj_cleanup();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kb_load),
		cmocka_unit_test(test_analyze),
		cmocka_unit_test(test_import_gpx),
		cmocka_unit_test(test_import_tcx),
		cmocka_unit_test(test_import_fit),
	};
	return cmocka_run_group_tests_name("out of memory", tests, setup, teardown);
}
