/* nf_version(): the release the build was made as (the Makefile's NUMBFOOT_VERSION), and the
 * assessment result that carries it. */
#include <jansson.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "kb_fixture.h"
#include "numbfoot/engine.h"
#include "numbfoot/version.h"

static void test_version_is_the_builds(void **state)
{
	(void)state;
	const char *v = nf_version();
	assert_non_null(v);
	assert_string_equal(v, NUMBFOOT_VERSION);
	/* MAJOR.MINOR.PATCH, digits only: scripts compare it. */
	int dots = 0;
	for (const char *p = v; *p; p++) {
		if (*p == '.')
			dots++;
		else
			assert_true(*p >= '0' && *p <= '9');
	}
	assert_int_equal(dots, 2);
	assert_true(v[0] != '.' && v[strlen(v) - 1] != '.' && !strstr(v, ".."));
}

static void test_result_json_carries_version(void **state)
{
	(void)state;
	nf_kb *kb = fixture_kb();
	assert_non_null(kb);
	nf_engine *e;
	assert_int_equal(nf_engine_new(kb, NF_MODE_RUNNER, &e, NULL), NF_OK);
	char *text = nf_engine_result_json(e);
	assert_non_null(text);
	json_t *root = json_loads(text, 0, NULL);
	assert_non_null(root);
	assert_string_equal(json_string_value(json_object_get(root, "version")), nf_version());
	/* Added beside the keys the result always had, none taken away. */
	assert_non_null(json_object_get(root, "triage"));
	assert_non_null(json_object_get(root, "ranking"));
	json_decref(root);
	free(text);
	nf_engine_free(e);
	nf_kb_free(kb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_version_is_the_builds),
		cmocka_unit_test(test_result_json_carries_version),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
