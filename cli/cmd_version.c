/* numbfoot version (and numbfoot --version): which release this is, for a bug report or a script. */
#include <jansson.h>

#include "cli.h"
#include "numbfoot/version.h"
#include "paths.h"

static const struct cli_option version_options[] = {
	{"json", NULL, "print {\"version\": ...} instead"},
	{NULL, NULL, NULL},
};

static int run_version(const struct cli_args *a)
{
	if (a->npos) {
		cli_errorf("version: takes no arguments");
		return CLI_EXIT_USAGE;
	}
	if (cli_flag(a, "json"))
		return cli_print_json(json_pack("{s:s}", "version", nf_version()));
	printf("numbfoot %s\n", nf_version());
	return CLI_EXIT_OK;
}

const struct cli_command cmd_version = {
	.name = "version",
	.args = "",
	.summary = "print the version of numbfoot",
	.description = "Prints 'numbfoot' and the version, the same as 'numbfoot --version'. The JSON results "
		       "of assess and eval (key \"version\") and every page of a report name the same version.",
	.options = version_options,
	.run = run_version,
};
