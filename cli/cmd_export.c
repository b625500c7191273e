/* numbfoot export: the whole journal as JSON, or the runs as CSV. Also the JSON shape of each
 * record, shared by the other journal commands' --json output. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "paths.h"

static json_t *real_or_null(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}

static json_t *text_or_null(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

static json_t *tri(int v)
{
	return v < 0 ? json_null() : json_boolean(v);
}

/* json_object_set_new that remembers a failure in *ok. */
static void put(json_t *o, const char *k, json_t *v, bool *ok)
{
	if (!v || json_object_set_new(o, k, v))
		*ok = false;
}

/* Ends building o: o when every put succeeded, else NULL with o released. */
static json_t *built(json_t *o, bool ok)
{
	if (!ok) {
		json_decref(o);
		return NULL;
	}
	return o;
}

json_t *cli_gear_json(const nf_gear *g)
{
	bool ok = true;
	json_t *o = json_object();
	if (!o)
		return NULL;
	put(o, "id", json_integer(g->id), &ok);
	put(o, "kind", json_string(nf_gear_kind_name(g->kind)), &ok);
	put(o, "nickname", json_string(g->nickname), &ok);
	put(o, "brand", text_or_null(g->brand), &ok);
	put(o, "model", text_or_null(g->model), &ok);
	put(o, "first_use", text_or_null(g->first_use), &ok);
	put(o, "start_km", json_real(g->start_km), &ok);
	put(o, "used_km", json_real(round(g->used_km * 1000) / 1000), &ok);
	put(o, "runs", json_integer(g->runs), &ok);
	put(o, "retire_km", real_or_null(g->retire_km), &ok);
	put(o, "wear", json_string(nf_wear_name(nf_gear_wear(g))), &ok);
	put(o, "retired", text_or_null(g->retired), &ok);
	put(o, "default", json_boolean(g->is_default), &ok);
	return built(o, ok);
}

json_t *cli_run_json(const nf_journal_run *r)
{
	bool ok = true;
	char when[32];
	json_t *o = json_object();
	if (!o)
		return NULL;
	nf_time_iso(r->rec.start_time, when, sizeof when);
	put(o, "id", json_integer(r->id), &ok);
	put(o, "start_time", text_or_null(when), &ok);
	put(o, "distance_m", real_or_null(r->rec.distance_m), &ok);
	put(o, "moving_s", real_or_null(r->rec.moving_s), &ok);
	put(o, "elapsed_s", real_or_null(r->rec.elapsed_s), &ok);
	put(o, "cadence_spm", real_or_null(r->rec.cadence_spm), &ok);
	put(o, "cadence_unit", text_or_null(r->cadence_unit), &ok);
	put(o, "stride_m", real_or_null(r->rec.stride_m), &ok);
	put(o, "temperature_c", real_or_null(r->rec.temperature_c), &ok);
	put(o, "heart_rate_bpm", real_or_null(r->rec.heart_rate_bpm), &ok);
	put(o, "surface", text_or_null(r->surface), &ok);
	put(o, "shoes", text_or_null(r->shoes), &ok);
	put(o, "insoles", text_or_null(r->insoles), &ok);
	put(o, "notes", text_or_null(r->notes), &ok);
	put(o, "source_file", text_or_null(r->rec.source_file), &ok);
	put(o, "source_sha256", text_or_null(r->rec.source_sha256), &ok);
	return built(o, ok);
}

json_t *cli_episode_json(const nf_episode *e)
{
	bool ok = true;
	json_t *o = json_object(), *locs = json_array();
	if (!o || !locs) {
		json_decref(o);
		json_decref(locs);
		return NULL;
	}
	for (int i = 0; i < NF_LOCATION_COUNT; i++)
		if (e->locations & (1u << i) && json_array_append_new(locs, json_string(nf_location_name(i))))
			ok = false;
	put(o, "id", json_integer(e->id), &ok);
	put(o, "run_id", json_integer(e->run_id), &ok);
	put(o, "onset_km", real_or_null(e->onset_km), &ok);
	put(o, "onset_min", real_or_null(e->onset_min), &ok);
	put(o, "locations", locs, &ok);
	put(o, "side", text_or_null(nf_side_name(e->side)), &ok);
	put(o, "foot", text_or_null(nf_foot_name(e->foot)), &ok);
	put(o, "severity", e->severity < 0 ? json_null() : json_integer(e->severity), &ok);
	put(o, "recover_min", real_or_null(e->recover_min), &ok);
	put(o, "calf_cramp_first", tri(e->calf_cramp_first), &ok);
	put(o, "loosening_helped", tri(e->loosening_helped), &ok);
	put(o, "notes", text_or_null(e->notes), &ok);
	return built(o, ok);
}

/* An array of n records, items[k] (each size bytes) made into JSON by to_json; NULL when out of
 * memory, with everything built so far released. */
static json_t *array_of(const void *items, size_t n, size_t size, json_t *(*to_json)(const void *))
{
	json_t *arr = json_array();
	for (size_t k = 0; arr && k < n; k++)
		/* json_array_append_new refuses NULL and releases what it refuses. */
		if (json_array_append_new(arr, to_json((const char *)items + k * size))) {
			json_decref(arr);
			arr = NULL;
		}
	return arr;
}

/* cli_*_json with the element type array_of can pass. */
static json_t *gear_json(const void *g)
{
	return cli_gear_json(g);
}

static json_t *episode_json(const void *e)
{
	return cli_episode_json(e);
}

json_t *cli_gear_list_json(const nf_gear *list, size_t n)
{
	return array_of(list, n, sizeof *list, gear_json);
}

json_t *cli_episode_list_json(const nf_episode *list, size_t n)
{
	return array_of(list, n, sizeof *list, episode_json);
}

json_t *cli_run_with_episodes_json(const nf_journal_run *r, const nf_episode *eps, size_t n)
{
	json_t *o = cli_run_json(r), *arr = cli_episode_list_json(eps, n);
	bool ok = o != NULL;
	if (ok)
		put(o, "episodes", arr, &ok); /* takes arr, even when it fails */
	else
		json_decref(arr);
	return built(o, ok);
}

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
	json_t *o = cli_run_with_episodes_json(r, eps, n);
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
	json_t *doc = json_object(), *garr = cli_gear_list_json(gear, ng), *runs = json_array();
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
	json_t *aarr = json_array();
	if (!aarr || json_object_set_new(doc, "assessments", aarr)) {
		json_decref(doc);
		return cli_print_json(NULL);
	}
	if (nf_journal_list_assessments(j, &as, &na, &err)) {
		json_decref(doc);
		return cli_fail(&err);
	}
	for (size_t k = 0; k < na; k++)
		json_array_append_new(aarr, cli_assessment_json(&as[k]));
	nf_assessment_list_free(as, na);
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
	rc = cli_journal_open(a, &j);
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
