/* numbfoot command line: where the journal lives, and reading and showing typed values for the
 * journal commands. See paths.h. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "numbfoot/text.h"
#include "numbfoot/date.h"
#include "paths.h"

/* mkdir that accepts an existing folder. */
static bool make_dir(const char *p, mode_t mode)
{
	if (mkdir(p, mode) == 0 || errno == EEXIST)
		return true;
	cli_errorf("cannot create folder %s: %s", p, strerror(errno));
	return false;
}

const struct cli_option cli_journal_only_options[] = {
	CLI_JOURNAL_OPTIONS,
	{NULL, NULL, NULL},
};

int cli_journal_path(const struct cli_args *a, char *buf, size_t size)
{
	const char *db = cli_opt(a, "db");
	if (db) {
		struct stat st;
		if (!*db) {
			cli_errorf("--db needs a path");
			return CLI_EXIT_USAGE;
		}
		if ((size_t)snprintf(buf, size, "%s", db) >= size) {
			cli_errorf("--db: path too long");
			return CLI_EXIT_USAGE;
		}
		/* SQLite says only "unable to open database file". */
		if (stat(db, &st) == 0 && S_ISDIR(st.st_mode)) {
			cli_errorf("--db: %s: is a folder, not a file", db);
			return CLI_EXIT_USAGE;
		}
		return CLI_EXIT_OK;
	}
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	char base[4096];
	/* The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored. */
	if (xdg && xdg[0] == '/') {
		snprintf(base, sizeof base, "%s", xdg);
	} else if (home && *home) {
		char share[4096];
		snprintf(share, sizeof share, "%s/.local", home);
		if (!make_dir(share, 0700))
			return CLI_EXIT_FAIL;
		snprintf(base, sizeof base, "%s/.local/share", home);
	} else {
		cli_errorf("neither XDG_DATA_HOME nor HOME is set: give --db PATH");
		return CLI_EXIT_FAIL;
	}
	if (!make_dir(base, 0700))
		return CLI_EXIT_FAIL;
	char dir[4096 + 16];
	snprintf(dir, sizeof dir, "%s/numbfoot", base);
	if (!make_dir(dir, 0700))
		return CLI_EXIT_FAIL;
	/* The folder may predate us with looser permissions; the journal is health data. */
	struct stat sb;
	if (stat(dir, &sb) == 0 && (sb.st_mode & 077))
		chmod(dir, 0700);
	if ((size_t)snprintf(buf, size, "%s/journal.db", dir) >= size) {
		cli_errorf("journal path too long");
		return CLI_EXIT_FAIL;
	}
	return CLI_EXIT_OK;
}

bool cli_runtime_dir(char *buf, size_t size)
{
	const char *run = getenv("XDG_RUNTIME_DIR"), *cache = getenv("XDG_CACHE_HOME"),
		   *home = getenv("HOME");
	char base[4096];
	/* Relative XDG paths are invalid and ignored, as for the journal. */
	if (run && run[0] == '/')
		snprintf(base, sizeof base, "%s", run);
	else if (cache && cache[0] == '/')
		snprintf(base, sizeof base, "%s", cache);
	else if (home && home[0] == '/')
		snprintf(base, sizeof base, "%s/.cache", home);
	else
		return false;
	if (mkdir(base, 0700) != 0 && errno != EEXIST)
		return false;
	return (size_t)snprintf(buf, size, "%s/numbfoot", base) < size;
}

static int journal_open(const struct cli_args *a, bool create, const char *none, nf_journal **j)
{
	char path[4096];
	nf_error err = {0};
	*j = NULL;
	int rc = cli_journal_path(a, path, sizeof path);
	if (rc)
		return rc;
	/* Files SQLite creates later (-wal, -shm) must not be readable by others either. */
	umask(077);
	nf_err orc = create ? nf_journal_open(path, j, &err) : nf_journal_open_existing(path, j, &err);
	if (orc == NF_OK)
		return CLI_EXIT_OK;
	if (orc == NF_ENOTFOUND) {
		cli_errorf("%s: no journal there: %s", path, none);
		return CLI_EXIT_USAGE;
	}
	/* A journal in a folder (or a file) this user cannot write can still be read: list, show,
	 * export, analyze and report work, and a command that writes fails at its write. */
	char dir[4096];
	const char *slash = strrchr(path, '/');
	snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
	nf_error rerr = {0};
	if ((access(dir[0] ? dir : "/", W_OK) != 0 || access(path, W_OK) != 0) &&
	    access(path, R_OK) == 0 && nf_journal_open_read(path, j, &rerr) == NF_OK)
		return CLI_EXIT_OK;
	return cli_fail(&err);
}

int cli_journal_open(const struct cli_args *a, nf_journal **j)
{
	return journal_open(a, true, NULL, j);
}

int cli_journal_open_existing(const struct cli_args *a, nf_journal **j, const char *none)
{
	/* The default journal in the runner's own data folder is never mistyped: a first
	 * 'numbfoot run list' finds it empty, as before. A --db path may be. */
	return journal_open(a, !cli_opt(a, "db"), none, j);
}

int cli_journal_open_or_none(const struct cli_args *a, nf_journal **j, const char *none)
{
	return journal_open(a, false, none, j);
}

/* A bound of a range as a person reads it: a whole number in full (1000000000, not %g's 1e+09),
 * else its decimals. */
static const char *bound_text(double v, char *buf, size_t size)
{
	if (v == floor(v) && fabs(v) < 1e15)
		snprintf(buf, size, "%.0f", v);
	else
		snprintf(buf, size, "%g", v);
	return buf;
}

bool cli_parse_number(const char *s, const char *what, double lo, double hi, double *out)
{
	const char *end;
	double v;
	nf_error err = {0};
	/* The page's rule, as for distances: decimal point or comma, no hex, exponent or inf. */
	nf_err rc = nf_decimal_read(s, &v, &end, &err);
	if (rc && end != s) {
		cli_errorf("%s: %s", what, err.msg);
		return false;
	}
	if (rc || *end) {
		cli_errorf("%s: '%s' is not a number", what, s ? s : "");
		return false;
	}
	if (v < lo || v > hi) {
		char a[48], b[48];
		cli_errorf("%s: %s is out of range (%s to %s)", what, s, bound_text(lo, a, sizeof a),
			   bound_text(hi, b, sizeof b));
		return false;
	}
	*out = v;
	return true;
}

bool cli_parse_distance(const char *s, bool miles, nf_distance_of kind, const char *what, double *km)
{
	nf_error err = {0};
	if (nf_distance_parse(s, miles ? NF_UNITS_MI : NF_UNITS_KM, kind, km, &err)) {
		cli_errorf("%s: %s", what, err.msg);
		return false;
	}
	return true;
}

bool cli_parse_duration(const char *s, const char *what, double *seconds)
{
	/* The one limit of the three forms, said when a duration is past it: each form once had a
	 * bound of its own (hours < 100, minutes < 6000) and a longer one was "not a duration". */
	const double max_s = 100 * 3600.0 - 1;
	unsigned a = 0, b = 0, c = 0;
	int n = 0;
	double got = -1;
	/* Digits past what %u holds wrapped round ("4294967296" was zero): too long is too long. */
	if (s && strspn(s, "0123456789:") == strlen(s) && strspn(s, "0123456789") > 9) {
		cli_errorf("%s: '%.40s' is out of range (0:01 to 99:59:59)", what, s);
		return false;
	}
	if (s && sscanf(s, "%u:%2u:%2u%n", &a, &b, &c, &n) == 3 && !s[n] && b < 60 && c < 60)
		got = a * 3600.0 + b * 60.0 + c;
	n = 0;
	if (got < 0 && s && sscanf(s, "%u:%2u%n", &a, &b, &n) == 2 && !s[n] && b < 60)
		got = a * 60.0 + b;
	n = 0;
	if (got < 0 && s && sscanf(s, "%u%n", &a, &n) == 1 && !s[n])
		got = a * 60.0;
	if (got < 0) {
		cli_errorf("%s: '%s' is not a duration (MM:SS, H:MM:SS or minutes)", what, s ? s : "");
		return false;
	}
	if (got > max_s) {
		cli_errorf("%s: '%.40s' is out of range (0:01 to 99:59:59)", what, s);
		return false;
	}
	*seconds = got;
	return true;
}

bool cli_parse_minutes(const char *s, const char *what, double *minutes)
{
	return cli_parse_number(s, what, 0, 100000, minutes);
}

bool cli_parse_date(const char *s, const char *what)
{
	nf_error err = {0};
	if (nf_date_parse(s, NULL, &err)) {
		cli_errorf("%s: %s", what, err.msg);
		return false;
	}
	return true;
}

bool cli_parse_start(const char *date, const char *tod, int64_t *t)
{
	nf_error err = {0};
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	if (date) {
		nf_date d;
		if (nf_date_parse(date, &d, &err)) {
			cli_errorf("--date: %s", err.msg);
			return false;
		}
		tm.tm_year = d.year - 1900;
		tm.tm_mon = d.month - 1;
		tm.tm_mday = d.day;
		if (!tod) {
			tm.tm_hour = 12;
			tm.tm_min = 0;
		}
		tm.tm_sec = 0;
	}
	if (tod) {
		int h, mi;
		if (nf_clock_parse(tod, &h, &mi, &err)) {
			cli_errorf("--time: %s", err.msg);
			return false;
		}
		tm.tm_hour = h;
		tm.tm_min = mi;
		tm.tm_sec = 0;
	}
	tm.tm_isdst = -1;
	time_t v = mktime(&tm);
	if (v == (time_t)-1) {
		cli_errorf("the date and time cannot be represented");
		return false;
	}
	*t = (int64_t)v;
	return true;
}

bool cli_parse_id(const char *s, const char *what, int64_t *id)
{
	char *end;
	errno = 0;
	long long v = s ? strtoll(s, &end, 10) : 0;
	if (!s || end == s || *end || errno || v <= 0) {
		cli_errorf("%s: '%s' is not an id (a whole number above 0)", what, s ? s : "");
		return false;
	}
	*id = v;
	return true;
}

bool cli_parse_run(const char *s, const char *what, int64_t *id)
{
	if (s && !strcmp(s, "last")) {
		*id = 0;
		return true;
	}
	return cli_parse_id(s, what, id);
}

int cli_resolve_run(nf_journal *j, int64_t *id)
{
	nf_error err = {0};
	if (*id == 0 && nf_journal_last_run(j, id, &err))
		return cli_fail(&err);
	return CLI_EXIT_OK;
}

int cli_gear_opt(nf_journal *j, const struct cli_args *a, const char *name, nf_gear_kind kind,
		 bool use_default, int64_t *id)
{
	nf_error err = {0};
	nf_gear g;
	const char *v = cli_opt(a, name);
	if (!v) {
		/* No default of that kind is no error: the run is stored without that gear. */
		if (use_default)
			*id = nf_journal_default_gear(j, kind, &g, NULL) ? 0 : g.id;
		return CLI_EXIT_OK;
	}
	if (!strcmp(v, "none")) {
		*id = 0;
		return CLI_EXIT_OK;
	}
	if (nf_journal_find_gear(j, v, &g, &err))
		return cli_fail(&err);
	if (g.kind != kind) {
		cli_errorf("--%s: '%s' are %s", name, v, nf_gear_kind_name(g.kind));
		return CLI_EXIT_USAGE;
	}
	*id = g.id;
	return CLI_EXIT_OK;
}

bool cli_miles(const struct cli_args *a)
{
	return cli_flag(a, "miles") || cli_units_miles();
}

bool cli_text_opt(const struct cli_args *a, const char *name, char *dst, size_t size)
{
	const char *v = cli_opt(a, name);
	if (!v)
		return true;
	if (strlen(v) >= size) {
		cli_errorf("--%s: at most %zu characters", name, size - 1);
		return false;
	}
	char what[64];
	snprintf(what, sizeof what, "--%s", name);
	if (!cli_utf8_ok(v, what))
		return false;
	snprintf(dst, size, "%s", v);
	return true;
}

bool cli_utf8_ok(const char *v, const char *what)
{
	size_t at;
	if (!v || nf_utf8_valid(v, &at))
		return true;
	cli_errorf("%s: not valid UTF-8 at byte %zu", what, at);
	return false;
}

bool cli_date_opt(const struct cli_args *a, const char *name, char dst[NF_JOURNAL_DATE_MAX])
{
	char what[64];
	const char *v = cli_opt(a, name);
	if (!v)
		return true;
	snprintf(what, sizeof what, "--%s", name);
	if (!cli_parse_date(v, what))
		return false;
	/* A date that passed cli_parse_date is 10 characters: it fits. */
	snprintf(dst, NF_JOURNAL_DATE_MAX, "%s", v);
	return true;
}

void cli_today(char buf[NF_JOURNAL_DATE_MAX])
{
	nf_journal_local_day(time(NULL), buf);
}

int cli_print_json(json_t *v)
{
	if (!v) {
		cli_errorf("out of memory");
		return CLI_EXIT_FAIL;
	}
	errno = 0;
	int rc = json_dumpf(v, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
	int e = errno;
	json_decref(v);
	if (rc != 0) {
		cli_errorf("cannot write the output: %s", e ? strerror(e) : "write error");
		return CLI_EXIT_FAIL;
	}
	fputc('\n', stdout);
	return CLI_EXIT_OK;
}

int cli_print_deleted(const struct cli_args *a, const char *what, int64_t id, const char *rest)
{
	if (cli_flag(a, "json"))
		return cli_print_json(json_pack("{s:I, s:b}", "id", (json_int_t)id, "deleted", 1));
	printf("deleted %s %lld%s\n", what, (long long)id, rest);
	return CLI_EXIT_OK;
}

void cli_format_km(double metres, char *buf, size_t size)
{
	if (isnan(metres))
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%.2f km", metres / 1000.0);
}

/* Whether option i of a's command changes something: not one of not_changes (NULL-terminated). */
static bool changes(const struct cli_args *a, int i, const char *const *not_changes)
{
	for (size_t k = 0; not_changes[k]; k++)
		if (!strcmp(a->cmd->options[i].name, not_changes[k]))
			return false;
	return true;
}

bool cli_given_besides(const struct cli_args *a, const char *const *not_changes)
{
	for (int i = 0; a->cmd->options[i].name; i++)
		if (a->value[i] && changes(a, i, not_changes))
			return true;
	return false;
}

bool cli_nothing_to_change(const struct cli_args *a, const char *const *not_changes)
{
	if (cli_given_besides(a, not_changes))
		return false;
	/* The options that change something, from the command's own table. */
	char list[1024];
	size_t n = 0;
	list[0] = '\0';
	for (int i = 0; a->cmd->options[i].name && n < sizeof list; i++)
		if (changes(a, i, not_changes))
			n += (size_t)snprintf(list + n, sizeof list - n, "%s--%s", n ? ", " : "", a->cmd->options[i].name);
	cli_errorf("%s: nothing to change: give one of %s", a->cmd->name, list);
	return true;
}

void cli_format_onset(const nf_episode *e, char *buf, size_t size)
{
	char min[32];
	int n = 0;
	buf[0] = '\0';
	if (isfinite(e->onset_km))
		n = snprintf(buf, size, " at %.2f km", e->onset_km);
	if (isfinite(e->onset_min) && n >= 0 && (size_t)n < size) {
		nf_minutes_text(e->onset_min, min, sizeof min);
		snprintf(buf + n, size - (size_t)n, " at %s", min);
	}
}

void cli_format_local(int64_t t, char *buf, size_t size)
{
	struct tm tm;
	time_t tt = (time_t)t;
	if (t < 0 || !localtime_r(&tt, &tm)) {
		snprintf(buf, size, "-");
		return;
	}
	strftime(buf, size, "%Y-%m-%d %H:%M", &tm);
}

void cli_warn_crossed(nf_journal *j, const nf_journal_run *r, unsigned crossed)
{
	int64_t ids[2] = {crossed & NF_CROSSED_SHOES ? r->shoes_id : 0,
			  crossed & NF_CROSSED_INSOLES ? r->insoles_id : 0};
	for (int k = 0; k < 2; k++) {
		nf_gear g;
		if (!ids[k] || nf_journal_get_gear(j, ids[k], &g, NULL))
			continue;
		cli_warn_worn(&g);
	}
}

void cli_warn_worn(const nf_gear *g)
{
	fprintf(stderr,
		"numbfoot: warning: %s '%s' have now run %.0f km, past their %.0f km retirement "
		"distance; worn cushioning can add to numbness (see 'numbfoot gear list --why')\n",
		nf_gear_kind_name(g->kind), cli_text(g->nickname), g->used_km, g->retire_km);
}
