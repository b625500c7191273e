/* Fuzz target: the knowledge-base reader, with the input as the knowledge base and the test
 * vocabulary (tests/unit/data/vocab.json, read once; run from the repository root). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"
#include "numbfoot/kb.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *vocab;

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *s = calloc(1, 1 << 20);
	if (s)
		fread(s, 1, (1 << 20) - 1, f);
	fclose(f);
	return s;
}

static void count(void *ctx, const char *msg)
{
	(void)msg;
	(*(size_t *)ctx)++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!vocab && !(vocab = slurp("tests/unit/data/vocab.json")))
		abort();
	char *text = fuzz_text(data, size);
	if (!text)
		return 0;
	nf_kb *kb = NULL;
	nf_error err;
	nf_err rc = nf_kb_load(vocab, "vocab.json", text, "fuzz.json", &kb, &err);
	size_t n = 0, faults = nf_kb_check(vocab, "vocab.json", text, "fuzz.json", count, &n);
	/* The two entry points must agree: a fault found by one is found by the other. */
	if ((rc == NF_OK) != (faults == 0) || faults != n)
		abort();
	if (rc != NF_OK && (kb || !err.msg[0]))
		abort();
	nf_kb_free(kb);
	free(text);
	return 0;
}
