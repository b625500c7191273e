/* numbfoot serve: the local web app (web/). Parses the options and hands over to web_serve. */
#include <stdlib.h>

#include "../web/web.h"
#include "cli.h"
#include "paths.h"
#include "numbfoot/kb.h"

static int run_serve(const struct cli_args *a)
{
	struct web_options opt = {.port = 8737,
				  .listen = cli_opt(a, "listen"),
				  .db = cli_opt(a, "db"),
				  .open_browser = !cli_flag(a, "no-open"),
				  .units = cli_units_miles() ? NF_UNITS_MI : NF_UNITS_KM};
	const char *port = cli_opt(a, "port");
	if (a->npos) {
		cli_errorf("serve: unexpected argument '%s' (see 'numbfoot serve --help')", a->pos[0]);
		return CLI_EXIT_USAGE;
	}
	if (port) {
		char *end;
		long p = strtol(port, &end, 10);
		if (end == port || *end || p < 0 || p > 65535) {
			cli_errorf("serve: --port: '%s' is not a port number (0 to 65535)", port);
			return CLI_EXIT_USAGE;
		}
		opt.port = (unsigned)p;
	}
	if (opt.listen && !*opt.listen) {
		cli_errorf("serve: --listen needs an IP address");
		return CLI_EXIT_USAGE;
	}
	char db[4096];
	if (!cli_journal_path(a, db, sizeof db))
		return CLI_EXIT_FAIL;
	opt.db = db;
	nf_kb *kb;
	int rc = cli_load_kb(a, &kb);
	if (rc)
		return rc;
	rc = web_serve(kb, &opt);
	nf_kb_free(kb);
	return rc;
}

static const struct cli_option serve_options[] = {
    {"port", "N", "the port to listen on (default 8737; 0 picks a free one)"},
    {"listen", "ADDR",
     "listen on this IP address instead of 127.0.0.1 and ::1 (for a phone on the same network)"},
    {"db", "PATH", "the journal file (default $XDG_DATA_HOME/numbfoot/journal.db)"},
    {"no-open", NULL, "do not open a browser"},
    {"kb", "FILE", "use this knowledge base instead of the built-in one"},
    {NULL, NULL, NULL},
};

const struct cli_command cmd_serve = {
    .name = "serve",
    .args = "",
    .summary = "the web app on this machine: the assessment and the journal in a browser",
    .description =
	"Starts a web server on this machine (127.0.0.1 and ::1, port 8737) and prints the address to "
	"open, with a token made afresh at each launch after its #. The page keeps the token in the "
	"browser's storage for this address and sends it with every request to its API, which "
	"refuses any request without it; no cookie is used. Requests whose Host is not this server's "
	"address, and cross-site requests, are refused. The page and its scripts are built into the "
	"command; nothing is loaded from elsewhere, and nothing leaves the machine.\n\n"
	"The page asks the same questions as 'numbfoot assess', warning signs first, and shows the "
	"same result; it also keeps the journal (runs with their numbness, shoes and insoles, watch "
	"files to import), shows what the journal shows and writes the report. Its JSON interface is "
	"described in docs/web.md. Ctrl-C stops the server.",
    .options = serve_options,
    .run = run_serve,
};
