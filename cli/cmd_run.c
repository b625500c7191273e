/* numbfoot run add|list|show|edit|delete: runs typed by hand (imports come from cmd_import.c). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "numbfoot/date.h"
#include "numbfoot/text.h"
#include "paths.h"


/* "170", "170spm" or "85rpm" (strides per minute, as some watches count) into steps/min. */
static bool parse_cadence(const char *v, nf_journal_run *r)
{
	const char *end;
	double c;
	double factor = 1;
	const char *unit = "spm";
	nf_error err = {0};
	if (nf_decimal_read(v, &c, &end, &err)) {
		if (end != v)
			cli_errorf("--cadence: %s", err.msg);
		else
			cli_errorf("--cadence: '%s' is not a number", v);
		return false;
	}
	/* A unit is letters: "0xb4" read as 0 and the unit "xb4", an odd word for a number that is
	 * not one. */
	bool letters = true;
	const char *after = end;
	while (*end == ' ')
		end++;
	/* Spaces go before a unit ("170 spm"); with none after them ("170 ") the number is malformed,
	 * as distances say. */
	if (end != after && !*end)
		letters = false;
	for (const char *p = end; *p; p++)
		letters = letters && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'));
	if (!letters) {
		cli_errorf("--cadence: '%s' is not a number (for example 170, 170spm or 85rpm)", v);
		return false;
	}
	if (!strcasecmp(end, "rpm")) {
		factor = 2;
		unit = "rpm";
	} else if (*end && strcasecmp(end, "spm")) {
		cli_errorf("--cadence: unknown unit '%s' (spm or rpm)", end);
		return false;
	}
	c *= factor;
	/* The journal's range (numbfoot/run.h), named here with the option. */
	if (c < NF_RUN_CADENCE_MIN || c > NF_RUN_CADENCE_MAX) {
		/* A number in the strides range with no unit is most likely a watch's strides per
		 * minute: say how to write it, rather than list an rpm range it seems to be in. */
		if (factor == 1 && c * 2 >= NF_RUN_CADENCE_MIN && c * 2 <= NF_RUN_CADENCE_MAX)
			cli_errorf("--cadence: %s steps per minute is not a run's (%.0f to %.0f); if %s is "
				   "strides per minute, write %grpm",
				   v, NF_RUN_CADENCE_MIN, NF_RUN_CADENCE_MAX, v, c);
		else
			cli_errorf("--cadence: %s is %.0f steps per minute, not a run's (%.0f to %.0f spm)", v,
				   c, NF_RUN_CADENCE_MIN, NF_RUN_CADENCE_MAX);
		return false;
	}
	r->rec.cadence_spm = c;
	snprintf(r->cadence_unit, sizeof r->cadence_unit, "%s", unit);
	return true;
}

/* A run is recorded after it is run (nf_journal_day_after). */
static bool start_not_future(const char *date, int64_t start)
{
	char day[NF_JOURNAL_DATE_MAX], today[NF_JOURNAL_DATE_MAX];
	nf_journal_local_day(start, day);
	if (!nf_journal_day_after(day, time(NULL), today))
		return true;
	cli_errorf("--date: %s is in the future (today is %s): record a run once it is run", date ? date : day, today);
	return false;
}

/* A running time of zero is no run: refused with what to give instead (a distance of zero is
 * refused by nf_distance_parse). */
static bool nonzero(double v, const char *what, const char *typed)
{
	if (v != 0)
		return true;
	cli_errorf("%s: '%s' is zero; give how long the run was (or leave it out if not known)", what, typed);
	return false;
}

/* Fills r from the run options present; false with a message on bad input. When editing, the
 * start is rebuilt only if --date or --time is given, --time alone keeping the run's date. */
/* *t (a day from cli_parse_start) at the local time of day of was. */
static bool keep_time_of_day(int64_t was, int64_t *t)
{
	time_t w = (time_t)was, d = (time_t)*t;
	struct tm a, b;
	if (!localtime_r(&w, &a) || !localtime_r(&d, &b))
		return true;
	b.tm_hour = a.tm_hour;
	b.tm_min = a.tm_min;
	b.tm_sec = a.tm_sec;
	b.tm_isdst = -1;
	time_t v = mktime(&b);
	if (v == (time_t)-1) {
		cli_errorf("--date: the date and time cannot be represented");
		return false;
	}
	*t = (int64_t)v;
	return true;
}

static bool run_from_args(const struct cli_args *a, nf_journal_run *r, bool editing)
{
	const char *date = cli_opt(a, "date"), *tod = cli_opt(a, "time"), *v;
	bool miles = cli_miles(a);
	char keep[NF_JOURNAL_DATE_MAX];
	if (!editing || date || tod) {
		if (editing && !date && r->rec.start_time >= 0) {
			nf_journal_local_day(r->rec.start_time, keep);
			date = keep;
		}
		int64_t was = r->rec.start_time;
		if (!cli_parse_start(date, tod, &r->rec.start_time))
			return false;
		/* --date alone moves the run to another day and keeps its time of day, to the second (a
		 * file's 14:34:09), as --time alone keeps the day: run add's 12:00 is for a new run. */
		if (editing && date && !tod && was >= 0 && !keep_time_of_day(was, &r->rec.start_time))
			return false;
		if (!start_not_future(date, r->rec.start_time))
			return false;
		/* The journal keeps times from 1970 (and refuses earlier ones without an option to name). */
		if (r->rec.start_time < 0) {
			cli_errorf("--date: %s is out of range (1970-01-01 to today)", date ? date : "the start");
			return false;
		}
	}
	double km;
	if ((v = cli_opt(a, "distance"))) {
		if (!cli_parse_distance(v, miles, NF_DISTANCE_RUN, "--distance", &km))
			return false;
		r->rec.distance_m = km * 1000;
	}
	if ((v = cli_opt(a, "duration"))) {
		if (!cli_parse_duration(v, "--duration", &r->rec.moving_s) || !nonzero(r->rec.moving_s, "--duration", v))
			return false;
		r->rec.elapsed_s = r->rec.moving_s;
	}
	if ((v = cli_opt(a, "cadence")) && !parse_cadence(v, r))
		return false;
	/* Read unbounded, then held to the one range said both ways (40 to 250): a bound of 0 in the
	 * reader said "0 to 250" of a value the next check refused below 40. */
	if ((v = cli_opt(a, "hr")) && !cli_parse_number(v, "--hr", -INFINITY, INFINITY, &r->rec.heart_rate_bpm))
		return false;
	if (v && r->rec.heart_rate_bpm > NF_RUN_HR_MAX) {
		cli_errorf("--hr: %s is out of range (%.0f to %.0f)", v, NF_TYPED_HR_MIN, NF_RUN_HR_MAX);
		return false;
	}
	/* The journal refuses it too for a typed run (numbfoot/run.h); here it is named by its option,
	 * and held for an imported run's edit as well. */
	if (v && r->rec.heart_rate_bpm < NF_TYPED_HR_MIN) {
		cli_errorf("--hr: %s bpm is not a runner's average (%.0f to %.0f: the slowest resting hearts "
			   "beat about 30 to 40 a minute, and running lifts the rate well above rest)",
			   v, NF_TYPED_HR_MIN, NF_RUN_HR_MAX);
		return false;
	}
	if ((v = cli_opt(a, "temp")) && !cli_parse_number(v, "--temp", -60, 60, &r->rec.temperature_c))
		return false;
	return cli_text_opt(a, "surface", r->surface, sizeof r->surface) &&
	       cli_text_opt(a, "notes", r->notes, sizeof r->notes);
}

static void print_run(const nf_journal_run *r, size_t episodes)
{
	char when[32], dist[32], dur[32], pace[32] = "-";
	cli_format_local(r->rec.start_time, when, sizeof when);
	cli_format_km(r->rec.distance_m, dist, sizeof dist);
	nf_duration_text(r->rec.moving_s, dur, sizeof dur);
	if (isfinite(r->rec.moving_s) && r->rec.distance_m > 0) {
		nf_duration_text(r->rec.moving_s / (r->rec.distance_m / 1000), pace, sizeof pace);
		snprintf(pace + strlen(pace), sizeof pace - strlen(pace), "/km");
	}
	printf("%5lld  %-16s  %10s  %8s  %9s  %-16s %s%zu episode%s\n", (long long)r->id, when, dist,
	       dur, pace, r->shoes[0] ? cli_text(r->shoes) : "-", "", episodes, episodes == 1 ? "" : "s");
}

/* ---- run add ---- */

#define RUN_OPTIONS \
	{"date", "DATE", "day of the run, YYYY-MM-DD (default today)"}, \
	{"time", "HH:MM", "local start time (default now, or 12:00 with --date)"}, \
	{"duration", "TIME", "running time, MM:SS, H:MM:SS or minutes, under 100 hours"}, \
	{"miles", NULL, "distances without a unit are miles (also the default with units = mi in the config)"}, \
	{"shoes", "NICKNAME", "shoes worn (default: the default shoes; 'none' for none)"}, \
	{"insoles", "NICKNAME", "insoles worn (default: the default insoles; 'none')"}, \
	{"surface", "TEXT", "road, trail, track, treadmill..."}, \
	{"cadence", "SPM", "average steps per minute, 120 to 250 (or strides: 85rpm)"}, \
	{"hr", "BPM", "average heart rate, 40 to 250"}, \
	{"temp", "CELSIUS", "air temperature"}, \
	{"notes", "TEXT", "anything else"}

static const struct cli_option add_options[] = {
	CLI_JOURNAL_OPTIONS,
	RUN_OPTIONS,
	{"numb-at", "KM", "feet went numb at this distance (or minutes: 25min)"},
	{"where", "LIST", "where it was numb, comma-separated (see 'episode add --help')"},
	{"foot", "FOOT", "which foot: left, right or both"},
	{"side", "SIDE", "one or both feet, when which foot is not known"},
	{"severity", "N", "how bad, 0 to 10"},
	{"recover", "MIN", "minutes until feeling came back (0 to 43200, 30 days)"},
	{"not-back", NULL, "feeling has not come back yet (a warning sign on a run of the last 2 days)"},
	{"cramp", NULL, "a calf cramp came first"},
	{"no-cramp", NULL, "no calf cramp came first"},
	{"loosening-helped", NULL, "loosening the laces brought feeling back"},
	{"no-loosening-helped", NULL, "loosening the laces did not help"},
	{"force", NULL, "store the run even if one like it is in the journal"},
	{NULL, NULL, NULL},
};

/* A run typed twice, or typed after its file was imported, would count twice in every weekly
 * distance and halve the rate of numbness: one that starts within 5 minutes of a stored run
 * with a distance within 10%, or that overlaps another in time (no one runs two at once), is
 * refused, naming that run, unless --force. r->id is left out (run edit). CLI_EXIT_OK when there
 * is none. */
static int refuse_clash(nf_journal *j, const nf_journal_run *r, const char *cmd)
{
	nf_error err = {0};
	nf_journal_run like;
	int64_t id;
	bool overlap;
	char when[32], dist[32], dur[32] = "";
	if (nf_journal_find_clash(j, &r->rec, r->id, &id, &overlap, &err) ||
	    (id && nf_journal_get_run(j, id, &like, &err)))
		return cli_fail(&err);
	if (!id)
		return CLI_EXIT_OK;
	cli_format_local(like.rec.start_time, when, sizeof when);
	cli_format_km(like.rec.distance_m, dist, sizeof dist);
	double secs = isfinite(like.rec.elapsed_s) ? like.rec.elapsed_s : like.rec.moving_s;
	if (overlap && isfinite(secs)) {
		char d[24];
		nf_duration_text(secs, d, sizeof d);
		snprintf(dur, sizeof dur, ", %s", d);
	}
	const char *what = r->id ? "change it" : "store it";
	if (overlap)
		cli_errorf("%s: this run would overlap run %lld in time (%s, %s%s), and no one runs two at "
			   "once: check the date, the time and the duration, or add --force to %s anyway",
			   cmd, (long long)id, when, dist, dur, what);
	else
		cli_errorf("%s: looks like run %lld (%s, %s): add --force to %s anyway", cmd, (long long)id,
			   when, dist, what);
	return CLI_EXIT_USAGE;
}

/* A run stored without shoes because no pair is the default (the default retired, say): one
 * note on standard error with how to give it some, since the shoe findings leave it out. Said
 * only when the journal has shoes at all: a runner who keeps none is not told on every run. */
static void say_no_shoes(nf_journal *j, int64_t id)
{
	nf_gear *g = NULL;
	size_t ng = 0;
	const char *in_use = NULL;
	bool any = false;
	if (nf_journal_list_gear(j, true, &g, &ng, NULL))
		return;
	for (size_t i = 0; i < ng; i++) {
		if (g[i].kind != NF_GEAR_SHOES)
			continue;
		any = true;
		if (!g[i].retired[0] && !in_use)
			in_use = g[i].nickname;
	}
	if (in_use)
		fprintf(stderr,
			"numbfoot: note: run %lld has no shoes, as no pair is the default: give it some with "
			"'numbfoot run edit %lld --shoes %s', and choose the default with 'numbfoot gear default "
			"%s'\n",
			(long long)id, (long long)id, cli_shell_word(in_use), cli_shell_word(in_use));
	else if (any)
		fprintf(stderr,
			"numbfoot: note: run %lld has no shoes, as every pair is retired: add the pair you run in "
			"with 'numbfoot gear add NICKNAME' (it becomes the default), then 'numbfoot run edit %lld "
			"--shoes NICKNAME'\n",
			(long long)id, (long long)id);
	nf_gear_list_free(g);
}

/* The default pair given to a run on a day it was not in service (an old run typed after a pair
 * first used later): the run gets the pair in service that day instead, as an import gives it,
 * or none, and a note says so. *id is the default's id on entry (0: none). */
static int default_in_service(nf_journal *j, const nf_journal_run *r, nf_gear_kind kind, int64_t *id,
			      bool *moved)
{
	nf_error why = {0}, err = {0};
	nf_gear g;
	if (!*id || !nf_journal_gear_in_service(j, *id, r->rec.start_time, &why))
		return CLI_EXIT_OK;
	if (why.code != NF_EINVAL)
		return cli_fail(&why);
	if (nf_journal_gear_on(j, kind, r->rec.start_time, id, &err) ||
	    (*id && nf_journal_get_gear(j, *id, &g, &err)))
		return cli_fail(&err);
	*moved = true;
	if (*id)
		fprintf(stderr, "numbfoot: note: %s; the run is stored in '%s', the %s in service that day\n",
			cli_text(why.msg), cli_text(g.nickname), nf_gear_kind_name(kind));
	else
		fprintf(stderr, "numbfoot: note: %s; the run is stored without %s\n", cli_text(why.msg),
			nf_gear_kind_name(kind));
	return CLI_EXIT_OK;
}

static int run_run_add(const struct cli_args *a)
{
	nf_journal_run r;
	nf_episode e;
	nf_error err = {0};
	nf_journal *j;
	bool has_episode;
	unsigned crossed = 0;
	if (a->npos > 1) {
		cli_errorf("run add: give one DISTANCE (e.g. 10.2, 6.2mi)");
		return CLI_EXIT_USAGE;
	}
	nf_journal_run_init(&r);
	nf_episode_init(&e);
	double km;
	if (a->npos && !cli_parse_distance(a->pos[0], cli_miles(a), NF_DISTANCE_RUN, "DISTANCE", &km))
		return CLI_EXIT_USAGE;
	if (a->npos)
		r.rec.distance_m = km * 1000;
	if (!run_from_args(a, &r, false) || !cli_episode_from_args(a, "numb-at", &e, &has_episode))
		return CLI_EXIT_USAGE;
	if (isfinite(e.onset_km) && isfinite(r.rec.distance_m) && e.onset_km * 1000 > r.rec.distance_m + 1) {
		cli_errorf("--numb-at: %.2f km is past the end of this %.2f km run", e.onset_km,
			   r.rec.distance_m / 1000);
		return CLI_EXIT_USAGE;
	}
	double dur = isfinite(r.rec.elapsed_s) ? r.rec.elapsed_s : r.rec.moving_s;
	if (isfinite(e.onset_min) && isfinite(dur) && e.onset_min * 60 > dur + 1) {
		char d[32];
		nf_duration_text(dur, d, sizeof d);
		cli_errorf("--numb-at: %.0f min is past the end of this run of %s", e.onset_min, d);
		return CLI_EXIT_USAGE;
	}
	int rc = cli_journal_open(a, &j);
	if (rc)
		return rc;
	if ((rc = cli_gear_opt(j, a, "shoes", NF_GEAR_SHOES, true, &r.shoes_id)) ||
	    (rc = cli_gear_opt(j, a, "insoles", NF_GEAR_INSOLES, true, &r.insoles_id)))
		goto out_close;
	bool moved_off_default = false;
	if ((!cli_opt(a, "shoes") && (rc = default_in_service(j, &r, NF_GEAR_SHOES, &r.shoes_id, &moved_off_default))) ||
	    (!cli_opt(a, "insoles") &&
	     (rc = default_in_service(j, &r, NF_GEAR_INSOLES, &r.insoles_id, &moved_off_default))))
		goto out_close;
	if (!cli_flag(a, "force") && (rc = refuse_clash(j, &r, "run add")))
		goto out_close;
	if (nf_journal_add_run(j, &r, &e, has_episode ? 1 : 0, &crossed, &err) ||
	    nf_journal_get_run(j, r.id, &r, &err) || (has_episode && nf_journal_get_episode(j, e.id, &e, &err))) {
		rc = cli_fail(&err);
		goto out_close;
	}
	struct cli_sign sign;
	bool warn = has_episode && cli_not_settled(a, &e, r.rec.start_time, &sign);
	if (cli_flag(a, "json")) {
		json_t *o = nf_run_with_episodes_json(&r, &e, has_episode ? 1 : 0);
		if (o)
			json_object_set_new(o, "warning_sign", warn ? cli_sign_json(&sign, &e) : json_null());
		rc = cli_print_json(o);
	} else {
		char dist[32], when[32];
		cli_format_km(r.rec.distance_m, dist, sizeof dist);
		cli_format_local(r.rec.start_time, when, sizeof when);
		printf("added run %lld: %s on %s", (long long)r.id, dist, when);
		if (r.shoes[0])
			printf(" in '%s'", cli_text(r.shoes));
		if (r.insoles[0])
			printf(" with insoles '%s'", cli_text(r.insoles));
		printf("\n");
		if (has_episode)
			printf("with episode %lld of numbness\n", (long long)e.id);
		if (warn)
			cli_sign_print(&sign);
	}
	cli_warn_crossed(j, &r, crossed);
	if (!cli_opt(a, "shoes") && !r.shoes_id && !moved_off_default)
		say_no_shoes(j, r.id);
out_close:
	nf_journal_close(j);
	return rc;
}

const struct cli_command cmd_run_add = {
	.name = "run add",
	.args = "[DISTANCE]",
	.summary = "record a run, and numbness on it",
	.description =
		"Records a run: DISTANCE in km (or miles with --miles, or a unit: 10km, 6.2mi, 5000m; a "
		"decimal comma is a decimal point, 10,5), "
		"today unless --date says otherwise, in the default shoes and insoles. The --numb-at, "
		"--where, --foot, --side, --severity, --recover, --[no-]cramp and --[no-]loosening-helped options record an "
		"episode of numbness on the same run, in the same transaction; feeling that took 2 hours or "
		"more to come back (--recover 120) on a run of the last 2 days is a warning sign, said at "
		"once in the assessment's words (\"warning_sign\" in --json). When the run takes shoes "
		"or insoles past their retirement distance, a warning names them; when no pair is the "
		"default (it was retired), the run is stored without shoes and a note says how to give it "
		"some. Shoes or insoles named must have been in service on the run's day (not first used "
		"after it, not retired before it); the default pair on a day before its first use is not "
		"given: the run gets the pair in service that day, or none, with a note. A run that starts "
		"within 5 minutes of one in the journal with a distance within 10%, or that overlaps one "
		"in time (starts before it ends), is refused as a duplicate, naming that run (exit status "
		"2); --force stores it anyway. Values no run has are refused: a cadence outside 120 to 250 "
		"steps per minute, a pace faster than 2:10/km over 1 km or more or 2:30/km over 5 km or "
		"more (the world records are 2:12/km and 2:31/km; a typed run is held to them, a file to "
		"its GPS rule of 12 m/s), an average heart rate below 40 bpm, numbness past the run's "
		"distance or duration, a distance under 10 m (it would show as 0.00 km: give metres as 400m).\n\n"
		"Example: numbfoot run add 10.2 --duration 55:00 --numb-at 8 --where dorsum --foot left",
	.options = add_options,
	.run = run_run_add,
};

/* ---- run list ---- */

static const struct cli_option list_options[] = {
	CLI_JOURNAL_OPTIONS,
	{"limit", "N", "only the latest N runs"},
	{"oldest-first", NULL, "list the oldest run first (the default is the newest first, as on the page)"},
	{NULL, NULL, NULL},
};

/* Number of episodes of run id in the sorted-by-run list eps (a short linear scan). */
static size_t count_episodes(const nf_episode *eps, size_t n, int64_t id)
{
	size_t c = 0;
	for (size_t k = 0; k < n; k++)
		c += eps[k].run_id == id;
	return c;
}

static int run_run_list(const struct cli_args *a)
{
	nf_error err = {0};
	nf_journal *j;
	nf_journal_run *runs = NULL;
	nf_episode *eps = NULL;
	size_t n, ne;
	double limit = 0;
	if (a->npos) {
		cli_errorf("run list: takes no arguments");
		return CLI_EXIT_USAGE;
	}
	if (cli_opt(a, "limit") && !cli_parse_number(cli_opt(a, "limit"), "--limit", 1, 1e9, &limit))
		return CLI_EXIT_USAGE;
	int rc = cli_journal_open_existing(a, &j, "no runs yet");
	if (rc)
		return rc;
	if (nf_journal_list_runs(j, (size_t)limit, &runs, &n, &err) ||
	    nf_journal_list_episodes(j, 0, &eps, &ne, &err)) {
		rc = cli_fail(&err);
		goto out_free;
	}
	/* The journal lists the oldest first; the newest comes first unless asked. */
	bool oldest = cli_flag(a, "oldest-first");
#define RUN_AT(k) (&runs[oldest ? (k) : n - 1 - (k)])
	if (cli_flag(a, "json")) {
		json_t *arr = json_array();
		for (size_t k = 0; arr && k < n; k++) {
			json_t *o = nf_run_json(RUN_AT(k));
			if (o)
				json_object_set_new(o, "episode_count",
						    json_integer((json_int_t)count_episodes(eps, ne, RUN_AT(k)->id)));
			if (json_array_append_new(arr, o)) {
				json_decref(arr);
				arr = NULL;
			}
		}
		rc = cli_print_json(arr);
	} else if (n == 0) {
		printf("no runs yet: add one with 'numbfoot run add 10' or 'numbfoot import FILE'\n");
	} else {
		printf("%5s  %-16s  %10s  %8s  %9s  %-16s %s\n", "id", "start", "distance", "time", "pace",
		       "shoes", "numbness");
		for (size_t k = 0; k < n; k++)
			print_run(RUN_AT(k), count_episodes(eps, ne, RUN_AT(k)->id));
	}
#undef RUN_AT
out_free:
	nf_journal_run_list_free(runs);
	nf_episode_list_free(eps);
	nf_journal_close(j);
	return rc;
}

const struct cli_command cmd_run_list = {
	.name = "run list",
	.args = "",
	.summary = "list runs, newest first",
	.description =
		"Lists the runs in the journal by start time, the newest first (--oldest-first for the "
		"other way); --limit keeps the latest N. --json prints an array of objects with id, "
		"start_time (ISO 8601 UTC), distance_m, moving_s, elapsed_s, cadence_spm, cadence_unit, "
		"stride_m, temperature_c, heart_rate_bpm, surface, shoes, insoles, notes, source_file, "
		"source_sha256 and episode_count; an unknown value is null. 'run show --json' gives one "
		"run with its episodes.",
	.options = list_options,
	.run = run_run_list,
};

/* ---- run show ---- */

/* The one RUN argument of show, edit and delete (an id, or 'last'): checks it, opens the journal
 * and finds the run's id. Returns CLI_EXIT_OK with *j open (the caller closes it), else prints why
 * and returns the exit code with the journal closed. */
static int open_run(const struct cli_args *a, nf_journal **j, int64_t *id)
{
	if (a->npos != 1) {
		cli_errorf("%s: give one RUN id (or 'last')", a->cmd->name);
		return CLI_EXIT_USAGE;
	}
	if (!cli_parse_run(a->pos[0], "RUN", id))
		return CLI_EXIT_USAGE;
	int rc = cli_journal_open_existing(a, j, "no runs yet");
	if (rc)
		return rc;
	rc = cli_resolve_run(*j, id);
	if (rc) {
		nf_journal_close(*j);
		*j = NULL;
	}
	return rc;
}

static int run_run_show(const struct cli_args *a)
{
	nf_error err = {0};
	nf_journal *j;
	nf_journal_run r;
	nf_episode *eps = NULL;
	size_t ne = 0;
	int64_t id;
	int rc = open_run(a, &j, &id);
	if (rc)
		return rc;
	if (nf_journal_get_run(j, id, &r, &err) || nf_journal_list_episodes(j, id, &eps, &ne, &err)) {
		rc = cli_fail(&err);
		goto out_close;
	}
	if (cli_flag(a, "json")) {
		rc = cli_print_json(nf_run_with_episodes_json(&r, eps, ne));
	} else {
		char when[32], dist[32], dur[32], iso[32];
		cli_format_local(r.rec.start_time, when, sizeof when);
		nf_time_iso(r.rec.start_time, iso, sizeof iso);
		cli_format_km(r.rec.distance_m, dist, sizeof dist);
		nf_duration_text(r.rec.moving_s, dur, sizeof dur);
		printf("run %lld\n  start      %s (%s)\n  distance   %s\n  time       %s\n", (long long)r.id,
		       when, iso[0] ? iso : "unknown", dist, dur);
		if (isfinite(r.rec.elapsed_s) && r.rec.elapsed_s != r.rec.moving_s) {
			nf_duration_text(r.rec.elapsed_s, dur, sizeof dur);
			printf("  elapsed    %s\n", dur);
		}
		if (isfinite(r.rec.cadence_spm))
			printf("  cadence    %.0f steps/min%s%s%s\n", r.rec.cadence_spm,
			       r.cadence_unit[0] ? " (recorded in " : "", r.cadence_unit,
			       r.cadence_unit[0] ? ")" : "");
		if (isfinite(r.rec.stride_m))
			printf("  stride     %.2f m\n", r.rec.stride_m);
		if (isfinite(r.rec.heart_rate_bpm))
			printf("  heart rate %.0f bpm\n", r.rec.heart_rate_bpm);
		if (isfinite(r.rec.temperature_c))
			printf("  temp       %.1f °C\n", r.rec.temperature_c);
		if (r.surface[0])
			printf("  surface    %s\n", cli_text(r.surface));
		printf("  shoes      %s\n", r.shoes[0] ? cli_text(r.shoes) : "-");
		if (r.insoles[0])
			printf("  insoles    %s\n", cli_text(r.insoles));
		if (r.rec.source_file[0])
			printf("  from       %s\n", cli_text(r.rec.source_file));
		if (r.notes[0])
			printf("  notes      %s\n", cli_text(r.notes));
		for (size_t k = 0; k < ne; k++) {
			char onset[96];
			cli_format_onset(&eps[k], onset, sizeof onset);
			printf("  numbness   episode %lld%s", (long long)eps[k].id, onset);
			if (eps[k].foot == NF_FOOT_BOTH)
				printf(", both feet");
			else if (eps[k].foot)
				printf(", %s foot", nf_foot_name(eps[k].foot));
			if (eps[k].severity >= 0)
				printf(", severity %d/10", eps[k].severity);
			printf("\n");
		}
	}
out_close:
	nf_episode_list_free(eps);
	nf_journal_close(j);
	return rc;
}

const struct cli_command cmd_run_show = {
	.name = "run show",
	.args = "RUN",
	.summary = "show one run with its episodes",
	.description = "Shows everything stored about run RUN (an id, or 'last' for the latest run).",
	.options = cli_journal_only_options,
	.run = run_run_show,
};

/* ---- run edit ---- */

static const struct cli_option edit_options[] = {
	CLI_JOURNAL_OPTIONS,
	{"distance", "DISTANCE", "new distance (km, or a unit: 6.2mi)"},
	RUN_OPTIONS,
	{"drop-route", NULL, "delete the run's GPS route and keep the run"},
	{"from", "DATE", "with --to and no RUN: every run from this date (YYYY-MM-DD)"},
	{"to", "DATE", "... to this date, included: set only --shoes and --insoles on them"},
	{"force", NULL, "change the run even if it becomes like another, or overlaps one"},
	{NULL, NULL, NULL},
};

/* run edit --from DATE --to DATE --shoes NICKNAME: the shoes (or insoles) of every run of a
 * period at once, for years of imported runs that came in before any pair was in service. */
static int edit_between(const struct cli_args *a)
{
	static const char *const single[] = {"distance", "date", "time", "duration", "cadence", "hr",
					     "temp", "surface", "notes", "drop-route", "miles"};
	const char *from = cli_opt(a, "from"), *to = cli_opt(a, "to");
	nf_error err = {0};
	nf_journal *j = NULL;
	int64_t t0, t1, id, n;
	int rc = CLI_EXIT_OK;
	if (a->npos || !from || !to || (!cli_opt(a, "shoes") && !cli_opt(a, "insoles"))) {
		cli_errorf("run edit: --from and --to go together, without a RUN, with --shoes or --insoles");
		return CLI_EXIT_USAGE;
	}
	for (size_t i = 0; i < sizeof single / sizeof single[0]; i++)
		if (cli_opt(a, single[i])) {
			cli_errorf("run edit: --%s changes one run; with --from and --to only --shoes and "
				   "--insoles", single[i]);
			return CLI_EXIT_USAGE;
		}
	/* Checked first so that a bad date is named by its own option, not by --date. */
	if (!cli_parse_date(from, "--from") || !cli_parse_date(to, "--to") ||
	    !cli_parse_start(from, "00:00", &t0) || !cli_parse_start(to, "00:00", &t1))
		return CLI_EXIT_USAGE;
	t1 += 86400; /* the last day included */
	if ((rc = cli_journal_open_existing(a, &j, "no runs yet")))
		return rc;
	static const struct {
		const char *opt;
		nf_gear_kind kind;
	} kinds[] = {{"shoes", NF_GEAR_SHOES}, {"insoles", NF_GEAR_INSOLES}};
	for (size_t k = 0; k < 2 && !rc; k++) {
		if (!cli_opt(a, kinds[k].opt))
			continue;
		if ((rc = cli_gear_opt(j, a, kinds[k].opt, kinds[k].kind, false, &id)))
			break;
		if (nf_journal_set_gear_between(j, kinds[k].kind, id, t0, t1, &n, &err)) {
			rc = cli_fail(&err);
			break;
		}
		printf("%s set on %lld run%s from %s to %s\n", kinds[k].opt, (long long)n, n == 1 ? "" : "s",
		       from, to);
	}
	nf_journal_close(j);
	return rc;
}

static int run_run_edit(const struct cli_args *a)
{
	nf_error err = {0};
	nf_journal *j;
	nf_journal_run r;
	int64_t id;
	/* --miles and --force change how the others are read or checked, nothing by themselves;
	 * --from and --to are the other form of the command. */
	static const char *const not_changes[] = {"db", "json", "miles", "force", "from", "to", NULL};
	if (cli_opt(a, "from") || cli_opt(a, "to"))
		return edit_between(a);
	if (a->npos == 1 && cli_nothing_to_change(a, not_changes))
		return CLI_EXIT_USAGE;
	int rc = open_run(a, &j, &id);
	if (rc)
		return rc;
	if (nf_journal_get_run(j, id, &r, &err)) {
		rc = cli_fail(&err);
		goto out_close;
	}
	if (!run_from_args(a, &r, true)) {
		rc = CLI_EXIT_USAGE;
		goto out_close;
	}
	if ((rc = cli_gear_opt(j, a, "shoes", NF_GEAR_SHOES, false, &r.shoes_id)) ||
	    (rc = cli_gear_opt(j, a, "insoles", NF_GEAR_INSOLES, false, &r.insoles_id)))
		goto out_close;
	/* The check run add makes: an edit of the date, time, distance or duration can make the run
	 * a copy of another, or lay it over one. Other edits leave that as it was. */
	bool moved = cli_opt(a, "date") || cli_opt(a, "time") || cli_opt(a, "distance") || cli_opt(a, "duration");
	if (moved && !cli_flag(a, "force") && (rc = refuse_clash(j, &r, "run edit")))
		goto out_close;
	/* The route first: if dropping it fails, nothing else has changed either. */
	if ((cli_flag(a, "drop-route") && nf_journal_delete_track(j, id, &err)) ||
	    nf_journal_update_run(j, &r, &err) || nf_journal_get_run(j, id, &r, &err)) {
		rc = cli_fail(&err);
		goto out_close;
	}
	if (cli_flag(a, "json"))
		rc = cli_print_json(nf_run_json(&r));
	else
		printf("updated run %lld\n", (long long)r.id);
out_close:
	nf_journal_close(j);
	return rc;
}

const struct cli_command cmd_run_edit = {
	.name = "run edit",
	.args = "RUN",
	.summary = "change a run",
	.description = "Changes the details given as options and keeps the others. --time alone "
		       "keeps the run's date, --date alone its time of day; --drop-route deletes the GPS route kept from its file. "
		       "With --from DATE --to DATE instead of RUN, sets --shoes and --insoles on every run "
		       "of those days at once (runs imported from before a pair was in service). The checks "
		       "of run add hold: a change that makes the run like another (a start within 5 minutes, "
		       "a distance within 10%) or lays it over one in time is refused, naming that run (exit "
		       "status 2), unless --force; a new day or pair must lie within the pair's first use "
		       "and retirement (refused naming both dates; --force does not change that); a typed run's pace and heart rate are held to what "
		       "runners have run (see run add), and so is an imported run's when its distance or "
		       "duration is changed here. No option to change anything is refused ('nothing to "
		       "change', exit status 2), as by gear edit.",
	.options = edit_options,
	.run = run_run_edit,
};

/* ---- run delete ---- */

static const struct cli_option delete_options[] = {
	CLI_JOURNAL_OPTIONS,
	{"yes", NULL, "do not ask (needed when standard input is not a terminal)"},
	{NULL, NULL, NULL},
};

/* Asks on the terminal before run id and its episodes go: CLI_EXIT_OK to go on, CLI_EXIT_FAIL
 * when the answer is not yes (as forget does). Without a terminal there is no one to ask:
 * CLI_EXIT_USAGE unless --yes said so beforehand. */
static int confirm_delete(const struct cli_args *a, nf_journal *j, int64_t id)
{
	nf_error err = {0};
	nf_journal_run r;
	nf_episode *eps = NULL;
	size_t ne = 0;
	char when[32], dist[32], line[16];
	/* A run that is not there is said so first, whether or not there is anyone to ask. */
	if (nf_journal_get_run(j, id, &r, &err) || nf_journal_list_episodes(j, id, &eps, &ne, &err))
		return cli_fail(&err);
	nf_episode_list_free(eps);
	if (cli_flag(a, "yes"))
		return CLI_EXIT_OK;
	if (!isatty(STDIN_FILENO)) {
		cli_errorf("run delete: standard input is not a terminal, so there is no one to ask; add --yes "
			   "to delete run %lld",
			   (long long)id);
		return CLI_EXIT_USAGE;
	}
	cli_format_local(r.rec.start_time, when, sizeof when);
	cli_format_km(r.rec.distance_m, dist, sizeof dist);
	fprintf(stderr, "Delete run %lld (%s on %s) and its %zu episode%s for good? [y/N] ", (long long)id,
		cli_text(dist), when, ne, ne == 1 ? "" : "s");
	fflush(stderr);
	if (!fgets(line, sizeof line, stdin) || (strcmp(line, "y\n") && strcmp(line, "yes\n"))) {
		fprintf(stderr, "nothing deleted\n");
		return CLI_EXIT_FAIL;
	}
	return CLI_EXIT_OK;
}

static int run_run_delete(const struct cli_args *a)
{
	nf_error err = {0};
	nf_journal *j;
	int64_t id;
	int rc = open_run(a, &j, &id);
	if (rc)
		return rc;
	rc = confirm_delete(a, j, id);
	if (!rc)
		rc = nf_journal_delete_run(j, id, &err) ? cli_fail(&err)
						     : cli_print_deleted(a, "run", id, " and its episodes");
	nf_journal_close(j);
	return rc;
}

const struct cli_command cmd_run_delete = {
	.name = "run delete",
	.args = "RUN",
	.summary = "delete a run and its episodes",
	.description = "Deletes run RUN (an id, or 'last') and every episode recorded on it. On a terminal it "
		       "says which run that is and asks first; --yes skips the question, and without a terminal "
		       "--yes is needed (nothing is deleted otherwise, exit status 2).",
	.options = delete_options,
	.run = run_run_delete,
};
