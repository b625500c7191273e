/* numbfoot command line: what the journal commands (gear, run, episode, import, export, forget)
 * share: where the journal lives, how typed values are read, and how records are shown.
 *
 * Every function that reads user input prints its own message (cli_errorf) and returns false
 * on bad input, so that the caller can exit with CLI_EXIT_USAGE before anything is written.
 */
#ifndef NUMBFOOT_CLI_PATHS_H
#define NUMBFOOT_CLI_PATHS_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "cli.h"
#include "numbfoot/journal.h"

/* Options every journal command has; spread into each command's option table. */
#define CLI_JOURNAL_OPTIONS \
	{"db", "PATH", "use the journal at PATH instead of the default"}, \
	{"json", NULL, "print JSON instead of text"}

/* The option table of a journal command with no options of its own. */
extern const struct cli_option cli_journal_only_options[];

/* The journal path into buf: --db when given, else $XDG_DATA_HOME/numbfoot/journal.db (or
 * ~/.local/share/numbfoot/journal.db). Creates the numbfoot folder with mode 0700 when missing.
 * Prints the reason and returns an exit code on failure: CLI_EXIT_USAGE for a bad --db (empty,
 * too long, a folder), CLI_EXIT_FAIL when the default folder cannot be made; 0 on success. */
int cli_journal_path(const struct cli_args *a, char *buf, size_t size);

/* The folder for this user's files that live as long as a process (numbfoot serve's record):
 * $XDG_RUNTIME_DIR/numbfoot, else $XDG_CACHE_HOME/numbfoot (or ~/.cache/numbfoot). The folder
 * itself is not created; its parent is. False, silently, when none can be named. */
bool cli_runtime_dir(char *buf, size_t size);

/* Opens the journal for a command. Returns CLI_EXIT_OK with *j set (release with
 * nf_journal_close), else prints why and returns the exit code. */
int cli_journal_open(const struct cli_args *a, nf_journal **j);

/* cli_journal_open for a command that only reads or deletes: a journal given by --db that does
 * not exist is not created (a mistyped path must not become an empty journal); "PATH: no journal
 * there" with the tail none ("no runs yet") and CLI_EXIT_USAGE instead. The default journal is
 * opened as by cli_journal_open (a first list finds it empty). */
int cli_journal_open_existing(const struct cli_args *a, nf_journal **j, const char *none);

/* As cli_journal_open_existing, for the default journal too: for forget, whose "forgot
 * everything" must be true of a journal that was there. */
int cli_journal_open_or_none(const struct cli_args *a, nf_journal **j, const char *none);

/* A distance of kind (nf_distance_parse): "10.2" (km, or miles when miles is true), "10.2km",
 * "6.2mi", "5000m". Into km. what names the option in the message. */
bool cli_parse_distance(const char *s, bool miles, nf_distance_of kind, const char *what, double *km);
/* A duration: "MM:SS", "H:MM:SS" or whole minutes "45". Into seconds. */
bool cli_parse_duration(const char *s, const char *what, double *seconds);
/* Minutes as a plain number >= 0. */
bool cli_parse_minutes(const char *s, const char *what, double *minutes);
/* A date YYYY-MM-DD (checked against the calendar). */
bool cli_parse_date(const char *s, const char *what);
/* A start time from --date (local, default today) and --time (local HH:MM, default now for
 * today, else 12:00), into Unix seconds. */
bool cli_parse_start(const char *date, const char *time, int64_t *t);
/* A positive row id. */
bool cli_parse_id(const char *s, const char *what, int64_t *id);
/* A plain number in [lo, hi]. */
bool cli_parse_number(const char *s, const char *what, double lo, double hi, double *out);

/* RUN as typed: a positive id, or "last" for the latest run, which leaves *id 0 until
 * cli_resolve_run asks the journal. Checked before the journal is opened, so that bad input never
 * opens (or creates) it. */
bool cli_parse_run(const char *s, const char *what, int64_t *id);
/* Turns the 0 that cli_parse_run left for "last" into the latest run's id (an id stays as it
 * is). Returns CLI_EXIT_OK, or prints why and returns the exit code. */
int cli_resolve_run(nf_journal *j, int64_t *id);

/* --shoes or --insoles (name) NICKNAME, or "none", into *id. When the option is absent, *id stays
 * as it is, or with use_default becomes the default gear of kind (0 when there is none). Returns
 * CLI_EXIT_OK, or prints why (unknown nickname, gear of the other kind) and returns the exit code. */
int cli_gear_opt(nf_journal *j, const struct cli_args *a, const char *name, nf_gear_kind kind,
		 bool use_default, int64_t *id);

/* Distances without a unit are miles: --miles, or units = mi in the settings file. */
bool cli_miles(const struct cli_args *a);
/* Copies text option --name, when given, into dst[size] (left as it is when absent). */
/* True when v (or NULL) is valid UTF-8; else says "WHAT: not valid UTF-8 at byte N" and returns
 * false. The journal refuses such text too (naming its field); this names the option. */
bool cli_utf8_ok(const char *v, const char *what);
bool cli_text_opt(const struct cli_args *a, const char *name, char *dst, size_t size);
/* Date option --name, when given, checked and copied into dst (left as it is when absent). */
bool cli_date_opt(const struct cli_args *a, const char *name, char dst[NF_JOURNAL_DATE_MAX]);

/* Today's date (local) as YYYY-MM-DD. */
void cli_today(char buf[NF_JOURNAL_DATE_MAX]);

/* Prints v (and releases it) as indented JSON on stdout; returns CLI_EXIT_OK, or CLI_EXIT_FAIL
 * when v is NULL (out of memory). */
int cli_print_json(json_t *v);

/* Reports a deletion: {"id": id, "deleted": true} with --json, else "deleted <what> <id><rest>".
 * Returns the exit code. */
int cli_print_deleted(const struct cli_args *a, const char *what, int64_t id, const char *rest);

/* Episode options shared by `run add` (prefix "numb-at" for the onset) and `episode add/edit`:
 * fills e from the options present (leaving the rest as they are) and sets *given when any
 * episode option was present. Defined in cmd_episode.c. */
bool cli_episode_from_args(const struct cli_args *a, const char *at_opt, nf_episode *e,
			   bool *given);

/* --where: places as IDs or the vocabulary's words ("top of foot"), comma-separated, into the
 * bit set (bit i: nf_location_name(i)). On an unknown or ambiguous place prints why with the
 * list of places and returns false. Defined in cli/where.c. */
bool cli_parse_where(const char *text, uint32_t *set);
/* The places, one a line: the ID and its words. */
void cli_print_places(FILE *out);
/* Place i in the vocabulary's words ("the top of the foot"); its ID when it has none. */
const char *cli_place_words(int i);

/* Prints the wear warning for the gear that add_run reported in crossed. */
void cli_warn_crossed(nf_journal *j, const nf_journal_run *r, unsigned crossed);
/* The warning for a pair g that has reached its retirement distance (g->used_km against
 * g->retire_km), on standard error: the one wording for a run, an import and a gear edit. */
void cli_warn_worn(const nf_gear *g);

/* "10.20 km" or "6.34 mi" into buf. */
void cli_format_km(double metres, char *buf, size_t size);
/* True, after saying "CMD: nothing to change: give one of --a, --b" (the command's options less
 * not_changes, a NULL-terminated list), when no option but those in not_changes was given: an
 * edit of nothing must not say "updated". The caller exits with CLI_EXIT_USAGE. */
bool cli_nothing_to_change(const struct cli_args *a, const char *const *not_changes);
/* Whether an option of a's command other than those in not_changes was given (quietly). */
bool cli_given_besides(const struct cli_args *a, const char *const *not_changes);
/* An episode's onset as every listing shows it: " at 8.00 km", " at 40 min", " at 30 s" (both
 * when both are known); "" when neither is. */
void cli_format_onset(const nf_episode *e, char *buf, size_t size);
/* Local "YYYY-MM-DD HH:MM" into buf; "-" when unknown. */
void cli_format_local(int64_t t, char *buf, size_t size);

/* cli/warnsign.c: the warning sign of numbness not settled hours later. cli_not_settled fills *out
 * and returns true when episode e, on a run that started at run_start, is one at the command's
 * clock (nf_episode_not_settled), with the knowledge base's words for it; cli_sign_json gives it
 * for --json (a new object), cli_sign_print says it on standard output. */
struct cli_sign {
	char says[1024];
	char level[16];
	double recover_min; /* NaN when not_back */
	bool not_back;
	int64_t run_start;
};
bool cli_not_settled(const struct cli_args *a, const nf_episode *e, int64_t run_start, struct cli_sign *out);
json_t *cli_sign_json(const struct cli_sign *s, const nf_episode *e);
void cli_sign_print(const struct cli_sign *s);

#endif
