/* numbfoot episode add|list|edit|delete: when and where the feet went numb on a run. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "numbfoot/date.h"
#include "paths.h"

bool cli_episode_from_args(const struct cli_args *a, const char *at_opt, nf_episode *e, bool *given)
{
	char what[32];
	const char *v;
	bool miles = cli_miles(a);
	*given = false;
	snprintf(what, sizeof what, "--%s", at_opt);
	if ((v = cli_opt(a, at_opt))) {
		size_t len = strlen(v);
		*given = true;
		/* The onset given replaces the one stored, in km or in minutes: kept, the other measure
		 * was the old onset's and contradicted the new one ("at 5.00 km at 25 min"). */
		e->onset_km = NAN;
		e->onset_min = NAN;
		if (len > 3 && !strcmp(v + len - 3, "min")) {
			char num[32];
			snprintf(num, sizeof num, "%.*s", (int)(len - 3), v);
			if (!cli_parse_minutes(num, what, &e->onset_min))
				return false;
		} else if (!cli_parse_distance(v, miles, NF_DISTANCE_IN_RUN, what, &e->onset_km)) {
			return false;
		}
	}
	if ((v = cli_opt(a, "where"))) {
		*given = true;
		if (!cli_parse_where(v, &e->locations))
			return false;
	}
	if ((v = cli_opt(a, "side"))) {
		*given = true;
		if (!strcmp(v, "one"))
			e->side = NF_SIDE_ONE;
		else if (!strcmp(v, "both"))
			e->side = NF_SIDE_BOTH;
		else {
			cli_errorf("--side: '%s' must be one or both", v);
			return false;
		}
	}
	if ((v = cli_opt(a, "foot"))) {
		int foot = nf_foot_parse(v);
		*given = true;
		if (foot < 0) {
			cli_errorf("--foot: '%s' must be left, right or both", v);
			return false;
		}
		if (cli_opt(a, "side") && nf_foot_side((nf_foot)foot) != e->side) {
			cli_errorf("--foot %s and --side %s contradict each other", v, cli_opt(a, "side"));
			return false;
		}
		e->foot = (nf_foot)foot;
		e->side = nf_foot_side(e->foot);
	} else if (cli_opt(a, "side") && e->foot != NF_FOOT_UNKNOWN && nf_foot_side(e->foot) != e->side) {
		/* Editing: a new side that the stored foot contradicts leaves which foot unknown. */
		e->foot = NF_FOOT_UNKNOWN;
	}
	if ((v = cli_opt(a, "severity"))) {
		double s;
		*given = true;
		if (!cli_parse_number(v, "--severity", 0, 10, &s))
			return false;
		if (s != floor(s)) {
			cli_errorf("--severity: '%s' must be a whole number from 0 to 10", v);
			return false;
		}
		e->severity = (int)s;
	}
	if (cli_opt(a, "recover") && cli_flag(a, "not-back")) {
		cli_errorf("--recover and --not-back contradict each other: feeling came back after some minutes, "
			   "or has not come back yet");
		return false;
	}
	if ((v = cli_opt(a, "recover"))) {
		*given = true;
		if (!cli_parse_number(v, "--recover", 0, NF_JOURNAL_RECOVER_MAX_MIN, &e->recover_min))
			return false;
		e->not_back = 0; /* it came back: an edit says when */
	}
	if (cli_flag(a, "not-back")) {
		*given = true;
		e->not_back = 1;
		e->recover_min = NAN;
	}
	if (cli_flag(a, "cramp") && cli_flag(a, "no-cramp")) {
		cli_errorf("--cramp and --no-cramp contradict each other");
		return false;
	}
	if (cli_flag(a, "loosening-helped") && cli_flag(a, "no-loosening-helped")) {
		cli_errorf("--loosening-helped and --no-loosening-helped contradict each other");
		return false;
	}
	if (cli_flag(a, "cramp") || cli_flag(a, "no-cramp")) {
		*given = true;
		e->calf_cramp_first = cli_flag(a, "cramp");
	}
	if (cli_flag(a, "loosening-helped") || cli_flag(a, "no-loosening-helped")) {
		*given = true;
		e->loosening_helped = cli_flag(a, "loosening-helped");
	}
	return true;
}

static void print_episode(FILE *out, const nf_episode *e)
{
	char locs[1024] = "";
	size_t len = 0;
	for (int i = 0; i < NF_LOCATION_COUNT; i++)
		if (e->locations & (1u << i))
			len += (size_t)snprintf(locs + len, sizeof locs - len, "%s%s", len ? ", " : "",
						cli_place_words(i));
	char onset[96], gone[32];
	cli_format_onset(e, onset, sizeof onset);
	fprintf(out, "episode %lld on run %lld:%s", (long long)e->id, (long long)e->run_id, onset);
	if (locs[0])
		fprintf(out, " in %s", locs);
	if (e->foot == NF_FOOT_BOTH || (!e->foot && e->side == NF_SIDE_BOTH))
		fprintf(out, ", both feet");
	else if (e->foot)
		fprintf(out, ", %s foot", nf_foot_name(e->foot));
	else if (e->side == NF_SIDE_ONE)
		fprintf(out, ", one foot");
	if (e->severity >= 0)
		fprintf(out, ", severity %d/10", e->severity);
	if (isfinite(e->recover_min)) {
		nf_minutes_text(e->recover_min, gone, sizeof gone);
		fprintf(out, ", gone after %s", gone);
	} else if (e->not_back)
		fprintf(out, ", not back when logged");
	if (e->calf_cramp_first == 1)
		fprintf(out, ", calf cramp first");
	if (e->loosening_helped == 1)
		fprintf(out, ", loosening helped");
	else if (e->loosening_helped == 0)
		fprintf(out, ", loosening did not help");
	if (e->notes[0])
		fprintf(out, " (%s)", cli_text(e->notes));
	fputc('\n', out);
}

/* What add and edit print: the episode as JSON with --json, else "<verb> episode ..."; with the
 * warning sign when sign is not NULL (in --json, "warning_sign", null when none, for add). */
static int print_result(const struct cli_args *a, const char *verb, const nf_episode *e, const struct cli_sign *sign,
			bool with_sign)
{
	if (cli_flag(a, "json")) {
		json_t *o = nf_episode_json(e);
		if (o && with_sign)
			json_object_set_new(o, "warning_sign", sign ? cli_sign_json(sign, e) : json_null());
		return cli_print_json(o);
	}
	FILE *out = cli_wrap_open(stdout);
	fprintf(out, "%s ", verb);
	print_episode(out, e);
	cli_wrap_close(out, stdout);
	if (sign)
		cli_sign_print(sign);
	return CLI_EXIT_OK;
}

/* The one episode ID of edit and delete: checks it, then opens the journal. Returns CLI_EXIT_OK
 * with *j open (the caller closes it), else prints why and returns the exit code. */
static int open_episode(const struct cli_args *a, nf_journal **j, int64_t *id)
{
	if (a->npos != 1) {
		cli_errorf("%s: give one episode ID", a->cmd->name);
		return CLI_EXIT_USAGE;
	}
	if (!cli_parse_id(a->pos[0], "ID", id))
		return CLI_EXIT_USAGE;
	return cli_journal_open_existing(a, j, "no episodes yet");
}

#define EPISODE_OPTIONS \
	{"at", "KM", "distance into the run when it began (or minutes: 25min)"}, \
	{"where", "LIST", "where, comma-separated: IDs or words (\"top of foot,big toe\"); a wrong one lists them"}, \
	{"foot", "FOOT", "which foot: left, right or both"}, \
	{"side", "SIDE", "one or both feet, when which foot is not known"}, \
	{"severity", "N", "how bad, 0 to 10"}, \
	{"recover", "MIN", "minutes until feeling came back (0 to 43200, 30 days)"}, \
	{"not-back", NULL, "feeling has not come back yet (a warning sign on a run of the last 2 days)"}, \
	{"cramp", NULL, "a calf cramp came first"}, \
	{"loosening-helped", NULL, "loosening the laces brought feeling back"}, \
	{"miles", NULL, "distances without a unit are miles (also the default with units = mi in the config)"}, \
	{"notes", "TEXT", "anything else"}

/* ---- episode add ---- */

static const struct cli_option add_options[] = {
	CLI_JOURNAL_OPTIONS,
	EPISODE_OPTIONS,
	{NULL, NULL, NULL},
};

static int run_episode_add(const struct cli_args *a)
{
	nf_episode e;
	nf_error err = {0};
	nf_journal *j;
	bool given;
	int64_t run_id = 0;
	if (a->npos != 1) {
		cli_errorf("episode add: give the RUN id (or 'last')");
		return CLI_EXIT_USAGE;
	}
	nf_episode_init(&e);
	if (!cli_parse_run(a->pos[0], "RUN", &run_id))
		return CLI_EXIT_USAGE;
	if (!cli_episode_from_args(a, "at", &e, &given) || !cli_text_opt(a, "notes", e.notes, sizeof e.notes))
		return CLI_EXIT_USAGE;
	int rc = cli_journal_open(a, &j);
	if (rc)
		return rc;
	if ((rc = cli_resolve_run(j, &run_id)))
		goto out_close;
	e.run_id = run_id;
	/* Read back: what is shown is what was stored (a foot's side, both feet's foot). */
	if (nf_journal_add_episode(j, &e, &err) || nf_journal_get_episode(j, e.id, &e, &err)) {
		rc = cli_fail(&err);
		goto out_close;
	}
	nf_journal_run run;
	struct cli_sign sign;
	bool warn = nf_journal_get_run(j, e.run_id, &run, NULL) == NF_OK &&
		    cli_not_settled(a, &e, run.rec.start_time, &sign);
	rc = print_result(a, "added", &e, warn ? &sign : NULL, true);
out_close:
	nf_journal_close(j);
	return rc;
}

const struct cli_command cmd_episode_add = {
	.name = "episode add",
	.args = "RUN",
	.summary = "record numbness on a run",
	.description =
		"Records an episode of numbness or tingling on run RUN (an id from 'numbfoot run list', "
		"or 'last' for the latest run). Every detail is optional; what is left out is stored as "
		"unknown. --where takes the places' IDs or their words (\"top of foot\", \"ball of the foot\"), "
		"comma-separated; a place it cannot tell lists them all. --foot says which foot (left, right or "
		"both), and the side follows it; --side alone (one or both) is for when which foot is not "
		"known. Feeling that took 2 hours or more to come back (--recover 120) on a run of the last 2 "
		"days is a warning sign, said at once in the assessment's words (\"warning_sign\" in --json).\n\n"
		"Example: numbfoot episode add last --at 8 --where dorsum,toes_all --foot left --severity 4",
	.options = add_options,
	.run = run_episode_add,
};

/* ---- episode list ---- */

static const struct cli_option list_options[] = {
	CLI_JOURNAL_OPTIONS,
	{"run", "RUN", "only the episodes of this run (an id or 'last')"},
	{NULL, NULL, NULL},
};

static int run_episode_list(const struct cli_args *a)
{
	nf_error err = {0};
	nf_journal *j;
	nf_episode *list;
	size_t n;
	int64_t run_id = 0;
	if (a->npos) {
		cli_errorf("episode list: takes no arguments (use --run RUN)");
		return CLI_EXIT_USAGE;
	}
	const char *run = cli_opt(a, "run");
	if (run && !cli_parse_run(run, "--run", &run_id))
		return CLI_EXIT_USAGE;
	int rc = cli_journal_open_existing(a, &j, "no episodes yet");
	if (rc)
		return rc;
	if (run && (rc = cli_resolve_run(j, &run_id)))
		goto out_close;
	if (nf_journal_list_episodes(j, run_id, &list, &n, &err)) {
		rc = cli_fail(&err);
		goto out_close;
	}
	if (cli_flag(a, "json")) {
		rc = cli_print_json(nf_episode_list_json(list, n));
	} else {
		FILE *out = cli_wrap_open(stdout);
		if (n == 0)
			fprintf(out, "no episodes\n");
		for (size_t k = 0; k < n; k++)
			print_episode(out, &list[k]);
		cli_wrap_close(out, stdout);
	}
	nf_episode_list_free(list);
out_close:
	nf_journal_close(j);
	return rc;
}

const struct cli_command cmd_episode_list = {
	.name = "episode list",
	.args = "",
	.summary = "list episodes of numbness",
	.description = "Lists every recorded episode, oldest run first, or with --run only one run's. "
		       "The onset is shown as it was given, in km or in minutes (one decimal where it has "
		       "one, 2.5 min; under a minute in seconds, 30 s), here, in 'run show' and in the "
		       "report alike.",
	.options = list_options,
	.run = run_episode_list,
};

/* ---- episode edit ---- */

static const struct cli_option edit_options[] = {
	CLI_JOURNAL_OPTIONS,
	EPISODE_OPTIONS,
	{"no-cramp", NULL, "no calf cramp came first"},
	{"no-loosening-helped", NULL, "loosening the laces did not help"},
	{NULL, NULL, NULL},
};

static int run_episode_edit(const struct cli_args *a)
{
	nf_episode e;
	nf_error err = {0};
	nf_journal *j;
	bool given;
	int64_t id;
	static const char *const not_changes[] = {"db", "json", "miles", NULL};
	if (a->npos == 1 && cli_nothing_to_change(a, not_changes))
		return CLI_EXIT_USAGE;
	int rc = open_episode(a, &j, &id);
	if (rc)
		return rc;
	if (nf_journal_get_episode(j, id, &e, &err)) {
		rc = cli_fail(&err);
		goto out_close;
	}
	if (!cli_episode_from_args(a, "at", &e, &given) || !cli_text_opt(a, "notes", e.notes, sizeof e.notes)) {
		rc = CLI_EXIT_USAGE;
		goto out_close;
	}
	if (nf_journal_update_episode(j, &e, &err) || nf_journal_get_episode(j, id, &e, &err)) {
		rc = cli_fail(&err);
		goto out_close;
	}
	nf_journal_run run;
	struct cli_sign sign;
	bool warn = nf_journal_get_run(j, e.run_id, &run, NULL) == NF_OK &&
		    cli_not_settled(a, &e, run.rec.start_time, &sign);
	rc = print_result(a, "updated", &e, warn ? &sign : NULL, true);
out_close:
	nf_journal_close(j);
	return rc;
}

const struct cli_command cmd_episode_edit = {
	.name = "episode edit",
	.args = "ID",
	.summary = "change an episode",
	.description = "Changes the details given as options and keeps the others. --at replaces the "
		       "onset, in km or in minutes, dropping the other measure of the old one. A new --side that the "
		       "episode's foot contradicts changes the foot with it: both feet, or one foot not said "
		       "which. No option to change anything is refused ('nothing to change', exit status 2), "
		       "as by gear edit.",
	.options = edit_options,
	.run = run_episode_edit,
};

/* ---- episode delete ---- */

static int run_episode_delete(const struct cli_args *a)
{
	nf_error err = {0};
	nf_journal *j;
	int64_t id;
	int rc = open_episode(a, &j, &id);
	if (rc)
		return rc;
	if (nf_journal_delete_episode(j, id, &err))
		rc = cli_fail(&err);
	else
		rc = cli_print_deleted(a, "episode", id, "");
	nf_journal_close(j);
	return rc;
}

const struct cli_command cmd_episode_delete = {
	.name = "episode delete",
	.args = "ID",
	.summary = "delete an episode",
	.description = "Deletes the episode (secure_delete overwrites it in the file).",
	.options = cli_journal_only_options,
	.run = run_episode_delete,
};
