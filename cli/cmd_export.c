/* numbfoot export: the whole journal as JSON, or the runs as CSV. Each record is written by the
 * library's writer of its shape (nf_run_json and friends), as every --json and the web API. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "paths.h"

/* ---- the export command ---- */

static const struct cli_option export_options[] = {
	CLI_JOURNAL_OPTIONS,
	{"format", "FORMAT", "json (everything, the default) or csv (one line per run)"},
	{NULL, NULL, NULL},
};

struct export_ctx {
	nf_journal *j;
	json_t *runs;
	nf_error *err;
};

static int add_run_json(const nf_journal_run *r, void *p)
{
	struct export_ctx *c = p;
	nf_episode *eps;
	size_t n;
	if (nf_journal_list_episodes(c->j, r->id, &eps, &n, c->err))
		return 1;
	json_t *o = nf_run_with_episodes_json(r, eps, n);
	nf_episode_list_free(eps);
	/* json_array_append_new releases o when it fails. */
	if (!o || json_array_append_new(c->runs, o)) {
		nf_error_set(c->err, NF_ENOMEM, "out of memory exporting");
		return 1;
	}
	return 0;
}

static int export_json(nf_journal *j)
{
	nf_error err = {0};
	nf_gear *gear;
	size_t ng;
	char now[32];
	if (nf_journal_list_gear(j, true, &gear, &ng, &err))
		return cli_fail(&err);
	json_t *doc = json_object(), *garr = nf_gear_list_json(gear, ng), *runs = json_array();
	nf_gear_list_free(gear);
	if (!doc || !garr || !runs) {
		json_decref(doc);
		json_decref(garr);
		json_decref(runs);
		return cli_print_json(NULL);
	}
	nf_time_iso((int64_t)time(NULL), now, sizeof now);
	json_object_set_new(doc, "numbfoot_journal", json_integer(nf_journal_schema_version(j)));
	json_object_set_new(doc, "exported", json_string(now));
	json_object_set_new(doc, "gear", garr);
	json_object_set_new(doc, "runs", runs);
	struct export_ctx c = {.j = j, .runs = runs, .err = &err};
	if (nf_journal_each_run(j, 0, add_run_json, &c, &err)) {
		json_decref(doc);
		return cli_fail(&err);
	}
	nf_assessment *as;
	size_t na;
	if (nf_journal_list_assessments(j, &as, &na, &err)) {
		json_decref(doc);
		return cli_fail(&err);
	}
	json_t *aarr = nf_assessment_list_json(as, na);
	nf_assessment_list_free(as, na);
	/* json_object_set_new releases aarr when it fails, and refuses NULL. */
	if (json_object_set_new(doc, "assessments", aarr)) {
		json_decref(doc);
		return cli_print_json(NULL);
	}
	return cli_print_json(doc);
}

/* Writes s as one CSV field (RFC 4180: quoted when it holds a comma, quote or line break). */
static void csv_text(const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, stdout);
		return;
	}
	putchar('"');
	for (; *s; s++) {
		if (*s == '"')
			putchar('"');
		putchar(*s);
	}
	putchar('"');
}

static void csv_real(double v)
{
	if (isfinite(v))
		printf("%.10g", v);
}

struct csv_ctx {
	nf_journal *j;
	nf_error *err;
};

static int csv_row(const nf_journal_run *r, void *p)
{
	struct csv_ctx *c = p;
	char when[32];
	nf_episode *eps;
	size_t n;
	if (nf_journal_list_episodes(c->j, r->id, &eps, &n, c->err))
		return 1;
	nf_episode_list_free(eps);
	nf_time_iso(r->rec.start_time, when, sizeof when);
	printf("%lld,%s,", (long long)r->id, when);
	csv_real(r->rec.distance_m);
	putchar(',');
	csv_real(r->rec.moving_s);
	putchar(',');
	csv_real(r->rec.elapsed_s);
	putchar(',');
	csv_real(r->rec.cadence_spm);
	putchar(',');
	csv_text(r->cadence_unit);
	putchar(',');
	csv_real(r->rec.stride_m);
	putchar(',');
	csv_real(r->rec.temperature_c);
	putchar(',');
	csv_real(r->rec.heart_rate_bpm);
	putchar(',');
	csv_text(r->surface);
	putchar(',');
	csv_text(r->shoes);
	putchar(',');
	csv_text(r->insoles);
	printf(",%zu,", n);
	csv_text(r->notes);
	putchar(',');
	csv_text(r->rec.source_file);
	printf(",%s\r\n", r->rec.source_sha256);
	return 0;
}

static int export_csv(nf_journal *j)
{
	nf_error err = {0};
	struct csv_ctx c = {.j = j, .err = &err};
	fputs("id,start_time,distance_m,moving_s,elapsed_s,cadence_spm,cadence_unit,stride_m,"
	      "temperature_c,heart_rate_bpm,surface,shoes,insoles,episodes,notes,source_file,"
	      "source_sha256\r\n", stdout);
	if (nf_journal_each_run(j, 0, csv_row, &c, &err))
		return cli_fail(&err);
	return fflush(stdout) == 0 ? CLI_EXIT_OK : CLI_EXIT_FAIL;
}

static int run_export(const struct cli_args *a)
{
	const char *format = cli_opt(a, "format");
	nf_journal *j;
	int rc;
	if (a->npos) {
		cli_errorf("export: takes no arguments (did you mean --format?)");
		return CLI_EXIT_USAGE;
	}
	if (!format)
		format = "json";
	if (cli_flag(a, "json") && strcmp(format, "json")) {
		cli_errorf("export: --json and --format %s disagree", format);
		return CLI_EXIT_USAGE;
	}
	if (strcmp(format, "json") && strcmp(format, "csv")) {
		cli_errorf("export: --format must be json or csv, not '%s'", format);
		return CLI_EXIT_USAGE;
	}
	rc = cli_journal_open_existing(a, &j, "nothing to export");
	if (rc)
		return rc;
	rc = !strcmp(format, "csv") ? export_csv(j) : export_json(j);
	nf_journal_close(j);
	return rc;
}

const struct cli_command cmd_export = {
	.name = "export",
	.args = "",
	.summary = "write the whole journal to standard output as JSON or CSV",
	.description =
		"Writes the journal to standard output. JSON (the default) holds every pair of gear, "
		"every run with its episodes and every stored assessment, in the shapes 'numbfoot run list --json' and friends print; "
		"CSV holds one line per run with the number of its episodes. Unknown values are null in "
		"JSON and empty in CSV; times are ISO 8601 UTC.\n\n"
		"Example: numbfoot export --format csv > runs.csv",
	.options = export_options,
	.run = run_export,
};
