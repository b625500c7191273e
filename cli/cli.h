/* numbfoot command line: the one table of subcommands and options.
 *
 * Every subcommand is a struct cli_command defined in its own cli/cmd_*.c file and listed in
 * cli/commands.def. `--help`, `numbfoot help` and the man page are all generated from these
 * structs, so they cannot drift apart; tests/cli checks the committed man page against them.
 */
#ifndef NUMBFOOT_CLI_H
#define NUMBFOOT_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "numbfoot/error.h"

/* Exit codes, documented in the man page. */
enum {
	CLI_EXIT_OK = 0,
	CLI_EXIT_FAIL = 1,  /* the operation failed: I/O error, database error */
	CLI_EXIT_USAGE = 2, /* bad arguments or malformed input; nothing was changed */
	CLI_EXIT_PARTIAL = 3, /* import: some files were refused, the others stored */
};

#define CLI_MAX_OPTIONS 32

struct cli_option {
	const char *name;  /* long name without "--" */
	const char *arg;   /* metavariable such as "FILE", or NULL for a flag */
	const char *help;  /* one line; NULL hides the option from help, the man page and completion
			    * (help --completions, an option for make install, not for people) */
};

struct cli_args {
	const char *value[CLI_MAX_OPTIONS]; /* option value, or "" for a flag given; NULL if absent */
	char **pos;                         /* positional arguments (borrowed from argv) */
	int npos;
	const struct cli_command *cmd;
};

struct cli_command {
	const char *name;        /* "assess", or two words: "gear add" */
	const char *alias;       /* another spelling accepted for a one-word command ("analyse"), or NULL;
				  * the description says so, for --help and the man page */
	const char *args;        /* positional synopsis, e.g. "DIR", or "" */
	const char *summary;     /* one line for the command list */
	const char *description; /* paragraphs for --help and the man page */
	const struct cli_option *options; /* terminated by an entry with name NULL */
	int (*run)(const struct cli_args *a);
};

#define CLI_COMMAND(sym) extern const struct cli_command sym;
#include "commands.def"
#undef CLI_COMMAND

/* All commands in the order of commands.def, terminated by NULL. */
extern const struct cli_command *const cli_commands[];

/* Reads argv (the program's name first) against the command table: the command, its options and
 * their values, its positional arguments, into a (which borrows argv's strings). Returns -1 when
 * a.cmd is to run, else the exit code of what was done instead: the overview, a help page or the
 * version printed, or a mistake named on standard error (cli/args.c). */
int cli_parse(int argc, char **argv, struct cli_args *a);

/* The option's value when given ("" for a flag), else NULL. name must be in the command's table. */
const char *cli_opt(const struct cli_args *a, const char *name);
bool cli_flag(const struct cli_args *a, const char *name);

/* Prints "numbfoot: " and the message to stderr, control characters escaped (cli_text). */
void cli_errorf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints the error from the library and returns the exit code for it. */
int cli_fail(const nf_error *err);

/* Help output. */
void cli_print_command_help(FILE *out, const struct cli_command *cmd);
void cli_print_overview(FILE *out);
void cli_print_man(FILE *out);
/* Shell completion for shell ("bash" or "zsh"), generated from the command table (cli/completion.c).
 * False for another shell, with nothing written. */
bool cli_print_completions(FILE *out, const char *shell);
/* Lists the actions of a group of commands ("gear": add, list, ...) with their summaries;
 * returns how many there are (0, and nothing printed, when group is no group). */
size_t cli_print_group(FILE *out, const char *group);
/* The command (or group, or a group's action when group is given) nearest to word by edit
 * distance, for "did you mean ...?"; NULL when none is near enough. */
const char *cli_nearest_command(const char *word, const char *group);

/* Terminal helpers (cli/term.c). */
bool cli_use_color(FILE *f);
/* s with control characters and bytes that are not UTF-8 shown as \xHH, and the invisible format
 * characters (zero-width, bidirectional controls such as U+202E) as \uXXXX, for text from a
 * person, a file, a request or the journal that reaches a terminal (an ESC sequence in a nickname
 * would recolour or retitle it, U+202E turn the rest of the line around). Returns one of
 * a few rotating static buffers: valid until eight more calls. */
const char *cli_text(const char *s);
/* s as one word of a command the user may paste into a shell: as it is when it holds only
 * letters, digits and _-.,:/@%+=, else in single quotes, a quote in it written '\'' (it's "q"
 * gives 'it'\''s "q"'); control characters then escaped as by cli_text, whose rotating buffers
 * it returns. For every command suggested in a message. */
const char *cli_shell_word(const char *s);
/* The width of UTF-8 text on a terminal, in characters: every code point one column, escape
 * sequences (colours) none. */
int cli_text_width(const char *s);
/* The width to wrap words at: $COLUMNS when set, else the terminal's (TIOCGWINSZ), else 80. */
int cli_term_width(FILE *f);
/* Writes the n bytes of one line (no newline in it) and a newline to out, folded at spaces to
 * width columns, continuations indented under the first line's text (cli/wrap.c). */
void cli_wrap_line(FILE *out, int width, const char *s, size_t n);
/* A stream that writes to `to` with words wrapped at its width (cli_term_width), line by line;
 * close it with cli_wrap_close, which writes what is left of an unfinished line. Returns `to`
 * itself when it cannot make one (out of memory): the text then goes out unwrapped. */
FILE *cli_wrap_open(FILE *to);
int cli_wrap_close(FILE *f, FILE *to);
/* The runner's distance unit: true for miles ($XDG_CONFIG_HOME/numbfoot/config "units = mi",
 * else from the locale). */
bool cli_units_miles(void);



/* cli/kbload.c: loads the knowledge base the command's --kb/--vocab options (if any), then
 * $NUMBFOOT_KB, then the built-in one name. Returns an exit code; on 0 *kb is the caller's. */
struct nf_kb;
int cli_load_kb(const struct cli_args *a, struct nf_kb **kb);
const char *cli_builtin_kb(void);
const char *cli_builtin_vocab(void);
#endif
