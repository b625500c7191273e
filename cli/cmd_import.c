/* numbfoot import FILE|DIR...: read runs from watch files into the journal. */
#include <dirent.h>
#include <jansson.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "numbfoot/import.h"
#include "numbfoot/text.h"
#include "import_assessment.h"
#include "paths.h"

#define IMPORT_FILES_MAX 1000000 /* files in one import */
#define IMPORT_DEPTH_MAX 16      /* folder nesting */

static const struct cli_option import_options[] = {
	CLI_JOURNAL_OPTIONS,
	{"shoes", "NICKNAME", "shoes for all these runs (default: the pair in service on each run's date; 'none')"},
	{"insoles", "NICKNAME", "insoles for all these runs (default: those in service on each run's date; 'none')"},
	{"no-route", NULL, "keep only each run's totals, not its GPS route"},
	{"sport", "run", "keep activities whose sport is not running too (the file says or looks otherwise)"},
	{"merge", NULL, "take a file's run into the run typed by hand like it, keeping that run's episodes"},
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

static bool ends(const char *name, size_t n, const char *ext)
{
	size_t e = strlen(ext);
	return n > e && !strncasecmp(name + n - e, ext, e);
}

/* A watch file by its name: .fit, .gpx or .tcx, or any of them gzip-compressed (.fit.gz). */
static bool is_activity(const char *name)
{
	size_t n = strlen(name);
	if (name[0] == '.')
		return false;
	if (ends(name, n, ".gz"))
		n -= 3;
	return n > 4 && (ends(name, n, ".fit") || ends(name, n, ".gpx") || ends(name, n, ".tcx"));
}

/* True if path is a zip (by its first bytes), or a folder holding Strava's activities.csv. */
static bool is_export(const char *path)
{
	struct stat sb;
	char csv[4200];
	if (stat(path, &sb) != 0)
		return false;
	if (S_ISDIR(sb.st_mode)) {
		snprintf(csv, sizeof csv, "%s/activities.csv", path);
		return access(csv, R_OK) == 0;
	}
	FILE *f = fopen(path, "rb");
	unsigned char m[4] = {0};
	bool zip = f && fread(m, 1, 4, f) == 4 && m[0] == 'P' && m[1] == 'K' && m[2] == 3 && m[3] == 4;
	if (f)
		fclose(f);
	return zip;
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
		if (S_ISDIR(sb.st_mode) ||
		    (S_ISREG(sb.st_mode) && (is_activity(e->d_name) || ends(e->d_name, strlen(e->d_name), ".zip"))))
			ok = list_add(&here, p);
	}
	closedir(d);
	if (here.len)
		qsort(here.v, here.len, sizeof *here.v, cmp_str);
	for (size_t k = 0; ok && k < here.len; k++) {
		struct stat sb;
		if (stat(here.v[k], &sb) == 0 && S_ISDIR(sb.st_mode) && !is_export(here.v[k]))
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

/* What one import command does and counts, across its files. */
struct import_ctx {
	nf_journal *j;
	nf_intake *in;
	bool json, keep_route, keep_any_sport, shoes_given;
	size_t imported, dup, same, typed, merged, skipped, failed, no_shoes, saved;
	size_t saved_files, run_files; /* files read as saved assessments, and as runs or exports */
	int rc;
	json_t *results;
	/* Where the journal failed and the import stopped ("" if it did not), and how many activity
	 * files of that export were left unread (known from its size hint: a count, not names). */
	char stopped_at[NF_ERROR_MSG_MAX / 2];
	char export_name[NF_ERROR_MSG_MAX / 2];
	size_t export_left;
};

/* text as a JSON string: a file name (and so a message naming it) is bytes, not always UTF-8,
 * and jansson refuses what is not, which dropped the file's entry from --json; each stray byte
 * is written as U+FFFD instead, as the journal's writers do. */
static json_t *jtext(const char *text)
{
	char *fixed = nf_utf8_repair(text);
	json_t *v = fixed ? json_string(fixed) : NULL;
	free(fixed);
	return v;
}

static json_t *file_result(const char *file, const char *status, const char *msg)
{
	return json_pack("{s:o, s:s, s:n, s:o, s:[], s:[]}", "file", jtext(file), "status", status, "run_id",
			 "message", msg ? jtext(msg) : json_null(), "runs", "notes");
}

static void add_result(struct import_ctx *c, json_t *o)
{
	if (c->results)
		json_array_append_new(c->results, o);
	else
		json_decref(o);
}

/* The journal failed at c->stopped_at, and the files after it, from files[next] on, and any
 * left of the export being read, were never read: said on standard error with the first and
 * last of them, and in --json each one as "not_read". Returns how many. */
static size_t say_not_read(struct import_ctx *c, const struct file_list *files, size_t next)
{
	size_t left = next < files->len ? files->len - next : 0, total = left + c->export_left;
	char parts[NF_ERROR_MSG_MAX * 2] = "";
	size_t n = 0;
	for (size_t k = next; k < files->len; k++)
		add_result(c, file_result(files->v[k], "not_read", NULL));
	if (c->export_left)
		n += (size_t)snprintf(parts, sizeof parts, "%zu more of %s%s", c->export_left,
				      cli_text(c->export_name), left ? ", then " : "");
	if (left == 1)
		snprintf(parts + n, sizeof parts - n, "%s", cli_text(files->v[next]));
	else if (left)
		snprintf(parts + n, sizeof parts - n, "%s to %s", cli_text(files->v[next]),
			 cli_text(files->v[files->len - 1]));
	if (!total)
		cli_errorf("import stopped at %s, as the journal failed: the runs stored before it are whole; "
			   "run the same import again once the journal is right",
			   cli_text(c->stopped_at));
	else
		cli_errorf("import stopped at %s, as the journal failed: %zu file%s not read (%s); the runs "
			   "stored before it are whole; run the same import again once the journal is right "
			   "(the files already imported are skipped)",
			   cli_text(c->stopped_at), total, total == 1 ? "" : "s", parts);
	return total;
}

/* Reports a file that gave no run at all. */
static void file_failed(struct import_ctx *c, const char *path, nf_err e, const nf_error *err)
{
	if (e == NF_ESKIP) {
		c->skipped++;
		cli_errorf("skipped: %s", err->msg);
		add_result(c, file_result(path, "not_a_run", err->msg));
		return;
	}
	c->failed++;
	c->rc = worse(c->rc, cli_fail(err));
	add_result(c, file_result(path, "error", err->msg));
}

/* Stores the runs of one input read into im; gear (may be NULL) names the shoes an export gives
 * them. The file's entry in --json lists each run. */
static void store_runs(struct import_ctx *c, const char *path, nf_import *im, const char *gear, bool *stop)
{
	json_t *o = file_result(path, "imported", NULL);
	json_t *runs = json_object_get(o, "runs"), *notes = json_object_get(o, "notes");
	size_t stored = 0, dups = 0;

	for (size_t i = 0; i < nf_import_note_count(im); i++) {
		const char *note = nf_import_note(im, i);
		fprintf(stderr, "numbfoot: warning: %s\n", cli_text(note));
		json_array_append_new(notes, jtext(note));
	}
	for (size_t i = 0; i < nf_import_count(im) && !*stop; i++) {
		const nf_run_record *rec = nf_import_get(im, i);
		size_t nroute = 0;
		const nf_track_point *route = nf_import_route(im, i, &nroute);
		nf_intake_run res;
		nf_error err = {0};
		char msg[NF_ERROR_MSG_MAX];
		nf_err e = nf_intake_store(c->in, rec, route, nroute, gear, &res, &err);
		if (e) {
			/* The journal failed: later files would fail the same way. */
			nf_error named = {.code = e};
			snprintf(named.msg, sizeof named.msg, "%s: %s", path, err.msg);
			c->rc = worse(c->rc, cli_fail(&named));
			c->failed++;
			json_object_set_new(o, "status", json_string("error"));
			json_object_set_new(o, "message", jtext(named.msg));
			snprintf(c->stopped_at, sizeof c->stopped_at, "%s", path);
			*stop = true;
			break;
		}
		/* The file as given, with the leg's "#2" for a file's later runs: source_file is the
		 * name stored, without the folder, which no message before this one used. */
		char shown[NF_ERROR_MSG_MAX / 2];
		const char *leg = strrchr(rec->source_file, '#');
		snprintf(shown, sizeof shown, "%s%s", path, leg ? leg : "");
		if (res.made_shoes && gear)
			fprintf(stderr, "numbfoot: added shoes '%s' (the export's gear column)\n", cli_text(gear));
		if (res.gear_note.code) {
			snprintf(msg, sizeof msg, "%s: %s", shown, res.gear_note.msg);
			fprintf(stderr, "numbfoot: warning: %s\n", cli_text(msg));
			json_array_append_new(notes, jtext(msg));
		}
		if (res.status == NF_INTAKE_REFUSED) {
			/* A value out of range is that file's fault; the others go on. */
			nf_error named = {.code = res.refused.code};
			nf_intake_words(&res, path, named.msg, sizeof named.msg);
			c->rc = worse(c->rc, cli_fail(&named));
			c->failed++;
			json_object_set_new(o, "status", json_string("error"));
			json_object_set_new(o, "message", jtext(named.msg));
			continue;
		}
		if (res.status == NF_INTAKE_MERGED) {
			nf_intake_words(&res, shown, msg, sizeof msg);
			fprintf(stderr, "numbfoot: %s\n", cli_text(msg));
			c->merged++;
			if (!stored++)
				json_object_set_new(o, "run_id", json_integer(res.run_id));
			json_array_append_new(runs, json_pack("{s:I, s:o, s:s}", "run_id", (json_int_t)res.run_id,
							      "source_file", jtext(rec->source_file), "status", "merged"));
			continue;
		}
		if (res.status != NF_INTAKE_STORED) {
			/* Named as given, as every message before: the same file, or the file the same
			 * activity came from. */
			bool same = res.status == NF_INTAKE_SAME_RUN, typed = res.status == NF_INTAKE_TYPED_RUN;
			nf_intake_words(&res, same || typed ? shown : path, msg, sizeof msg);
			if (typed) {
				/* The typed run by its local time and distance, as 'run list' shows it. */
				nf_journal_run t;
				char when[32], dist[32];
				if (!nf_journal_get_run(c->j, res.run_id, &t, NULL)) {
					cli_format_local(t.rec.start_time, when, sizeof when);
					cli_format_km(t.rec.distance_m, dist, sizeof dist);
					snprintf(msg, sizeof msg,
						 "%s: looks like run %lld (%s, %s), typed by hand: that run is kept as it "
						 "is, with its episodes; import again with --merge to take the file's "
						 "distance, times, heart rate, cadence and route into it",
						 shown, (long long)res.run_id, when, dist);
				}
				c->typed++;
			} else if (same) {
				c->same++;
			} else {
				c->dup++;
			}
			dups++;
			cli_errorf("skipped: %s", msg);
			json_t *entry = json_pack("{s:o, s:s, s:o}", "source_file", jtext(rec->source_file), "status",
						  "duplicate", "message", jtext(msg));
			if (same || typed)
				json_object_set_new(entry, "duplicate_of", json_integer(res.run_id));
			json_array_append_new(runs, entry);
			continue;
		}
		c->imported++;
		if (!res.shoes_id)
			c->no_shoes++;
		if (!stored++)
			json_object_set_new(o, "run_id", json_integer(res.run_id));
		json_array_append_new(runs, json_pack("{s:I, s:o, s:s}", "run_id", (json_int_t)res.run_id,
						      "source_file", jtext(rec->source_file), "status", "imported"));
		nf_journal_run r;
		if (res.crossed && !nf_journal_get_run(c->j, res.run_id, &r, NULL))
			cli_warn_crossed(c->j, &r, res.crossed);
	}
	if (!stored && dups && !json_is_string(json_object_get(o, "message"))) {
		json_object_set_new(o, "status", json_string("duplicate"));
		json_object_set_new(o, "message", json_deep_copy(json_object_get(
							  json_array_get(runs, 0), "message")));
	}
	add_result(c, o);
}

/* The runs that got no shoes, and how to give them some. */
static void say_no_shoes(nf_journal *j, size_t n)
{
	nf_gear *g = NULL;
	size_t ng = 0;
	printf("%zu run%s dated when no pair of shoes was in service: no shoes; give them with 'run edit "
	       "--from DATE --to DATE --shoes NICKNAME' or 'gear edit NICKNAME --first-use DATE'\n",
	       n, n == 1 ? "" : "s");
	if (nf_journal_list_gear(j, false, &g, &ng, NULL))
		return;
	for (size_t i = 0; i < ng; i++)
		if (g[i].kind == NF_GEAR_SHOES && !g[i].first_use[0] && !g[i].runs)
			printf("  '%s' has no first-use date and no run yet: in service on no known date\n",
			       cli_text(g[i].nickname));
	nf_gear_list_free(g);
}

/* The readers' options the command's own give, the same for a file and an export's entries. */
static void reader_opts(const struct import_ctx *c, nf_import_opts *o)
{
	nf_import_opts_init(o);
	o->route = c->keep_route;
	o->keep_any_sport = c->keep_any_sport;
	o->now = (int64_t)time(NULL); /* a start after it, with a day's grace, is refused */
}

/* A saved assessment exported by the site (cli/import_assessment.c), counted among the saved, the
 * already imported or the failed. False when path is not one: the run readers take it. */
static bool import_saved(struct import_ctx *c, const char *path)
{
	nf_error err = {0};
	int64_t id = 0;
	char msg[64];
	nf_err e = cli_import_assessment(c->j, path, &id, &err);
	if (e == NF_ESKIP)
		return false;
	c->saved_files++;
	snprintf(msg, sizeof msg, "saved assessment %lld", (long long)id);
	if (!e) {
		c->saved++;
	} else if (e == NF_EEXIST) {
		c->dup++;
		cli_errorf("skipped: %s", err.msg);
	} else {
		c->failed++;
		c->rc = worse(c->rc, cli_fail(&err));
	}
	add_result(c, file_result(path, e == NF_EEXIST ? "duplicate" : e ? "error" : "assessment", e ? err.msg : msg));
	return true;
}

static void import_path(struct import_ctx *c, const char *path, bool *stop)
{
	nf_error err = {0};
	nf_import *im = NULL;
	nf_import_opts o;
	struct stat sb;

	if (stat(path, &sb) != 0) {
		/* A name that is not there is the caller's mistake: a usage error. */
		snprintf(err.msg, sizeof err.msg, "%s: %s", path, strerror(errno));
		cli_errorf("%s", err.msg);
		c->failed++;
		c->rc = worse(c->rc, CLI_EXIT_USAGE);
		add_result(c, file_result(path, "error", err.msg));
		return;
	}
	if (import_saved(c, path))
		return;
	c->run_files++;
	reader_opts(c, &o);
	nf_err e = nf_import_read(path, &o, &im, &err);
	if (e) {
		file_failed(c, path, e, &err);
		return;
	}
	store_runs(c, path, im, NULL, stop);
	nf_import_free(im);
}

/* A bulk export: every activity file in it, with the sport and the shoes its activities.csv
 * gives. A file in it that fails is named and the others go on; an archive that fails stops
 * there. */
static void import_export(struct import_ctx *c, const char *path, bool progress, bool *stop)
{
	nf_error err = {0}, entry_err = {0};
	nf_export *x = NULL;
	nf_import_opts o;
	nf_export_item item;
	nf_import *im = NULL;
	size_t k = 0;

	nf_err e = nf_export_open(path, &x, &err);
	if (e) {
		file_failed(c, path, e, &err);
		return;
	}
	reader_opts(c, &o);
	size_t hint = nf_export_size_hint(x);
	while (!*stop && (e = nf_export_next(x, &o, &item, &im, &entry_err, &err)) == NF_OK) {
		k++;
		if (progress) {
			if (k <= hint)
				fprintf(stderr, "[%zu/%zu] %s\n", k, hint, cli_text(item.name));
			else
				fprintf(stderr, "[%zu] %s\n", k, cli_text(item.name));
		}
		if (!im) {
			file_failed(c, item.name, entry_err.code, &entry_err);
			continue;
		}
		store_runs(c, item.name, im, item.gear, stop);
		nf_import_free(im);
	}
	if (*stop && hint > k) {
		/* Their names are known only by reading on: the count is said, and the export. */
		c->export_left = hint - k;
		snprintf(c->export_name, sizeof c->export_name, "%s", path);
		add_result(c, json_pack("{s:o, s:s, s:n, s:o, s:[], s:[]}", "file", jtext(path), "status",
					"not_read", "run_id", "message",
					json_sprintf("%zu more file%s of it not read", c->export_left,
						     c->export_left == 1 ? "" : "s"),
					"runs", "notes"));
	}
	if (e != NF_OK && e != NF_ENOTFOUND)
		file_failed(c, path, e, &err);
	nf_export_close(x);
}

static int run_import(const struct cli_args *a)
{
	struct file_list files = {0};
	bool any_dir = false;
	struct import_ctx c = {.json = cli_flag(a, "json"), .rc = CLI_EXIT_OK};
	int rc = CLI_EXIT_OK;
	const char *sport = cli_opt(a, "sport");

	if (a->npos == 0) {
		cli_errorf("import: give FILE or DIR (see 'numbfoot import --help')");
		return CLI_EXIT_USAGE;
	}
	if (sport && strcmp(sport, "run") != 0) {
		cli_errorf("import: --sport takes 'run' only (keep every activity as a run)");
		return CLI_EXIT_USAGE;
	}
	c.keep_any_sport = sport != NULL;
	c.keep_route = !cli_flag(a, "no-route");
	for (int k = 0; k < a->npos; k++) {
		struct stat sb;
		if (is_export(a->pos[k])) {
			/* An export is one entry here; its files are read in their turn. */
			any_dir = true;
			if (!list_add(&files, a->pos[k])) {
				rc = CLI_EXIT_FAIL;
				goto out_free;
			}
		} else if (stat(a->pos[k], &sb) == 0 && S_ISDIR(sb.st_mode)) {
			any_dir = true;
			if (!walk(&files, a->pos[k], 0)) {
				rc = CLI_EXIT_FAIL;
				goto out_free;
			}
		} else if (!list_add(&files, a->pos[k])) {
			/* A name that is not there is listed too, and reported in its turn. */
			rc = CLI_EXIT_FAIL;
			goto out_free;
		}
	}
	if ((rc = cli_journal_open(a, &c.j)))
		goto out_free;
	/* Given, the pair (or none) goes with every run; not given, each run's date decides. */
	nf_intake_opts io;
	nf_error ierr = {0};
	nf_intake_opts_init(&io);
	io.keep_route = c.keep_route;
	io.merge = cli_flag(a, "merge");
	if ((cli_opt(a, "shoes") && (rc = cli_gear_opt(c.j, a, "shoes", NF_GEAR_SHOES, false, &io.shoes))) ||
	    (cli_opt(a, "insoles") &&
	     (rc = cli_gear_opt(c.j, a, "insoles", NF_GEAR_INSOLES, false, &io.insoles))))
		goto out_free;
	c.shoes_given = io.shoes >= 0;
	if (nf_intake_open(c.j, &io, &c.in, &ierr)) {
		rc = cli_fail(&ierr);
		goto out_free;
	}
	c.results = c.json ? json_array() : NULL;
	bool progress = any_dir || isatty(STDERR_FILENO), stop = false;
	size_t k = 0, not_read = 0;
	for (; k < files.len && !stop; k++) {
		if (progress)
			fprintf(stderr, "[%zu/%zu] %s\n", k + 1, files.len, cli_text(files.v[k]));
		if (is_export(files.v[k])) {
			c.run_files++;
			import_export(&c, files.v[k], progress, &stop);
		} else
			import_path(&c, files.v[k], &stop);
	}
	if (stop)
		not_read = say_not_read(&c, &files, k);
	if (nf_intake_close(c.in, &ierr))
		c.rc = worse(c.rc, cli_fail(&ierr));
	c.in = NULL;
	rc = c.rc;
	/* Runs were stored, and some files refused: not "nothing changed" (2) but its own code. */
	if (rc == CLI_EXIT_USAGE && c.imported)
		rc = CLI_EXIT_PARTIAL;
	/* The journal failed: the import did not finish, whatever the files before gave. */
	if (stop)
		rc = CLI_EXIT_FAIL;
	if (c.results) {
		json_t *o = json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:o}", "imported",
				      (json_int_t)c.imported, "already_imported", (json_int_t)c.dup,
				      "same_run", (json_int_t)c.same, "like_typed_run", (json_int_t)c.typed,
				      "merged", (json_int_t)c.merged,
				      "not_runs", (json_int_t)c.skipped,
				      "failed", (json_int_t)c.failed, "no_shoes", (json_int_t)c.no_shoes,
				      "assessments", (json_int_t)c.saved, "files", c.results);
		c.results = NULL;
		if (o) {
			json_object_set_new(o, "not_read", json_integer((json_int_t)not_read));
			json_object_set_new(o, "stopped_at", stop ? jtext(c.stopped_at) : json_null());
		}
		int prc = cli_print_json(o);
		rc = worse(rc, prc);
	} else {
		/* Files that were all saved assessments are summed up as such, not as "0 runs". */
		bool only_saved = c.saved_files && !c.run_files;
		if (!only_saved)
			printf("imported %zu run%s%s", c.imported, c.imported == 1 ? "" : "s", c.saved ? " and " : "");
		if (only_saved || c.saved)
			printf("%s%zu saved assessment%s", only_saved ? "imported " : "", c.saved, c.saved == 1 ? "" : "s");
		if (c.dup)
			printf(", %zu already in the journal", c.dup);
		if (c.same)
			printf(", %zu the same as a run from another file", c.same);
		if (c.merged)
			printf(", %zu taken into a run typed by hand", c.merged);
		if (c.typed)
			printf(", %zu like a run typed by hand (--merge takes %s in)", c.typed,
			       c.typed == 1 ? "it" : "them");
		if (c.skipped)
			printf(", %zu not a run", c.skipped);
		if (c.failed)
			printf(", %zu failed (nothing written from %s)", c.failed, c.failed == 1 ? "it" : "them");
		if (stop)
			printf(", %zu not read (stopped: the journal failed)", not_read);
		printf("\n");
		if (c.no_shoes && !c.shoes_given)
			say_no_shoes(c.j, c.no_shoes);
	}
out_free:
	json_decref(c.results);
	nf_journal_close(c.j);
	list_free(&files);
	return rc;
}

const struct cli_command cmd_import = {
	.name = "import",
	.args = "FILE|DIR...",
	.summary = "read runs from .fit, .gpx or .tcx files (plain or .gz) or bulk exports into the journal",
	.description =
		"Reads each FILE, and each .fit, .gpx and .tcx file under each DIR (sub-folders too), "
		"plain or gzip-compressed (.fit.gz; a gzip file is known by its first bytes, whatever its "
		"name), and stores every run in it: each running session of a multisport or "
		"multi-session FIT and each run Activity of a TCX is a run of its own, and the other legs "
		"are named on standard error. A file already imported (same SHA-256 of its content) is "
		"skipped, and so is a run like one typed by hand (a start within 5 minutes, a distance "
		"within 10%: that run is kept with its episodes, and named). With --merge such a run "
		"is taken into the typed run instead, in one transaction: the run keeps its number, "
		"shoes, notes and episodes of numbness, and gets the file's start, distance, times, "
		"cadence, heart rate, temperature, route and source (a measure the file lacks keeps the "
		"typed value); an episode past the file's distance or time refuses it. An activity that is not a run is skipped too, with the reason: the sport the "
		"file names (a ride, a swim, a ski tour, a walk), a GPX track without a time on any "
		"point (a route drawn or planned), or, when it names none, its data: "
		"faster than 6.5 m/s over the moving time (the elapsed time when it has none), a cadence "
		"below 120 steps per minute, or a FIT sub-sport outside running. --sport run keeps such "
		"activities as runs. A recording of no distance (0 m: a watch started and stopped in one "
		"place) is no recorded run, skipped and counted as not a run whatever the sport; one with "
		"neither a distance nor any time (a single point) is refused. A value no run can "
		"have (over 1000 km, faster than 12 m/s sustained, a distance with every point at one "
		"time, a start more than a day after now, a time zone past +14:00, a last time before "
		"the first, more than 5 points in a row timed before an earlier one, TCX laps that "
		"overlap or go back) "
		"refuses the run, named at its line or byte; a moving time longer "
		"than the elapsed time is repaired, and GPS jumps and a point or a few timed before an "
		"earlier one (a clock's glitch) are left out of the distance and the route, each with "
		"a warning naming the file. A file is read liberally where that is safe (white space "
		"before the XML declaration, the gpxdata: and gpxtpx: prefixes undeclared, a time "
		"without a zone, taken as UTC, a FIT file "
		"cut short, whose complete records are kept), with a warning. A malformed file is "
		"reported with its line or byte offset and nothing from it is written; the others are "
		"still imported, and the exit status is 3 when some runs were stored (2 when none was). "
		"A failure of the journal itself (a full disk) stops the import at that file: the "
		"files not read are counted and named (the first and the last), the runs stored before "
		"are whole, and the exit status is 1. "
		"Files are named as given (a folder's with the folder before them) in every message. "
		"There is no limit on the number of FILEs. "
		"Progress ([12/340] watch/name.fit) goes to standard error for folders or when it is a "
		"terminal. The run's GPS route is kept too (at most 4000 points, in the journal on this "
		"machine), so that 'report --gps' can show where the numbness began; --no-route keeps "
		"the totals only.\n\n"
		"A zip (Strava's export_NNNN.zip, a Garmin Connect account export) or a folder holding "
		"Strava's activities.csv is a bulk export: each activity file in it is read, gzip "
		"inside included, and activities.csv gives its sport when the file says none and its "
		"shoes from the Activity Gear column (a pair of that name is added when the journal has "
		"none, first used at its earliest run). An entry that expands more than 200 times its "
		"size (a zip bomb) is refused with nothing read from it, and so is a line of a "
		"folder's activities.csv naming a file outside the folder (../run.gpx, an absolute "
		"name). A line of activities.csv naming a file the export lacks is reported with the "
		"line and counted as failed, for a zip as for a folder.\n\n"
		"A .json file exported from the numbfoot site's saved results (kind \"numbfoot.assessment\") "
		"is read as a saved assessment: its answers are assessed again here and kept in the journal "
		"with the file's time ('numbfoot assessment list' shows it). A time after now or before 1970 "
		"is refused; the file's \"complete\" is kept only if an interview with its answers would ask "
		"nothing more (else it is kept as not finished, and cannot head the report).\n\n"
		"Example: numbfoot import ~/Downloads/activity_123.fit",
	.options = import_options,
	.run = run_import,
};
