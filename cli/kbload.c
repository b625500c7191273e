/* Which knowledge base a command uses: --kb FILE, else $NUMBFOOT_KB, else the built-in one; and
 * --vocab FILE, else the built-in vocabulary. */
#include <stdlib.h>

#include "cli.h"
#include "numbfoot/kb.h"

extern const char nf_blob_kb[], nf_blob_vocab[];
extern const char nf_blob_kb_image[], nf_blob_kb_image_end[];

const char *cli_builtin_kb(void) { return nf_blob_kb; }
const char *cli_builtin_vocab(void) { return nf_blob_vocab; }

int cli_load_kb(const struct cli_args *a, nf_kb **kb)
{
	nf_error err;
	const char *path = a ? cli_opt(a, "kb") : NULL;
	const char *vocab = a ? cli_opt(a, "vocab") : NULL;
	nf_err rc;
	if (!path)
		path = getenv("NUMBFOOT_KB");
	if (path && !*path)
		path = NULL;
	if (vocab && path)
		rc = nf_kb_load_files(vocab, path, kb, &err);
	else if (path)
		rc = nf_kb_load_file(nf_blob_vocab, "kb/vocabulary.json", path, kb, &err);
	else if (vocab) {
		cli_errorf("--vocab needs --kb too");
		return CLI_EXIT_USAGE;
	} else if (nf_kb_load_image(nf_blob_kb_image, (size_t)(nf_blob_kb_image_end - nf_blob_kb_image), kb,
				    &err) == NF_OK) {
		rc = NF_OK; /* the built-in knowledge base, compiled at build time from the JSON below */
	} else {
		rc = nf_kb_load(nf_blob_vocab, "kb/vocabulary.json", nf_blob_kb, "kb/numbfoot.json", kb, &err);
	}
	/* A --kb file that cannot be read is bad input, as a case file or an import is (exit 2); the
	 * built-in one failing is the program's own fault. */
	if (rc == NF_EIO && path) {
		cli_fail(&err);
		return CLI_EXIT_USAGE;
	}
	if (rc != NF_OK)
		return cli_fail(&err);
	return CLI_EXIT_OK;
}
