/* numbfoot forget --all: delete the whole journal, leaving no trace in the file or its log. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "paths.h"

static const struct cli_option forget_options[] = {
	CLI_JOURNAL_OPTIONS,
	{"all", NULL, "delete every run, episode, pair of gear and assessment"},
	{"yes", NULL, "do not ask (needed when standard input is not a terminal)"},
	{NULL, NULL, NULL},
};

static int run_forget(const struct cli_args *a)
{
	nf_error err = {0};
	nf_journal *j;
	char path[4096];
	if (a->npos || !cli_flag(a, "all")) {
		cli_errorf("forget: only 'numbfoot forget --all' exists so far (to delete one run: "
			   "'numbfoot run delete RUN')");
		return CLI_EXIT_USAGE;
	}
	int prc = cli_journal_path(a, path, sizeof path);
	if (prc)
		return prc;
	if (!cli_flag(a, "yes")) {
		char line[16];
		if (!isatty(STDIN_FILENO)) {
			cli_errorf("forget --all: standard input is not a terminal; add --yes to confirm");
			return CLI_EXIT_USAGE;
		}
		fprintf(stderr, "This deletes every run, episode, pair of gear and assessment in\n  %s\n"
				"for good. Type yes to go on: ", path);
		fflush(stderr);
		if (!fgets(line, sizeof line, stdin) || strcmp(line, "yes\n")) {
			fprintf(stderr, "nothing deleted\n");
			return CLI_EXIT_FAIL;
		}
	}
	int rc = cli_journal_open_or_none(a, &j, "nothing to forget");
	if (rc)
		return rc;
	if (nf_journal_forget_all(j, &err))
		rc = cli_fail(&err);
	else if (cli_flag(a, "json"))
		rc = cli_print_json(json_pack("{s:s, s:b}", "journal", path, "forgotten", 1));
	else
		printf("forgot everything in %s\n", path);
	nf_journal_close(j);
	return rc;
}

const struct cli_command cmd_forget = {
	.name = "forget",
	.args = "",
	.summary = "delete everything the journal holds",
	.description =
		"Deletes every row of the journal, then checkpoints and truncates its write-ahead log "
		"and rebuilds the file (VACUUM) with secure_delete on, so that nothing deleted can be "
		"read back from the file or its log. Asks you to type yes when standard input is a "
		"terminal; otherwise needs --yes. Where there is no journal (a mistyped --db) none is "
		"created: it says there is nothing to forget and exits 2.",
	.options = forget_options,
	.run = run_forget,
};
