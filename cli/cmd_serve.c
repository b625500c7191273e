/* numbfoot serve: the local web app (web/). Parses the options and hands over to web_serve. */
#include <stdlib.h>

#include "../web/web.h"
#include "cli.h"
#include "paths.h"
#include "numbfoot/kb.h"

/* A second launch: when a server on the same journal is recorded as running, this launch prints
 * its address and opens its page, and returns the exit code. Otherwise returns -1 with
 * opt->instance set to in (locked, for the new server to record itself) or NULL (another
 * server is recorded, or there is nowhere to record: this one runs unrecorded). */
static int second_launch(const struct cli_args *a, struct web_options *opt, struct web_instance *in)
{
	char dir[4096], why[512];
	struct web_record r;
	opt->instance = NULL;
	if (!cli_runtime_dir(dir, sizeof dir))
		return -1;
	if (!web_instance_open(in, dir, why, sizeof why)) {
		cli_errorf("serve: %s; a second launch will not find this server", why);
		web_instance_close(in);
		return -1;
	}
	if (!web_instance_running(in, &r)) {
		opt->instance = in;
		return -1;
	}
	web_instance_close(in);
	/* --port asks for a server of its own; another journal needs one. */
	if (cli_opt(a, "port") || !web_instance_same_journal(&r, opt->db))
		return -1;
	printf("numbfoot serve: already running (pid %ld): open %s\n", (long)r.pid, cli_text(r.url));
	if (opt->open_browser)
		web_open_browser(r.url);
	return CLI_EXIT_OK;
}

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
	opt.port_fallback = !port;
	if (opt.listen && !*opt.listen) {
		cli_errorf("serve: --listen needs an IP address");
		return CLI_EXIT_USAGE;
	}
	char db[4096];
	int prc = cli_journal_path(a, db, sizeof db);
	if (prc)
		return prc;
	opt.db = db;
	/* What the desktop entry starts: a server on this machine with the built-in knowledge base.
	 * Such a launch finds one already running instead of failing on its port. */
	struct web_instance inst;
	int rc;
	if (!opt.listen && !cli_opt(a, "kb") && (rc = second_launch(a, &opt, &inst)) >= 0)
		return rc;
	nf_kb *kb;
	rc = cli_load_kb(a, &kb);
	if (!rc) {
		rc = web_serve(kb, &opt);
		nf_kb_free(kb);
	}
	if (opt.instance)
		web_instance_close(opt.instance);
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
	"While it runs, 'numbfoot serve' again (the desktop entry, say) opens its page instead of "
	"starting a second server: the address is kept in $XDG_RUNTIME_DIR/numbfoot/serve (mode 0600), "
	"removed when the server stops; --port, --listen, --kb or another --db start a server of "
	"their own. When another program has port 8737 and --port is not given, a free port is "
	"used.\n\n"
	"The page asks the same questions as 'numbfoot assess', warning signs first, and shows the "
	"same result; it also keeps the journal (runs with their numbness, shoes and insoles, watch "
	"files to import), shows what the journal shows and writes the report. Its JSON interface is "
	"described in docs/web.md. Ctrl-C stops the server.",
    .options = serve_options,
    .run = run_serve,
};
