/* numbfoot assessment list|show|delete: the assessments kept in the journal, each with whether
 * its interview ran to its end (an unfinished one never heads the report). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numbfoot/engine.h"
#include "paths.h"
#include "render.h"

/* The stored time as local "YYYY-MM-DD HH:MM", like the runs' times. */
static void when(const nf_assessment *a, char *buf, size_t size)
{
	int64_t t;
	if (nf_time_parse_iso(a->time, &t))
		snprintf(buf, size, "%s", a->time);
	else
		cli_format_local(t, buf, size);
}

static const char *str(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s ? s : "";
}

/* Whether the faces showed the result's ranking (a result saved without the field was ranked). */
static bool was_ranked(json_t *res)
{
	return !json_is_false(json_object_get(json_object_get(res, "triage"), "ranked"));
}

static void print_row(const nf_assessment *a)
{
	char at[32], pct[8] = "";
	json_t *res = a->result ? json_loads(a->result, 0, NULL) : NULL;
	json_t *top = json_array_get(json_object_get(res, "ranking"), 0);
	const char *level = str(json_object_get(res, "triage"), "level");
	when(a, at, sizeof at);
	if (!was_ranked(res)) {
		/* No list was shown: the cause the first step spoke for, or the warning sign, not the
		 * ranking's first (a sciatica at 26% for a compartment syndrome's emergency). */
		json_t *first = json_object_get(res, "first_step"), *plan = json_array_get(json_object_get(res, "plan"), 0);
		const char *cond = str(first, "condition"), *why = "";
		if (*cond && plan && !strcmp(cond, str(plan, "condition")))
			why = str(plan, "name");
		else if (*str(first, "finding"))
			why = "a warning sign";
		printf("%5lld  %-16s  %-12s  %-9s  not ranked%s%s%s\n", (long long)a->id, at,
		       a->complete ? "complete" : "not finished", *level ? level : "-", *why ? " (first step: " : "", why,
		       *why ? ")" : "");
		json_decref(res);
		return;
	}
	if (top)
		render_percent(json_number_value(json_object_get(top, "probability")), pct, sizeof pct);
	printf("%5lld  %-16s  %-12s  %-9s  %s%s%s%s\n", (long long)a->id, at, a->complete ? "complete" : "not finished",
	       *level ? level : "-", top ? str(top, "name") : "-", top ? " (" : "", pct, top ? ")" : "");
	json_decref(res);
}

/* The checked ID of show and delete, then the journal open. Returns CLI_EXIT_OK with *j open (the
 * caller closes it), else prints why and returns the exit code; bad input never opens it. */
static int open_assessment(const struct cli_args *a, nf_journal **j, int64_t *id)
{
	if (a->npos != 1) {
		cli_errorf("%s: give one assessment ID (see 'numbfoot assessment list')", a->cmd->name);
		return CLI_EXIT_USAGE;
	}
	if (!cli_parse_id(a->pos[0], "ID", id))
		return CLI_EXIT_USAGE;
	return cli_journal_open_existing(a, j, "no assessments yet");
}

/* ---- assessment list ---- */

static int run_assessment_list(const struct cli_args *a)
{
	nf_error err = {0};
	nf_journal *j;
	nf_assessment *list;
	size_t n;
	if (a->npos) {
		cli_errorf("assessment list: takes no arguments");
		return CLI_EXIT_USAGE;
	}
	int rc = cli_journal_open_existing(a, &j, "no assessments yet");
	if (rc)
		return rc;
	if (nf_journal_list_assessments(j, &list, &n, &err)) {
		rc = cli_fail(&err);
		goto out_close;
	}
	if (cli_flag(a, "json")) {
		rc = cli_print_json(nf_assessment_list_json(list, n));
	} else if (n == 0) {
		printf("no assessments yet: 'numbfoot assess' keeps each one\n");
	} else {
		printf("%5s  %-16s  %-12s  %-9s  %s\n", "id", "when", "finished", "triage", "leading cause");
		for (size_t k = 0; k < n; k++)
			print_row(&list[k]);
	}
	nf_assessment_list_free(list, n);
out_close:
	nf_journal_close(j);
	return rc;
}

const struct cli_command cmd_assessment_list = {
	.name = "assessment list",
	.args = "",
	.summary = "list the saved assessments, oldest first",
	.description =
		"Lists the assessments kept in the journal with their id, time, whether the interview was "
		"finished, the triage level and the leading cause (\"not ranked\" and the cause the first "
		"step spoke for, when the result showed no ranking). An assessment is not finished when its "
		"interview ended before the last question it needed (q, or the end of the input); 'numbfoot "
		"report' heads with the latest finished one. --json prints an array of objects with id, time, "
		"complete (true or false), answers and result (docs/result-schema.md).",
	.options = cli_journal_only_options,
	.run = run_assessment_list,
};

/* ---- assessment show ---- */

/* The answer stored for finding f (a JSON value of the result's answers) in words. */
static void answer_words(const nf_kb *kb, size_t f, json_t *v, bool miles, char *buf, size_t size)
{
	nf_value x = {0};
	size_t i;
	json_t *item;
	if (json_is_boolean(v)) {
		x.b = json_is_true(v);
	} else if (json_is_number(v)) {
		x.x = json_number_value(v);
	} else if (json_is_string(v) && (x.index = nf_kb_finding_value_index(kb, f, json_string_value(v))) >= 0) {
		;
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, item)
		{
			int k = json_is_string(item) ? nf_kb_finding_value_index(kb, f, json_string_value(item)) : -1;
			if (k >= 0 && k < 32)
				x.set |= 1u << k;
		}
	} else {
		snprintf(buf, size, "don't know");
		return;
	}
	/* A stored value of another type than the finding's (a different knowledge base) is shown
	 * as it was stored. */
	nf_ftype t = nf_kb_finding_type(kb, f);
	if ((t == NF_BOOL && !json_is_boolean(v)) || (t == NF_NUMBER && !json_is_number(v)) ||
	    (t == NF_ENUM && !json_is_string(v)) || (t == NF_SET && !json_is_array(v))) {
		char *text = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
		snprintf(buf, size, "%s", text ? text : "?");
		free(text);
		return;
	}
	render_answer(kb, f, &x, miles, buf, size);
}

static bool listed(json_t *list, const char *id)
{
	size_t i;
	json_t *x;
	json_array_foreach(list, i, x) if (json_is_string(x) && !strcmp(json_string_value(x), id)) return true;
	return false;
}

static void print_assessment(FILE *out, const nf_assessment *as, const nf_kb *kb)
{
	char at[32], pct[8];
	json_t *res = as->result ? json_loads(as->result, 0, NULL) : NULL;
	json_t *saved = json_loads(as->answers, 0, NULL);
	json_t *derived = json_object_get(saved, "derived"), *tri = json_object_get(res, "triage");
	when(as, at, sizeof at);
	fprintf(out, "assessment %lld\n  when       %s (%s)\n  finished   %s\n", (long long)as->id, at, as->time,
	       as->complete ? "yes" : "no: the interview ended before its last question, so the report does not "
				      "head with it");
	if (!res) {
		fprintf(out, "  result     none stored\n");
		goto out;
	}
	fprintf(out, "  triage     %s\n", str(tri, "words"));
	if (json_is_object(json_object_get(tri, "red_flag")))
		fprintf(out, "  warning    %s\n", str(json_object_get(tri, "red_flag"), "says"));
	size_t i;
	json_t *c, *v;
	bool ranked = was_ranked(res);
	if (ranked)
		fprintf(out, "\nMost likely causes\n");
	else
		fprintf(out, "\nCauses\n  %s\n", str(tri, "unranked_words"));
	json_array_foreach(json_object_get(res, "ranking"), i, c)
	{
		if (i == 5 || !ranked)
			break;
		render_percent(json_number_value(json_object_get(c, "probability")), pct, sizeof pct);
		fprintf(out, "  %5s  %s\n", pct, str(c, "name"));
	}
	fprintf(out, "\nAnswers\n");
	const char *id;
	bool miles = cli_units_miles();
	json_object_foreach(json_object_get(res, "answers"), id, v)
	{
		int f = nf_kb_finding_index(kb, id);
		char words[256];
		if (f < 0) {
			fprintf(out, "  %s: (not in this knowledge base)\n", id);
			continue;
		}
		answer_words(kb, (size_t)f, v, miles, words, sizeof words);
		fprintf(out, "  %s: %s%s\n", nf_kb_finding_means(kb, (size_t)f), words,
		       listed(derived, id) ? " (from the journal)" : "");
	}
out:
	json_decref(res);
	json_decref(saved);
}

static int run_assessment_show(const struct cli_args *a)
{
	nf_error err = {0};
	nf_journal *j;
	nf_assessment as;
	nf_kb *kb = NULL;
	int64_t id;
	int rc = open_assessment(a, &j, &id);
	if (rc)
		return rc;
	if (nf_journal_get_assessment(j, id, &as, &err)) {
		rc = cli_fail(&err);
		goto out_close;
	}
	if (cli_flag(a, "json"))
		rc = cli_print_json(nf_assessment_json(&as));
	else if (!(rc = cli_load_kb(a, &kb))) {
		FILE *out = cli_wrap_open(stdout);
		print_assessment(out, &as, kb);
		cli_wrap_close(out, stdout);
	}
	nf_assessment_release(&as);
	nf_kb_free(kb);
out_close:
	nf_journal_close(j);
	return rc;
}

static const struct cli_option show_options[] = {
	CLI_JOURNAL_OPTIONS,
	{"kb", "FILE", "name the answers with this knowledge base instead of the built-in one"},
	{NULL, NULL, NULL},
};

const struct cli_command cmd_assessment_show = {
	.name = "assessment show",
	.args = "ID",
	.summary = "show one saved assessment",
	.description =
		"Shows the assessment with that id (from 'numbfoot assessment list'): when it was made, whether "
		"its interview was finished, the triage, the likely causes and every answer, those taken from "
		"the journal marked. --json prints the object that 'assessment list --json' lists.",
	.options = show_options,
	.run = run_assessment_show,
};

/* ---- assessment delete ---- */

static int run_assessment_delete(const struct cli_args *a)
{
	nf_error err = {0};
	nf_journal *j;
	int64_t id;
	int rc = open_assessment(a, &j, &id);
	if (rc)
		return rc;
	if (nf_journal_delete_assessment(j, id, &err))
		rc = cli_fail(&err);
	else
		rc = cli_print_deleted(a, "assessment", id, "");
	nf_journal_close(j);
	return rc;
}

const struct cli_command cmd_assessment_delete = {
	.name = "assessment delete",
	.args = "ID",
	.summary = "delete a saved assessment",
	.description = "Deletes the assessment with that id, answers and result together. The row is overwritten "
		       "in the file (secure_delete) and the journal's write-ahead log is emptied, so that nothing "
		       "of it can be read back.",
	.options = cli_journal_only_options,
	.run = run_assessment_delete,
};
