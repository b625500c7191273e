/* numbfoot report: the journal and the latest assessment as a PDF or HTML file for a clinician. */
#include <stdio.h>
#include <sys/stat.h>

#include "clock.h"
#include "numbfoot/report.h"
#include "paths.h"

/* Fontconfig keeps its configuration and font cache for the life of the process and frees them
 * only in FcFini(), which a library must not call (another user may hold them). Under
 * LeakSanitizer (make SAN=1) those are reported as leaks; this hook, read only by LeakSanitizer,
 * names them as expected. */
__attribute__((visibility("default"))) const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

static int run_report(const struct cli_args *a)
{
	const char *out = cli_opt(a, "output");
	nf_report_options o = {.gps = cli_flag(a, "gps"), .units = cli_miles(a) ? NF_UNITS_MI : NF_UNITS_KM};
	nf_error err = {0};
	nf_journal *j = NULL;
	nf_kb *kb = NULL;
	if (a->npos) {
		cli_errorf("report: unexpected argument '%s' (the file goes after -o)", a->pos[0]);
		return CLI_EXIT_USAGE;
	}
	if (!out || !*out) {
		cli_errorf("report: say where to write it: -o FILE.pdf or -o FILE.html");
		return CLI_EXIT_USAGE;
	}
	int f = nf_report_format_for(out);
	if (f < 0) {
		cli_errorf("report: '%s' must end in .pdf or .html (or .png or .svg for the figures alone)", out);
		return CLI_EXIT_USAGE;
	}
	o.format = (nf_report_format)f;
	/* A folder named like a file ("report.pdf/") would fail only at the write, as if the disk
	 * had: it is the user's input, said so before any work. */
	struct stat st;
	if (stat(out, &st) == 0 && S_ISDIR(st.st_mode)) {
		cli_errorf("report: %s: is a folder, not a file", out);
		return CLI_EXIT_USAGE;
	}
	if (!cli_clock(a, &o.now))
		return CLI_EXIT_USAGE;
	int rc = cli_load_kb(a, &kb);
	if (rc)
		return rc;
	if ((rc = cli_journal_open_existing(a, &j, "nothing to report yet")))
		goto out;
	if (nf_report_write(j, kb, &o, out, &err)) {
		rc = cli_fail(&err);
		goto out;
	}
	printf("Wrote %s\n", out);
	rc = CLI_EXIT_OK;
out:
	nf_journal_close(j);
	nf_kb_free(kb);
	return rc;
}

static const struct cli_option report_options[] = {
	{"db", "PATH", "use the journal at PATH instead of the default"},
	{"output", "FILE", "write to FILE: .pdf, .html (or .png, .svg: the figures alone)"},
	{"gps", NULL, "add the routes of the latest runs with numbness, with where it began"},
	{"miles", NULL, "distances in miles (also the default with units = mi in the config)"},
	{"now", "TIME", "the report's date, and its analysis's cut-off (runs after it are left out): YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (default $NUMBFOOT_NOW, else now)"},
	{"kb", "FILE", "use this knowledge base instead of the built-in one"},
	{NULL, NULL, NULL},
};

const struct cli_command cmd_report = {
	.name = "report",
	.args = "",
	.summary = "a PDF or HTML report to hand to a doctor or physiotherapist",
	.description =
		"Writes a report of the journal for a sports-medicine doctor or physiotherapist. Page one: the "
		"runner's age and sex, whether the assessment was complete, where the numbness is and which foot "
		"(in words), the triage level, and the top three causes with their probabilities and the answers "
		"behind each (×2.5: how many times an answer raised or lowered the odds), then one line for the "
		"others. It uses the latest finished assessment saved in the journal, or, when none is saved, one "
		"made now from what the journal shows. Then the warning signs asked and their answers, the plan "
		"so far, the other answers given (those derived from the journal marked) and the questions not asked, the "
		"episode history, training, the shoes and insoles (brand, model, first use, distance against the "
		"retirement distance, runs and runs with numbness), "
		"figures (onset distance per run, episodes by shoe pair, each pair's distance against its "
		"retirement distance, weekly distance, cadence), the references behind the causes and steps shown, and "
		"the statement that this is not a diagnosis. The routes of runs are left out unless --gps adds "
		"those of the latest runs with numbness, with where it began.\n\n"
		"The format follows the file name: .pdf (A4 pages) or .html (one file, figures inline as SVG); "
		".png or .svg write the figures alone. The same journal and clock give the same file. A file "
		"that cannot be written is refused with the system's reason (No such file or directory, "
		"Permission denied, No space left on device), exit status 1, and no part of it is left.\n\n"
		"Example: numbfoot report -o report.pdf",
	.options = report_options,
	.run = run_report,
};
