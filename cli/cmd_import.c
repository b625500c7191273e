/* numbfoot import FILE|DIR...: read runs from watch files into the journal. */
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "numbfoot/import.h"
#include "paths.h"

#define IMPORT_FILES_MAX 1000000 /* files in one import */
#define IMPORT_DEPTH_MAX 16      /* folder nesting */

static const struct cli_option import_options[] = {
	CLI_JOURNAL_OPTIONS,
	{"shoes", "NICKNAME", "shoes for these runs (default: the default shoes; 'none')"},
	{"insoles", "NICKNAME", "insoles for these runs (default: the default insoles; 'none')"},
	{"no-route", NULL, "keep only each run's totals, not its GPS route"},
	{NULL, NULL, NULL},
};

struct file_list {
	char **v;
	size_t len, cap;
};

static bool list_add(struct file_list *l, const char *path)
{
	if (l->len >= IMPORT_FILES_MAX) {
		cli_errorf("import: more than %d files", IMPORT_FILES_MAX);
		return false;
	}
	if (l->len == l->cap) {
		size_t ncap = l->cap ? l->cap * 2 : 64;
		char **p = realloc(l->v, ncap * sizeof *p);
		if (!p) {
			cli_errorf("out of memory");
			return false;
		}
		l->v = p;
		l->cap = ncap;
	}
	if (!(l->v[l->len] = strdup(path))) {
		cli_errorf("out of memory");
		return false;
	}
	l->len++;
	return true;
}

static void list_free(struct file_list *l)
{
	for (size_t k = 0; k < l->len; k++)
		free(l->v[k]);
	free(l->v);
}

static bool is_activity(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && name[0] != '.' &&
	       (!strcasecmp(name + n - 4, ".fit") || !strcasecmp(name + n - 4, ".gpx") ||
		!strcasecmp(name + n - 4, ".tcx"));
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds the .fit/.gpx/.tcx files under dir, sorted, sub-folders included. */
static bool walk(struct file_list *l, const char *dir, int depth)
{
	struct file_list here = {0};
	DIR *d;
	struct dirent *e;
	bool ok = true;
	if (depth > IMPORT_DEPTH_MAX) {
		cli_errorf("import: %s: folders nested deeper than %d", dir, IMPORT_DEPTH_MAX);
		return false;
	}
	if (!(d = opendir(dir))) {
		cli_errorf("import: %s: %s", dir, strerror(errno));
		return false;
	}
	while (ok && (e = readdir(d))) {
		char p[4096];
		struct stat sb;
		if (e->d_name[0] == '.')
			continue;
		if ((size_t)snprintf(p, sizeof p, "%s/%s", dir, e->d_name) >= sizeof p)
			continue;
		if (stat(p, &sb) != 0)
			continue;
		if (S_ISDIR(sb.st_mode) || (S_ISREG(sb.st_mode) && is_activity(e->d_name)))
			ok = list_add(&here, p);
	}
	closedir(d);
	if (here.len)
		qsort(here.v, here.len, sizeof *here.v, cmp_str);
	for (size_t k = 0; ok && k < here.len; k++) {
		struct stat sb;
		if (stat(here.v[k], &sb) == 0 && S_ISDIR(sb.st_mode))
			ok = walk(l, here.v[k], depth + 1);
		else
			ok = list_add(l, here.v[k]);
	}
	list_free(&here);
	return ok;
}

static int worse(int a, int b)
{
	return a > b ? a : b;
}

static json_t *result(const char *file, const char *status, int64_t id, const char *msg)
{
	return json_pack("{s:s, s:s, s:o, s:o}", "file", file, "status", status, "run_id",
			 id ? json_integer(id) : json_null(), "message", msg ? json_string(msg) : json_null());
}

static int run_import(const struct cli_args *a)
{
	struct file_list files = {0};
	bool any_dir = false, json = cli_flag(a, "json");
	nf_journal *j = NULL;
	int rc = CLI_EXIT_OK;
	size_t imported = 0, dup = 0, skipped = 0, failed = 0;
	int64_t shoes, insoles;
	json_t *results = json ? json_array() : NULL;

	if (a->npos == 0) {
		cli_errorf("import: give FILE or DIR (see 'numbfoot import --help')");
		return CLI_EXIT_USAGE;
	}
	for (int k = 0; k < a->npos; k++) {
		struct stat sb;
		if (stat(a->pos[k], &sb) != 0) {
			cli_errorf("import: %s: %s", a->pos[k], strerror(errno));
			rc = CLI_EXIT_USAGE;
			goto out_free;
		}
		if (S_ISDIR(sb.st_mode)) {
			any_dir = true;
			if (!walk(&files, a->pos[k], 0)) {
				rc = CLI_EXIT_FAIL;
				goto out_free;
			}
		} else if (!list_add(&files, a->pos[k])) {
			rc = CLI_EXIT_FAIL;
			goto out_free;
		}
	}
	if ((rc = cli_journal_open(a, &j)))
		goto out_free;
	if ((rc = cli_gear_opt(j, a, "shoes", NF_GEAR_SHOES, true, &shoes)) ||
	    (rc = cli_gear_opt(j, a, "insoles", NF_GEAR_INSOLES, true, &insoles)))
		goto out_free;
	bool progress = any_dir || isatty(STDERR_FILENO), keep_route = !cli_flag(a, "no-route");
	for (size_t k = 0; k < files.len; k++) {
		const char *path = files.v[k];
		nf_error err = {0};
		nf_journal_run r;
		unsigned crossed = 0;
		if (progress)
			fprintf(stderr, "[%zu/%zu] %s\n", k + 1, files.len, cli_text(path));
		nf_journal_run_init(&r);
		nf_track_point *route = NULL;
		size_t nroute = 0;
		nf_err e = keep_route ? nf_import_file_route(path, &r.rec, &route, &nroute, &err)
				      : nf_import_file(path, &r.rec, &err);
		if (e == NF_ESKIP) {
			skipped++;
			cli_errorf("skipped: %s", err.msg);
			if (results)
				json_array_append_new(results, result(path, "not_a_run", 0, err.msg));
			continue;
		}
		if (e) {
			failed++;
			rc = worse(rc, cli_fail(&err));
			if (results)
				json_array_append_new(results, result(path, "error", 0, err.msg));
			continue;
		}
		if (isfinite(r.rec.cadence_spm))
			snprintf(r.cadence_unit, sizeof r.cadence_unit, "spm");
		r.shoes_id = shoes;
		r.insoles_id = insoles;
		e = nf_journal_add_run_track(j, &r, NULL, 0, route, nroute, &crossed, &err);
		free(route);
		if (e == NF_EEXIST) {
			/* The journal's message names the file as stored (its base name); say it as given. */
			int64_t existing = 0;
			nf_journal_find_source(j, r.rec.source_sha256, &existing, NULL);
			snprintf(err.msg, sizeof err.msg, "%s: already in the journal as run %lld", path, (long long)existing);
			dup++;
			cli_errorf("skipped: %s", err.msg);
			if (results)
				json_array_append_new(results, result(path, "duplicate", 0, err.msg));
			continue;
		}
		if (e) {
			/* The message names the file: the journal's own text speaks only of values. */
			nf_error named = {.code = e};
			snprintf(named.msg, sizeof named.msg, "%s: %s", path, err.msg);
			rc = worse(rc, cli_fail(&named));
			failed++;
			if (results)
				json_array_append_new(results, result(path, "error", 0, named.msg));
			/* A run the journal refuses (a value out of range) is that file's fault; any other
			 * failure is the journal's, and later files would fail the same way. */
			if (e != NF_EINVAL)
				break;
			continue;
		}
		imported++;
		if (results)
			json_array_append_new(results, result(path, "imported", r.id, NULL));
		if (crossed && !nf_journal_get_run(j, r.id, &r, NULL))
			cli_warn_crossed(j, &r, crossed);
	}
	if (results) {
		json_t *o = json_pack("{s:I, s:I, s:I, s:I, s:o}", "imported", (json_int_t)imported,
				      "already_imported", (json_int_t)dup, "not_runs", (json_int_t)skipped,
				      "failed", (json_int_t)failed, "files", results);
		results = NULL;
		int prc = cli_print_json(o);
		rc = worse(rc, prc);
	} else {
		printf("imported %zu run%s", imported, imported == 1 ? "" : "s");
		if (dup)
			printf(", %zu already in the journal", dup);
		if (skipped)
			printf(", %zu not a run", skipped);
		if (failed)
			printf(", %zu failed (nothing written from %s)", failed, failed == 1 ? "it" : "them");
		printf("\n");
	}
	/* Runs were stored, and some files refused: not "nothing changed" (2) but its own code. */
	if (rc == CLI_EXIT_USAGE && imported)
		rc = CLI_EXIT_PARTIAL;
out_free:
	json_decref(results);
	nf_journal_close(j);
	list_free(&files);
	return rc;
}

const struct cli_command cmd_import = {
	.name = "import",
	.args = "FILE|DIR...",
	.summary = "read runs from .fit, .gpx or .tcx files into the journal",
	.description =
		"Reads each FILE, and each .fit, .gpx and .tcx file under each DIR (sub-folders too), "
		"and stores one run per file with the default shoes and insoles. A file already imported "
		"(same SHA-256) is skipped and so is a file that is not a run (a ride, a settings file); "
		"both are named on standard error. A malformed file is reported with its line or byte "
		"offset and nothing from it is written; the others are still imported, and the exit "
		"status is 3 when some runs were stored (2 when none was). Files are named as given (a "
		"folder's with the folder before them) in every message. Progress ([12/340] "
		"watch/name.fit) goes to standard error for folders or when it is a terminal. The run's GPS route is kept too (at most 4000 points, in the journal on "
		"this machine), so that 'report --gps' can show where the numbness began; --no-route "
		"keeps the totals only.\n\n"
		"Example: numbfoot import ~/Downloads/activity_123.fit",
	.options = import_options,
	.run = run_import,
};
