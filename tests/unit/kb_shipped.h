/* The shipped knowledge base (kb/vocabulary.json and kb/numbfoot.json), loaded once for a group of
 * tests as kb: pass kb_shipped_setup and kb_shipped_teardown to cmocka_run_group_tests. */
#ifndef NUMBFOOT_TEST_KB_SHIPPED_H
#define NUMBFOOT_TEST_KB_SHIPPED_H

#include <stdio.h>

#include "numbfoot/kb.h"

static nf_kb *kb;

static int kb_shipped_setup(void **state)
{
	nf_error err;
	if (nf_kb_load_files("kb/vocabulary.json", "kb/numbfoot.json", &kb, &err) != NF_OK) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	return 0;
}

static int kb_shipped_teardown(void **state)
{
	nf_kb_free(kb);
	return 0;
}

#endif
