/* Help and the man page, generated from the command table so that neither can drift. */
#include <string.h>

#include "cli.h"
#include "numbfoot/version.h"

/* One paragraph, no line breaks of its own: the output wraps it at the reader's width. */
static const char *const overview =
	"numbfoot helps a runner whose feet go numb or tingle on runs: it asks questions, ranks the "
	"likely causes with their probabilities, says how urgently to see someone and whom, and "
	"gives a self-care plan. It informs; it does not diagnose.\n";

static const char *const exit_codes =
	"0  success\n"
	"1  the operation failed (input/output or database error); nothing was half-written\n"
	"2  bad usage or malformed input (the message names the file, line or byte), a case, import or --kb "
	"file that cannot be read included; nothing changed\n"
	"3  import stored runs but refused some files (each named with its line or byte)\n";

/* The rules every command reads its input by (docs/journal.md). */
static const char *const input_rules =
	"Numbers are decimal, with a decimal point or a decimal comma (10.5 or 10,5), as on the page; "
	"1,500 is refused, for it could be a thousands separator, and so are hexadecimal (0x10), "
	"exponents (1e1), inf and nan. Text (notes, surface, nicknames, brand, model) is UTF-8; other "
	"bytes are refused, naming the option and the byte. An option that takes a value is given "
	"once; a second one is refused. Its value cannot be left out: one followed by -- or by another "
	"of the command's options (--notes --json) is refused, not given that word as its value; "
	"--notes=--json gives it. A negative number (-5) is a value, not an option, and is refused "
	"as out of range where it is one. A folder where a file is wanted is refused as a folder. Text "
	"shown on the terminal (notes and names from the journal, and what was typed, echoed in a "
	"message) shows control characters and bytes that are not UTF-8 as \\xHH, and invisible format "
	"characters (zero-width ones, and the bidirectional controls such as U+202E, which turns the "
	"rest of a line around) as \\uXXXX; --json and export keep the text as stored.\n";

static const char *const environment =
	"NUMBFOOT_KB  a knowledge-base file to use instead of the built-in one\n"
	"NO_COLOR     when set, output has no colour\n"
	"COLUMNS      the width words wrap at (else the terminal's width, else 80 when not a terminal)\n"
	"XDG_DATA_HOME, XDG_CONFIG_HOME  where the journal and the settings live\n";

void cli_print_overview(FILE *to)
{
	FILE *out = cli_wrap_open(to);
	int width = 0;
	for (int i = 0; cli_commands[i]; i++)
		if ((int)strlen(cli_commands[i]->name) > width)
			width = (int)strlen(cli_commands[i]->name);
	fprintf(out, "usage: numbfoot COMMAND [OPTIONS]\n\n%s\ncommands:\n", overview);
	for (int i = 0; cli_commands[i]; i++)
		fprintf(out, "  %-*s  %s\n", width, cli_commands[i]->name, cli_commands[i]->summary);
	fprintf(out, "\n'numbfoot COMMAND --help' describes a command.\n\nexit codes:\n%s", exit_codes);
	cli_wrap_close(out, to);
}

size_t cli_print_group(FILE *to, const char *group)
{
	size_t n = 0, len = strlen(group);
	int width = 0;
	for (int i = 0; cli_commands[i]; i++)
		if (!strncmp(cli_commands[i]->name, group, len) && cli_commands[i]->name[len] == ' ' &&
		    (int)strlen(cli_commands[i]->name + len + 1) > width)
			width = (int)strlen(cli_commands[i]->name + len + 1);
	if (!width)
		return 0;
	FILE *out = cli_wrap_open(to);
	fprintf(out, "usage: numbfoot %s ACTION [OPTIONS]\n\nactions:\n", group);
	for (int i = 0; cli_commands[i]; i++) {
		const struct cli_command *c = cli_commands[i];
		if (strncmp(c->name, group, len) || c->name[len] != ' ')
			continue;
		fprintf(out, "  %-*s  %s\n", width, c->name + len + 1, c->summary);
		n++;
	}
	fprintf(out, "\n'numbfoot %s ACTION --help' describes an action.\n", group);
	cli_wrap_close(out, to);
	return n;
}

static void print_synopsis(FILE *out, const struct cli_command *cmd)
{
	fprintf(out, "numbfoot %s", cmd->name);
	for (int i = 0; cmd->options && cmd->options[i].name; i++) {
		if (!cmd->options[i].help)
			continue;
		if (cmd->options[i].arg)
			fprintf(out, " [--%s %s]", cmd->options[i].name, cmd->options[i].arg);
		else
			fprintf(out, " [--%s]", cmd->options[i].name);
	}
	if (cmd->args && *cmd->args)
		fprintf(out, " %s", cmd->args);
}

void cli_print_command_help(FILE *to, const struct cli_command *cmd)
{
	FILE *out = cli_wrap_open(to);
	fputs("usage: ", out);
	print_synopsis(out, cmd);
	fprintf(out, "\n\n%s\n\n", cmd->summary);
	/* Paragraph by paragraph: an example is a command to copy, so it is never folded (the
	 * terminal may wrap it, but a copy of it stays one line). */
	for (const char *p = cmd->description; *p;) {
		const char *end = strstr(p, "\n\n");
		int len = end ? (int)(end - p) : (int)strlen(p);
		fprintf(strncmp(p, "Example: ", 9) ? out : to, "%.*s\n%s", len, p, end ? "\n" : "");
		p += len + (end ? 2 : 0);
	}
	if (cmd->options && cmd->options[0].name) {
		fputs("\noptions:\n", out);
		for (int i = 0; cmd->options[i].name; i++) {
			if (!cmd->options[i].help)
				continue;
			char left[64];
			snprintf(left, sizeof left, "--%s%s%s", cmd->options[i].name,
				 cmd->options[i].arg ? " " : "", cmd->options[i].arg ? cmd->options[i].arg : "");
			fprintf(out, "  %-22s %s\n", left, cmd->options[i].help);
		}
	}
	fputs("  --help                 show this help\n", out);
	cli_wrap_close(out, to);
}

/* Writes s escaped for roff: backslashes doubled, a leading dot or quote protected. With
 * comma_breaks, a comma with no space after it (a list of IDs in an option's help) may end a
 * line, or such a list could not be set in 80 columns; not in descriptions, whose examples the
 * tests copy from the page and run. */
static void roff_text(FILE *out, const char *s, bool comma_breaks)
{
	bool bol = true;
	for (; *s; s++) {
		if (bol && (*s == '.' || *s == '\''))
			fputs("\\&", out);
		if (*s == '\\')
			fputs("\\e", out);
		else if (*s == '-')
			fputs("\\-", out);
		else if (comma_breaks && *s == ',' && s[1] && s[1] != ' ' && s[1] != '\n')
			fputs(",\\:", out);
		else
			fputc(*s, out);
		bol = *s == '\n';
	}
}

static void roff(FILE *out, const char *s)
{
	roff_text(out, s, false);
}

static void roff_lines_as_tp(FILE *out, const char *text)
{
	/* Each line "KEY  text" becomes a tagged paragraph. */
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		const char *gap = strstr(p, "  ");
		fputs(".TP\n", out);
		if (gap && gap < p + len) {
			char buf[512];
			snprintf(buf, sizeof buf, "%.*s", (int)(gap - p), p);
			fputs(".B ", out);
			roff(out, buf);
			fputc('\n', out);
			while (*gap == ' ')
				gap++;
			snprintf(buf, sizeof buf, "%.*s", (int)(p + len - gap), gap);
			roff(out, buf);
		} else {
			char buf[512];
			snprintf(buf, sizeof buf, "%.*s", (int)len, p);
			roff(out, buf);
		}
		fputc('\n', out);
		p = nl ? nl + 1 : p + len;
	}
}

void cli_print_man(FILE *out)
{
	fputs(".\\\" Generated by 'numbfoot help --man' from cli/*.c; do not edit.\n", out);
	fprintf(out, ".TH NUMBFOOT 1 \"\" \"numbfoot %s\" \"User Commands\"\n", nf_version());
	/* Ragged right: a line holding little more than a list of IDs cannot be justified. */
	fputs(".ad l\n", out);
	fputs(".SH NAME\nnumbfoot \\- why a runner's feet go numb, what to do, when to see a doctor\n", out);
	fputs(".SH SYNOPSIS\n.B numbfoot\n.I COMMAND\n[\\fIOPTIONS\\fR]\n.SH DESCRIPTION\n", out);
	roff(out, overview);
	fputs(".SH COMMANDS\n", out);
	for (int i = 0; cli_commands[i]; i++) {
		const struct cli_command *cmd = cli_commands[i];
		fputs(".SS \"", out);
		roff(out, cmd->name);
		fputs("\"\n.nf\n", out);
		print_synopsis(out, cmd);
		fputs("\n.fi\n.PP\n", out);
		roff(out, cmd->summary);
		fputs("\n.PP\n", out);
		/* Blank lines separate paragraphs in descriptions. */
		const char *p = cmd->description;
		while (*p) {
			const char *end = strstr(p, "\n\n");
			size_t len = end ? (size_t)(end - p) : strlen(p);
			char buf[4096];
			snprintf(buf, sizeof buf, "%.*s", (int)len, p);
			roff(out, buf);
			fputs("\n", out);
			p += len;
			if (end) {
				fputs(".PP\n", out);
				p += 2;
			}
		}
		for (int k = 0; cmd->options && cmd->options[k].name; k++) {
			if (!cmd->options[k].help)
				continue;
			fprintf(out, ".TP\n.B \\-\\-");
			roff(out, cmd->options[k].name);
			if (cmd->options[k].arg) {
				fputs(" \\fI", out);
				roff(out, cmd->options[k].arg);
				fputs("\\fR", out);
			}
			fputc('\n', out);
			roff_text(out, cmd->options[k].help, true);
			fputc('\n', out);
		}
	}
	fputs(".SH INPUT\n", out);
	roff_text(out, input_rules, false);
	fputs(".SH EXIT STATUS\n", out);
	roff_lines_as_tp(out, exit_codes);
	fputs(".SH ENVIRONMENT\n", out);
	roff_lines_as_tp(out, environment);
	fputs(".SH FILES\n.TP\n.I $XDG_DATA_HOME/numbfoot/journal.db\n"
	      "the run journal (mode 0600, in a folder of mode 0700)\n"
	      ".TP\n.I $XDG_CONFIG_HOME/numbfoot/config\nsettings such as \\fBunits = km\\fR or \\fBunits = mi\\fR\n", out);
	fputs(".SH NOTES\nnumbfoot informs; it does not diagnose. Whatever it says, sudden weakness, a cold "
	      "white foot, numbness between the legs or trouble passing urine need emergency care.\n", out);
}

static const struct cli_option help_options[] = {
	{"man", NULL, "print the manual page (roff) instead"},
	/* Hidden: make install writes the completion files with it. */
	{"completions", "SHELL", NULL},
	{NULL, NULL, NULL},
};

static int run_help(const struct cli_args *a)
{
	const char *shell = cli_opt(a, "completions");
	if (shell) {
		if (!cli_print_completions(stdout, shell)) {
			cli_errorf("help: --completions: no completion for '%s' (bash or zsh)", shell);
			return CLI_EXIT_USAGE;
		}
		return CLI_EXIT_OK;
	}
	if (cli_flag(a, "man")) {
		cli_print_man(stdout);
		return CLI_EXIT_OK;
	}
	if (a->npos == 0) {
		cli_print_overview(stdout);
		return CLI_EXIT_OK;
	}
	char name[128];
	snprintf(name, sizeof name, "%s%s%s", a->pos[0], a->npos > 1 ? " " : "", a->npos > 1 ? a->pos[1] : "");
	for (int i = 0; cli_commands[i]; i++) {
		if (!strcmp(cli_commands[i]->name, name) || (cli_commands[i]->alias && !strcmp(cli_commands[i]->alias, name))) {
			cli_print_command_help(stdout, cli_commands[i]);
			return CLI_EXIT_OK;
		}
	}
	if (a->npos == 1 && cli_print_group(stdout, a->pos[0]))
		return CLI_EXIT_OK;
	cli_errorf("help: no command '%s'", name);
	return CLI_EXIT_USAGE;
}

const struct cli_command cmd_help = {
	.name = "help",
	.args = "[COMMAND]",
	.summary = "list the commands, or describe one",
	.description = "Without a command, lists every command. With one, prints its help, the same as "
		       "'numbfoot COMMAND --help'; with a group of commands (gear, run, episode, kb, assessment), "
		       "lists its actions.",
	.options = help_options,
	.run = run_help,
};
