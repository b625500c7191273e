/* numbfoot gear add|list|retire|default|edit|delete: shoes and insoles, and how far they have run. */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "paths.h"

static int need_one_name(const struct cli_args *a)
{
	if (a->npos != 1) {
		cli_errorf("%s: give one NICKNAME (see 'numbfoot %s --help')", a->cmd->name, a->cmd->name);
		return CLI_EXIT_USAGE;
	}
	return CLI_EXIT_OK;
}

/* Checks that one NICKNAME is given, opens the journal and finds the gear it names. Returns
 * CLI_EXIT_OK with *j open (the caller closes it), else prints why and returns the exit code with
 * the journal closed. */
static int open_named(const struct cli_args *a, nf_journal **j, nf_gear *g)
{
	nf_error err = {0};
	int rc = need_one_name(a);
	if (rc)
		return rc;
	rc = cli_journal_open_existing(a, j, "no gear yet");
	if (rc)
		return rc;
	if (nf_journal_find_gear(*j, a->pos[0], g, &err)) {
		rc = cli_fail(&err);
		nf_journal_close(*j);
		*j = NULL;
	}
	return rc;
}

/* The options gear add and gear edit share (brand, model, first use, distances, racing) into g;
 * options not given leave g as it is. */
static int gear_fields(const struct cli_args *a, nf_gear *g)
{
	const char *brand = cli_opt(a, "brand"), *model = cli_opt(a, "model");
	if ((brand && strlen(brand) >= sizeof g->brand) || (model && strlen(model) >= sizeof g->model)) {
		cli_errorf("%s: brand and model are at most %zu characters", a->cmd->name, sizeof g->brand - 1);
		return CLI_EXIT_USAGE;
	}
	if (!cli_utf8_ok(brand, "--brand") || !cli_utf8_ok(model, "--model"))
		return CLI_EXIT_USAGE;
	if (brand)
		snprintf(g->brand, sizeof g->brand, "%s", brand);
	if (model)
		snprintf(g->model, sizeof g->model, "%s", model);
	if (!cli_date_opt(a, "first-use", g->first_use))
		return CLI_EXIT_USAGE;
	/* As run add refuses a run dated after today: a pair is first used once it is run in. */
	char today[NF_JOURNAL_DATE_MAX];
	if (cli_opt(a, "first-use") && nf_journal_day_after(g->first_use, time(NULL), today)) {
		cli_errorf("--first-use: %s is in the future (today is %s): give the day of the first run in them",
			   g->first_use, today);
		return CLI_EXIT_USAGE;
	}
	if (cli_opt(a, "start-km") &&
	    !cli_parse_distance(cli_opt(a, "start-km"), false, NF_DISTANCE_GEAR, "--start-km", &g->start_km))
		return CLI_EXIT_USAGE;
	if (cli_flag(a, "racing")) {
		/* --racing is a retirement distance of its own (400 km): with --retire-km one of the
		 * two would be dropped without a word. */
		if (cli_opt(a, "retire-km")) {
			cli_errorf("%s: --racing and --retire-km both set the retirement distance (--racing: "
				   "%.0f km): give one of them",
				   a->cmd->name, nf_gear_racing_retire_km());
			return CLI_EXIT_USAGE;
		}
		if (g->kind != NF_GEAR_SHOES) {
			cli_errorf("%s: --racing is for shoes", a->cmd->name);
			return CLI_EXIT_USAGE;
		}
		g->retire_km = nf_gear_racing_retire_km();
	}
	if (cli_opt(a, "retire-km")) {
		if (!cli_parse_distance(cli_opt(a, "retire-km"), false, NF_DISTANCE_RETIRE, "--retire-km",
					&g->retire_km))
			return CLI_EXIT_USAGE;
	}
	return CLI_EXIT_OK;
}

/* ---- gear add ---- */

static const struct cli_option add_options[] = {
	CLI_JOURNAL_OPTIONS,
	{"kind", "KIND", "shoes (the default) or insoles"},
	{"brand", "TEXT", "maker, e.g. Brooks"},
	{"model", "TEXT", "model, e.g. Ghost 15"},
	{"first-use", "DATE", "first run in them (YYYY-MM-DD)"},
	{"start-km", "KM", "distance they had already run before the journal (default 0)"},
	{"retire-km", "KM", "retirement distance (shoes: 800 km by default)"},
	{"racing", NULL, "racing or carbon-plate shoes: retire at 400 km (not with --retire-km)"},
	{"default", NULL, "make them the default for new runs"},
	{NULL, NULL, NULL},
};

static int run_gear_add(const struct cli_args *a)
{
	nf_gear g;
	nf_error err = {0};
	nf_journal *j;
	int rc = need_one_name(a);
	if (rc)
		return rc;
	const char *kind = cli_opt(a, "kind");
	int k = kind ? nf_gear_kind_parse(kind) : NF_GEAR_SHOES;
	if (k < 0) {
		cli_errorf("gear add: --kind must be shoes or insoles, not '%s'", kind);
		return CLI_EXIT_USAGE;
	}
	nf_gear_init(&g, (nf_gear_kind)k);
	const char *nick = a->pos[0];
	if (!*nick || strlen(nick) >= sizeof g.nickname || strchr(nick, '\n')) {
		cli_errorf("gear add: a nickname is 1 to %zu characters on one line", sizeof g.nickname - 1);
		return CLI_EXIT_USAGE;
	}
	if (!cli_utf8_ok(nick, "NICKNAME"))
		return CLI_EXIT_USAGE;
	snprintf(g.nickname, sizeof g.nickname, "%s", nick);
	rc = gear_fields(a, &g);
	if (rc)
		return rc;
	g.is_default = cli_flag(a, "default");
	rc = cli_journal_open(a, &j);
	if (rc)
		return rc;
	if (nf_journal_add_gear(j, &g, &err)) {
		/* A taken nickname is the user's input, not a failure of the journal. */
		rc = cli_fail(&err);
		if (err.code == NF_EEXIST)
			rc = CLI_EXIT_USAGE;
		goto out_close;
	}
	if (cli_flag(a, "json")) {
		rc = cli_print_json(nf_gear_json(&g));
	} else {
		printf("added %s '%s'%s", nf_gear_kind_name(g.kind), cli_text(g.nickname),
		       g.is_default ? " (the default for new runs)" : "");
		if (isfinite(g.retire_km))
			printf("; retire at %.0f km\n", g.retire_km);
		else
			printf("; no retirement distance: inspect them at each shoe change\n");
	}
out_close:
	nf_journal_close(j);
	return rc;
}

const struct cli_command cmd_gear_add = {
	.name = "gear add",
	.args = "NICKNAME",
	.summary = "add a pair of shoes or insoles",
	.description =
		"Adds shoes (or with --kind insoles, insoles) under a short nickname that other commands "
		"use, in any case (a name that differs from another pair's only in case is refused, as "
		"'pegasus' beside 'Pegasus'). The first pair of each kind becomes the default that new runs get. Shoes retire at "
		"800 km unless --retire-km or --racing says otherwise (see 'numbfoot gear list --why').\n\n"
		"Example: numbfoot gear add ghost --brand Brooks --model \"Ghost 15\" --start-km 120",
	.options = add_options,
	.run = run_gear_add,
};

/* ---- gear list ---- */

static const struct cli_option list_options[] = {
	CLI_JOURNAL_OPTIONS,
	{"all", NULL, "include retired gear"},
	{"why", NULL, "say where the retirement distances come from"},
	{NULL, NULL, NULL},
};

/* The columns' width in characters (not bytes: a brand may be "Löffler"), at least the
 * heading's. */
static int column_width(const nf_gear *list, size_t n, size_t offset, const char *heading)
{
	int w = cli_text_width(heading);
	for (size_t k = 0; k < n; k++) {
		const char *v = (const char *)&list[k] + offset;
		int vw = cli_text_width(*v ? cli_text(v) : "-");
		w = vw > w ? vw : w;
	}
	return w;
}

/* One cell, padded to width characters, then two spaces. */
static void cell(const char *s, int width)
{
	const char *t = *s ? cli_text(s) : "-";
	printf("%s%*s  ", t, width - cli_text_width(t), "");
}

/* The gear under a header: kind, nickname, brand, model, distance against the retirement
 * distance, runs, wear, and whether it is the default or retired. */
static void print_gear_table(const nf_gear *list, size_t n)
{
	int wn = column_width(list, n, offsetof(nf_gear, nickname), "nickname");
	int wb = column_width(list, n, offsetof(nf_gear, brand), "brand");
	int wm = column_width(list, n, offsetof(nf_gear, model), "model");
	char line[1024];
	printf("%-8s  ", "kind");
	cell("nickname", wn);
	cell("brand", wb);
	cell("model", wm);
	snprintf(line, sizeof line, "%-19s  %4s  %s", "distance / retire", "runs", "wear");
	puts(line);
	for (size_t k = 0; k < n; k++) {
		const nf_gear *g = &list[k];
		char dist[64];
		if (isfinite(g->retire_km))
			snprintf(dist, sizeof dist, "%.1f km / %.0f km", g->used_km, g->retire_km);
		else
			snprintf(dist, sizeof dist, "%.1f km (inspect)", g->used_km);
		printf("%-8s  ", nf_gear_kind_name(g->kind));
		cell(g->nickname, wn);
		cell(g->brand, wb);
		cell(g->model, wm);
		int len = snprintf(line, sizeof line, "%-19s  %4lld  %-7s%s%s%s", dist, (long long)g->runs,
				   nf_wear_name(nf_gear_wear(g)), g->is_default ? "  default" : "",
				   g->retired[0] ? "  retired " : "", g->retired);
		while (len > 0 && (size_t)len < sizeof line && line[len - 1] == ' ')
			line[--len] = '\0';
		puts(line);
	}
}

static int run_gear_list(const struct cli_args *a)
{
	nf_error err = {0};
	nf_journal *j;
	nf_gear *list;
	size_t n;
	if (a->npos) {
		cli_errorf("gear list: takes no arguments");
		return CLI_EXIT_USAGE;
	}
	int rc = cli_journal_open_existing(a, &j, "no gear yet");
	if (rc)
		return rc;
	if (nf_journal_list_gear(j, cli_flag(a, "all"), &list, &n, &err)) {
		rc = cli_fail(&err);
		goto out_close;
	}
	if (cli_flag(a, "json")) {
		json_t *arr = nf_gear_list_json(list, n);
		if (arr && cli_flag(a, "why")) {
			json_t *o = json_object();
			json_object_set_new(o, "gear", arr);
			json_object_set_new(o, "why_shoes", json_string(nf_gear_retire_source(NF_GEAR_SHOES)));
			json_object_set_new(o, "why_insoles",
					    json_string(nf_gear_retire_source(NF_GEAR_INSOLES)));
			arr = o;
		}
		rc = cli_print_json(arr);
	} else {
		if (n == 0)
			printf("no gear yet: add some with 'numbfoot gear add NICKNAME'\n");
		else
			print_gear_table(list, n);
		if (cli_flag(a, "why")) {
			FILE *out = cli_wrap_open(stdout);
			fprintf(out, "\n%s\n\n%s\n", nf_gear_retire_source(NF_GEAR_SHOES),
				nf_gear_retire_source(NF_GEAR_INSOLES));
			cli_wrap_close(out, stdout);
		}
	}
	nf_gear_list_free(list);
out_close:
	nf_journal_close(j);
	return rc;
}

const struct cli_command cmd_gear_list = {
	.name = "gear list",
	.args = "",
	.summary = "list gear with the distance run in each and its wear",
	.description =
		"Lists shoes and insoles in use (with --all, retired ones too): the distance run in each "
		"(its starting distance plus every run in it), its retirement distance, and its wear: ok, "
		"check (past 5/8 of the retirement distance, 500 of 800 km: look at the midsole), retire "
		"(at or past it) or unknown (insoles: no data). --why prints the source of these "
		"numbers.",
	.options = list_options,
	.run = run_gear_list,
};

/* ---- gear retire ---- */

static const struct cli_option retire_options[] = {
	CLI_JOURNAL_OPTIONS,
	{"date", "DATE", "retirement date (YYYY-MM-DD; default today)"},
	{NULL, NULL, NULL},
};

static int run_gear_retire(const struct cli_args *a)
{
	nf_error err = {0};
	nf_journal *j;
	nf_gear g;
	char date[NF_JOURNAL_DATE_MAX], today[NF_JOURNAL_DATE_MAX], was[NF_JOURNAL_DATE_MAX];
	cli_today(date);
	if (!cli_date_opt(a, "date", date))
		return CLI_EXIT_USAGE;
	/* As --first-use: a pair is retired once it is put away. A later day would take it out of
	 * 'gear list' and the default today, on a day that has not come. */
	if (nf_journal_day_after(date, time(NULL), today)) {
		cli_errorf("--date: %s is in the future (today is %s): retire them on the day they are put "
			   "away",
			   date, today);
		return CLI_EXIT_USAGE;
	}
	int rc = open_named(a, &j, &g);
	if (rc)
		return rc;
	/* A pair already retired keeps the day it was retired: a second 'gear retire' without --date
	 * would otherwise move that day to today, a change of its history no one asked for. With
	 * --date it is a correction, and the message says from what to what. */
	snprintf(was, sizeof was, "%s", g.retired);
	if (was[0] && (!cli_opt(a, "date") || !strcmp(was, date))) {
		if (cli_flag(a, "json"))
			rc = cli_print_json(nf_gear_json(&g));
		else
			printf("%s '%s' were retired on %s: nothing changed%s\n", nf_gear_kind_name(g.kind),
			       cli_text(g.nickname), was, cli_opt(a, "date") ? "" : " (give --date to change that day)");
		goto out_close;
	}
	bool was_default = g.is_default;
	if (nf_journal_retire_gear(j, g.id, date, &err) || nf_journal_get_gear(j, g.id, &g, &err)) {
		rc = cli_fail(&err);
		goto out_close;
	}
	if (cli_flag(a, "json"))
		rc = cli_print_json(nf_gear_json(&g));
	else if (was[0])
		printf("moved the retirement of %s '%s' from %s to %s (%.1f km)\n", nf_gear_kind_name(g.kind),
		       cli_text(g.nickname), was, g.retired, g.used_km);
	else
		printf("retired %s '%s' on %s after %.1f km\n", nf_gear_kind_name(g.kind), cli_text(g.nickname),
		       g.retired, g.used_km);
	/* New runs got this pair without a word; from now on they get none, also without one. */
	if (was_default) {
		/* A pair still in use is named in the hint, the first by nickname. */
		nf_gear *list = NULL;
		size_t n = 0;
		const char *next = "NICKNAME";
		if (!nf_journal_list_gear(j, false, &list, &n, NULL))
			for (size_t k = 0; k < n; k++)
				if (list[k].kind == g.kind && list[k].id != g.id) {
					next = cli_shell_word(list[k].nickname);
					break;
				}
		fprintf(stderr,
			"numbfoot: note: '%s' were the default %s: new runs will have no %s until you choose "
			"others with 'numbfoot gear default %s'\n",
			cli_text(g.nickname), nf_gear_kind_name(g.kind), nf_gear_kind_name(g.kind), next);
		nf_gear_list_free(list);
	}
out_close:
	nf_journal_close(j);
	return rc;
}

const struct cli_command cmd_gear_retire = {
	.name = "gear retire",
	.args = "NICKNAME",
	.summary = "mark gear as retired",
	.description = "Marks the gear retired: it stays in the journal with its runs, leaves 'gear "
		       "list' (see --all) and stops being the default (a note then says that new runs get "
		       "none until 'gear default NICKNAME'). A --date before the pair's latest run, or "
		       "before its first use, is refused, naming that run or date; so is a --date after "
		       "today. A pair already retired keeps its day: without --date it says when it was "
		       "retired and changes nothing (exit status 0); with --date it moves the day, saying "
		       "from what to what.",
	.options = retire_options,
	.run = run_gear_retire,
};

/* ---- gear default ---- */

static int run_gear_default(const struct cli_args *a)
{
	nf_error err = {0};
	nf_journal *j;
	nf_gear g;
	int rc = open_named(a, &j, &g);
	if (rc)
		return rc;
	if (nf_journal_set_default_gear(j, g.id, &err) || nf_journal_get_gear(j, g.id, &g, &err)) {
		rc = cli_fail(&err);
		goto out_close;
	}
	if (cli_flag(a, "json"))
		rc = cli_print_json(nf_gear_json(&g));
	else
		printf("new runs now get %s '%s'\n", nf_gear_kind_name(g.kind), cli_text(g.nickname));
out_close:
	nf_journal_close(j);
	return rc;
}

const struct cli_command cmd_gear_default = {
	.name = "gear default",
	.args = "NICKNAME",
	.summary = "choose the shoes or insoles new runs get",
	.description = "Makes the gear the default of its kind: 'run add' and 'import' assign it to "
		       "new runs unless told otherwise.",
	.options = cli_journal_only_options,
	.run = run_gear_default,
};

/* ---- gear edit ---- */

static const struct cli_option edit_options[] = {
	CLI_JOURNAL_OPTIONS,
	{"name", "NEW", "a new nickname"},
	{"brand", "TEXT", "maker"},
	{"model", "TEXT", "model"},
	{"first-use", "DATE", "first run in them (YYYY-MM-DD)"},
	{"start-km", "KM", "distance they had already run before the journal"},
	{"retire-km", "KM", "retirement distance"},
	{"racing", NULL, "racing or carbon-plate shoes: retire at 400 km (not with --retire-km)"},
	{"unretire", NULL, "bring a retired pair back into use"},
	{NULL, NULL, NULL},
};

static int run_gear_edit(const struct cli_args *a)
{
	nf_error err = {0};
	nf_journal *j;
	nf_gear g;
	/* No option at all said "changed shoes 'peg'" of nothing; --unretire alone on a pair in use
	 * changes nothing either, and says so below (exit 0: the pair is in use, as asked). */
	static const char *const not_changes[] = {"db", "json", NULL};
	if (cli_nothing_to_change(a, not_changes))
		return CLI_EXIT_USAGE;
	int rc = open_named(a, &j, &g);
	if (rc)
		return rc;
	const char *name = cli_opt(a, "name");
	if (name && (!*name || strlen(name) >= sizeof g.nickname || strchr(name, '\n'))) {
		cli_errorf("gear edit: a nickname is 1 to %zu characters on one line", sizeof g.nickname - 1);
		rc = CLI_EXIT_USAGE;
		goto out_close;
	}
	if (!cli_utf8_ok(name, "--name")) {
		rc = CLI_EXIT_USAGE;
		goto out_close;
	}
	if (name)
		snprintf(g.nickname, sizeof g.nickname, "%s", name);
	/* Whether the pair was past its retirement distance before: the edit warns, as a run does,
	 * only when it takes the pair past it. */
	bool was_worn = isfinite(g.retire_km) && g.used_km >= g.retire_km;
	bool not_retired = cli_flag(a, "unretire") && !g.retired[0];
	if (cli_flag(a, "unretire"))
		g.retired[0] = '\0';
	rc = gear_fields(a, &g);
	if (rc)
		goto out_close;
	static const char *const but_unretire[] = {"db", "json", "unretire", NULL};
	if (not_retired && !cli_given_besides(a, but_unretire)) {
		if (cli_flag(a, "json"))
			rc = cli_print_json(nf_gear_json(&g));
		else
			printf("%s '%s' are not retired: nothing changed\n", nf_gear_kind_name(g.kind),
			       cli_text(g.nickname));
		goto out_close;
	}
	if (nf_journal_update_gear(j, &g, &err) || nf_journal_get_gear(j, g.id, &g, &err)) {
		rc = cli_fail(&err);
		if (err.code == NF_EEXIST)
			rc = CLI_EXIT_USAGE;
		goto out_close;
	}
	if (cli_flag(a, "json"))
		rc = cli_print_json(nf_gear_json(&g));
	else
		printf("changed %s '%s'%s\n", nf_gear_kind_name(g.kind), cli_text(g.nickname),
		       not_retired ? " (they were not retired)" : "");
	/* A retired pair is out of use: its distance against the retirement distance asks nothing. */
	if (!was_worn && !g.retired[0] && isfinite(g.retire_km) && g.used_km >= g.retire_km)
		cli_warn_worn(&g);
out_close:
	nf_journal_close(j);
	return rc;
}

const struct cli_command cmd_gear_edit = {
	.name = "gear edit",
	.args = "NICKNAME",
	.summary = "change the details of shoes or insoles",
	.description = "Changes what the options name and leaves the rest as it is. A --first-use "
		       "after the day of the pair's first run, or after its retirement, is refused; so is "
		       "a nickname that could not be typed back: 'none' (the word for no gear), a blank "
		       "one, one with a space at either end, a leading '-', or a control or invisible "
		       "character. No option at all is refused ('nothing to change', exit status 2). "
		       "When a new --retire-km or --start-km puts a pair in use at or past its retirement "
		       "distance, a warning says so, as for a run.\n\n"
		       "Example: numbfoot gear edit ghost --retire-km 700 --name ghost15",
	.options = edit_options,
	.run = run_gear_edit,
};

/* ---- gear delete ---- */

static const struct cli_option delete_options[] = {
	CLI_JOURNAL_OPTIONS,
	{"force", NULL, "delete it though runs use it, leaving them without it"},
	{NULL, NULL, NULL},
};

static int run_gear_delete(const struct cli_args *a)
{
	nf_error err = {0};
	nf_journal *j;
	nf_gear g;
	nf_gear_use u;
	int rc = open_named(a, &j, &g);
	if (rc)
		return rc;
	if (nf_journal_gear_use(j, g.id, &u, &err)) {
		rc = cli_fail(&err);
		goto out_close;
	}
	/* The runs' link to their pair is the shoe analysis's evidence, and deleting cannot be undone:
	 * a pair in use is retired, or deleted only when asked twice. */
	if (u.runs && !cli_flag(a, "force")) {
		cli_errorf("gear delete: %lld run%s (%lld with numbness) use '%s': retire them with 'numbfoot "
			   "gear retire %s', or add --force to delete them and leave those runs without %s",
			   (long long)u.runs, u.runs == 1 ? "" : "s", (long long)u.runs_numb, cli_text(g.nickname),
			   cli_shell_word(g.nickname), nf_gear_kind_name(g.kind));
		rc = CLI_EXIT_USAGE;
		goto out_close;
	}
	if (nf_journal_delete_gear(j, g.id, &err))
		rc = cli_fail(&err);
	else if (cli_flag(a, "json"))
		rc = cli_print_deleted(a, "gear", g.id, "");
	else
		printf("deleted %s '%s'; the runs in them keep their data\n", nf_gear_kind_name(g.kind),
		       cli_text(g.nickname));
out_close:
	nf_journal_close(j);
	return rc;
}

const struct cli_command cmd_gear_delete = {
	.name = "gear delete",
	.args = "NICKNAME",
	.summary = "delete shoes or insoles from the journal",
	.description = "Deletes the gear. When runs use it, it is refused with how many (and how many "
		       "with numbness), exit status 2: 'gear retire' keeps its history instead, and "
		       "--force deletes it anyway, the runs staying without it.",
	.options = delete_options,
	.run = run_gear_delete,
};
