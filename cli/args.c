/* numbfoot command line: the table of subcommands, and the words of argv read against it (the
 * command, its options and their values, the positional arguments). Nothing here runs a command,
 * so that the fuzz target of the arguments (fuzz/fuzz_args.c) reads argv exactly as main() does. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "numbfoot/version.h"

#define CLI_COMMAND(sym) &sym,
const struct cli_command *const cli_commands[] = {
#include "commands.def"
	NULL,
};
#undef CLI_COMMAND

static int option_index(const struct cli_command *cmd, const char *name, size_t len)
{
	for (int i = 0; cmd->options && cmd->options[i].name; i++)
		if (strlen(cmd->options[i].name) == len && !strncmp(cmd->options[i].name, name, len))
			return i;
	return -1;
}

const char *cli_opt(const struct cli_args *a, const char *name)
{
	int i = option_index(a->cmd, name, strlen(name));
	return i < 0 ? NULL : a->value[i];
}

bool cli_flag(const struct cli_args *a, const char *name)
{
	return cli_opt(a, name) != NULL;
}

/* True when word, standing where an option's value should be, is rather the end of options
 * ("--") or one of the command's own long options ("--json", "--date=..."): the value was left
 * out (`--notes --json 5`), and taking the word would store "--json" as the note and drop the
 * option. A value that is one of these is still given with '=': --notes=--json. */
static bool is_option_word(const struct cli_command *cmd, const char *word)
{
	if (word[0] != '-' || word[1] != '-')
		return false;
	if (!word[2] || !strcmp(word, "--help"))
		return true;
	const char *name = word + 2, *eq = strchr(name, '=');
	return option_index(cmd, name, eq ? (size_t)(eq - name) : strlen(name)) >= 0;
}

/* True for a word that reads as a negative number ("-5", "-0.5", "-5km"): no option starts with
 * a digit, and such a word is a value out of range, which the command names as such ("-5 is out
 * of range"), not an unknown option. */
static bool is_negative_number(const char *s)
{
	return s[0] == '-' && (isdigit((unsigned char)s[1]) || (s[1] == '.' && isdigit((unsigned char)s[2])));
}

/* Parses argv (after the command words) into a. Returns -1 to run, else an exit code.
 * The positional arguments are gathered to the front of argv itself (a slot is only ever written
 * after it has been read), so there is no limit on their number: `import *.fit` may name a
 * thousand files. Option values point at the strings, not the slots, and stay valid. */
static int parse_args(const struct cli_command *cmd, int argc, char **argv, struct cli_args *a)
{
	char **pos = argv;
	bool only_pos = false;
	memset(a, 0, sizeof *a);
	a->cmd = cmd;
	a->pos = pos;
	for (int i = 0; i < argc; i++) {
		char *s = argv[i];
		if (!only_pos && !strcmp(s, "--")) {
			only_pos = true;
		} else if (!only_pos && (!strcmp(s, "--help") || !strcmp(s, "-h"))) {
			cli_print_command_help(stdout, cmd);
			return CLI_EXIT_OK;
		} else if (!only_pos && ((s[0] == '-' && s[1] == '-') ||
					 (!strcmp(s, "-o") && option_index(cmd, "output", 6) >= 0))) {
			/* -o is the one short option: --output, for commands that write a file. */
			const char *name = s[1] == 'o' ? "output" : s + 2, *eq = strchr(name, '=');
			size_t len = eq ? (size_t)(eq - name) : strlen(name);
			int k = option_index(cmd, name, len);
			if (k < 0) {
				cli_errorf("%s: unknown option '%.*s' (see 'numbfoot %s --help')", cmd->name,
					   (int)len + 2, s, cmd->name);
				return CLI_EXIT_USAGE;
			}
			/* Each option holds one value: a second one (--date twice, or -o and --output)
			 * is more likely a slip than a change of mind, and keeping either would be a
			 * guess. A flag given twice says the same thing twice and is taken. */
			if (cmd->options[k].arg && a->value[k]) {
				cli_errorf("%s: --%s given twice", cmd->name, cmd->options[k].name);
				return CLI_EXIT_USAGE;
			}
			if (cmd->options[k].arg) {
				if (eq)
					a->value[k] = eq + 1;
				else if (i + 1 < argc && !is_option_word(cmd, argv[i + 1]))
					a->value[k] = argv[++i];
				else {
					if (i + 1 < argc)
						cli_errorf("%s: --%s needs %s before '%s' (to give '%s' as its "
							   "value, write --%s=%s)",
							   cmd->name, cmd->options[k].name, cmd->options[k].arg,
							   argv[i + 1], argv[i + 1], cmd->options[k].name, argv[i + 1]);
					else
						cli_errorf("%s: option '--%s' needs %s", cmd->name,
							   cmd->options[k].name, cmd->options[k].arg);
					return CLI_EXIT_USAGE;
				}
			} else if (eq) {
				cli_errorf("%s: option '--%s' takes no value", cmd->name, cmd->options[k].name);
				return CLI_EXIT_USAGE;
			} else {
				a->value[k] = "";
			}
		} else if (!only_pos && s[0] == '-' && s[1] && !is_negative_number(s)) {
			cli_errorf("%s: unknown option '%s' (see 'numbfoot %s --help')", cmd->name, s, cmd->name);
			return CLI_EXIT_USAGE;
		} else {
			pos[a->npos++] = s;
		}
	}
	return -1;
}

/* Finds the command named by the first one or two words of argv; sets *used to the words eaten. */
static const struct cli_command *find_command(int argc, char **argv, int *used)
{
	const struct cli_command *one = NULL;
	for (int i = 0; cli_commands[i]; i++) {
		const char *n = cli_commands[i]->name, *sp = strchr(n, ' ');
		if (sp) {
			if (argc >= 2 && !strncmp(n, argv[0], (size_t)(sp - n)) && !argv[0][sp - n] &&
			    !strcmp(sp + 1, argv[1])) {
				*used = 2;
				return cli_commands[i];
			}
		} else if (!strcmp(n, argv[0]) || (cli_commands[i]->alias && !strcmp(cli_commands[i]->alias, argv[0]))) {
			one = cli_commands[i];
		}
	}
	*used = 1;
	return one;
}

/* Optimal string alignment distance (Levenshtein with swapped neighbours counting one): "asess"
 * is one from "assess", "lsit" one from "list". Words past 63 bytes are never near. */
static int distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	if (n > 63 || m > 63)
		return 1 << 20;
	int d[64][64];
	for (size_t i = 0; i <= n; i++)
		d[i][0] = (int)i;
	for (size_t j = 0; j <= m; j++)
		d[0][j] = (int)j;
	for (size_t i = 1; i <= n; i++)
		for (size_t j = 1; j <= m; j++) {
			int cost = a[i - 1] != b[j - 1], v = d[i - 1][j - 1] + cost;
			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[n][m];
}

const char *cli_nearest_command(const char *word, const char *group)
{
	static char best[64];
	int best_d = 1 << 20;
	size_t glen = group ? strlen(group) : 0;
	for (int i = 0; cli_commands[i]; i++) {
		const char *n = cli_commands[i]->name, *sp = strchr(n, ' ');
		char cand[64];
		if (group) { /* the actions of that group */
			if (strncmp(n, group, glen) || n[glen] != ' ')
				continue;
			snprintf(cand, sizeof cand, "%s", n + glen + 1);
		} else { /* commands and groups: their first word */
			snprintf(cand, sizeof cand, "%.*s", sp ? (int)(sp - n) : (int)strlen(n), n);
		}
		int dd = distance(word, cand);
		if (dd < best_d)
			best_d = dd, snprintf(best, sizeof best, "%s", cand);
	}
	/* Near enough to be a slip: two edits at most, and fewer than half the word's letters. */
	return best_d <= 2 && best_d * 2 < (int)strlen(word) ? best : NULL;
}

static bool is_group(const char *word)
{
	size_t l = strlen(word);
	for (int i = 0; cli_commands[i]; i++)
		if (!strncmp(cli_commands[i]->name, word, l) && cli_commands[i]->name[l] == ' ')
			return true;
	return false;
}

/* No command matched argv: a group's --help (its actions), a group without an action or with an
 * unknown one, or an unknown command, with the nearest name when one is near. */
static int no_command(int argc, char **argv)
{
	const char *near;
	if (is_group(argv[0])) {
		if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
			cli_print_group(stdout, argv[0]);
			return CLI_EXIT_OK;
		}
		if (argc < 2)
			cli_errorf("'%s' needs an action:", argv[0]);
		else if ((near = cli_nearest_command(argv[1], argv[0])))
			cli_errorf("%s: unknown action '%s' (did you mean %s?)", argv[0], argv[1], near);
		else
			cli_errorf("%s: unknown action '%s'; the actions are:", argv[0], argv[1]);
		if (argc < 2 || !cli_nearest_command(argv[1], argv[0]))
			cli_print_group(stderr, argv[0]);
		return CLI_EXIT_USAGE;
	}
	if ((near = cli_nearest_command(argv[0], NULL)))
		cli_errorf("unknown command '%s' (did you mean %s?)", argv[0], near);
	else
		cli_errorf("unknown command '%s' (see 'numbfoot help')", argv[0]);
	return CLI_EXIT_USAGE;
}

int cli_parse(int argc, char **argv, struct cli_args *a)
{
	memset(a, 0, sizeof *a);
	if (argc < 2) {
		cli_print_overview(stderr);
		return CLI_EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		cli_print_overview(stdout);
		return CLI_EXIT_OK;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("numbfoot %s\n", nf_version());
		return CLI_EXIT_OK;
	}
	int used;
	const struct cli_command *cmd = find_command(argc - 1, argv + 1, &used);
	if (!cmd)
		return no_command(argc - 1, argv + 1);
	return parse_args(cmd, argc - 1 - used, argv + 1 + used, a);
}
