/* Fuzz target: the case-file reader, against the test knowledge base (tests/unit/data; run from
 * the repository root). A case that loads is also applied to an engine and ranked. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"
#include "numbfoot/case.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static nf_kb *kb;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!kb && nf_kb_load_files("tests/unit/data/vocab.json", "tests/unit/data/kb.json", &kb, NULL) != NF_OK)
		abort();
	char *text = fuzz_text(data, size);
	if (!text)
		return 0;
	nf_case *c = NULL;
	nf_error err;
	if (nf_case_load(kb, text, "fuzz.json", &c, &err) == NF_OK) {
		nf_engine *e;
		if (nf_engine_new(kb, nf_case_mode(c), &e, NULL) == NF_OK) {
			size_t order[NF_MAX_CONDITIONS];
			if (nf_case_apply(c, e, NULL) != NF_OK)
				abort(); /* a case that loaded must apply */
			nf_engine_ranking(e, order, NF_MAX_CONDITIONS);
			nf_engine_triage(e, NULL);
			free(nf_engine_result_json(e));
			nf_engine_free(e);
		}
		nf_case_free(c);
	} else if (!err.msg[0]) {
		abort();
	}
	free(text);
	return 0;
}
