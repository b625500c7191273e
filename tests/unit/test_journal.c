/* Unit tests of the journal: opening and PRAGMAs, CRUD of gear, runs and episodes, constraints,
 * cascades, duplicate files, wear, rolled-back transactions, migrations from every older
 * version, forgetting, and the time helpers. */
#include <sys/wait.h>
#include <time.h>

#include "test_journal_util.h"

#include <jansson.h>

static sqlite3_int64 pragma_int(nf_journal *j, const char *sql)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(j->db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	sqlite3_int64 v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void pragma_text(nf_journal *j, const char *sql, char *out, size_t size)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(j->db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

static void test_open_pragmas_and_modes(void **state)
{
	const char *p = tj_path("open");
	char path[512], mode[32];
	struct stat sb;
	snprintf(path, sizeof path, "%s", p);
	umask(022); /* even with a permissive umask the files are private */
	nf_journal *j = tj_open(path);
	assert_int_equal(nf_journal_schema_version(j), NF_JOURNAL_SCHEMA_VERSION);
	assert_int_equal(pragma_int(j, "PRAGMA foreign_keys"), 1);
	assert_int_equal(pragma_int(j, "PRAGMA secure_delete"), 1);
	assert_int_equal(pragma_int(j, "PRAGMA user_version"), NF_JOURNAL_SCHEMA_VERSION);
	pragma_text(j, "PRAGMA journal_mode", mode, sizeof mode);
	assert_string_equal(mode, "wal");
	tj_add_shoes(j, "a", 0); /* a write creates the -wal and -shm files */
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	char wal[600];
	snprintf(wal, sizeof wal, "%s-wal", path);
	assert_int_equal(stat(wal, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	snprintf(wal, sizeof wal, "%s-shm", path);
	assert_int_equal(stat(wal, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	nf_error err = {0};
	assert_int_equal(nf_journal_check(j, &err), NF_OK);
	nf_journal_close(j);
	nf_journal_close(NULL);
	/* An existing file with loose permissions is tightened. */
	assert_int_equal(chmod(path, 0644), 0);
	j = tj_open(path);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	nf_journal_close(j);
	umask(077);
}

/* Another program beside this one, as `numbfoot run list` beside a running server: forked before
 * this process opens the journal, so that it shares none of this process's SQLite state, it opens
 * the journal, counts its gear, closes it, and answers, once for every byte it is sent. */
struct other {
	pid_t pid;
	int cmd, answer;
};

static struct other other_start(const char *path)
{
	int c[2], a[2];
	assert_int_equal(pipe(c), 0);
	assert_int_equal(pipe(a), 0);
	struct other o = {fork(), c[1], a[0]};
	assert_true(o.pid >= 0);
	if (o.pid == 0) {
		close(c[1]);
		close(a[0]);
		char go;
		while (read(c[0], &go, 1) == 1) {
			nf_journal *j = NULL;
			nf_gear *list = NULL;
			size_t n = 0;
			unsigned char seen = 0xff;
			if (nf_journal_open(path, &j, NULL) == NF_OK &&
			    nf_journal_list_gear(j, true, &list, &n, NULL) == NF_OK)
				seen = (unsigned char)n;
			nf_gear_list_free(list);
			nf_journal_close(j);
			if (write(a[1], &seen, 1) != 1)
				_exit(2);
		}
		_exit(0);
	}
	close(c[0]);
	close(a[1]);
	return o;
}

static int other_opens(struct other *o)
{
	unsigned char seen = 0xff;
	assert_int_equal(write(o->cmd, "o", 1), 1);
	assert_int_equal(read(o->answer, &seen, 1), 1);
	return seen == 0xff ? -1 : seen;
}

static void other_stop(struct other *o)
{
	int status = 0;
	close(o->cmd);
	close(o->answer);
	assert_int_equal(waitpid(o->pid, &status, 0), o->pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/* A journal held open (the server's) keeps its write-ahead log while other programs open and
 * close the file: opening never closes a descriptor of its own on files SQLite holds locks on, as
 * that drops the locks, and the other program would delete the log the server still writes to. */
static void test_open_beside_another(void **state)
{
	(void)state;
	const char *p = tj_path("beside");
	char path[512], wal[600];
	struct stat sb;
	snprintf(path, sizeof path, "%s", p);
	snprintf(wal, sizeof wal, "%s-wal", path);
	nf_journal *j = tj_open(path); /* a journal of some days: it exists when the server opens it */
	tj_add_shoes(j, "a", 0);
	nf_journal_close(j);
	struct other o = other_start(path);
	j = tj_open(path);
	tj_add_shoes(j, "b", 0);
	assert_int_equal(other_opens(&o), 2);
	assert_int_equal(stat(wal, &sb), 0); /* still there: not checkpointed and deleted */
	tj_add_shoes(j, "c", 0);
	assert_int_equal(other_opens(&o), 3); /* the other program sees what this one wrote */
	nf_journal_close(j);
	other_stop(&o);
}

static void test_open_refuses(void **state)
{
	nf_journal *j = (nf_journal *)1;
	nf_error err = {0};
	assert_int_equal(nf_journal_open("/nonexistent-dir/x.db", &j, &err), NF_EIO);
	assert_null(j);
	assert_non_null(strstr(err.msg, "/nonexistent-dir/x.db"));
	/* Not a database. */
	const char *p = tj_path("garbage");
	FILE *f = fopen(p, "w");
	fputs("this is not a database, just some text that is long enough to be a header....\n", f);
	for (int i = 0; i < 100; i++)
		fputs("more text more text more text more text\n", f);
	fclose(f);
	assert_int_equal(nf_journal_open(p, &j, &err), NF_EPARSE);
	/* Someone else's database. */
	p = tj_path("other");
	sqlite3 *db;
	assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(chmod(p, 0644), 0);
	assert_int_equal(nf_journal_open(p, &j, &err), NF_EPARSE);
	assert_non_null(strstr(err.msg, "not a numbfoot journal"));
	/* Refused as it was: its mode and its journal mode are not ours to change. */
	struct stat sb;
	assert_int_equal(stat(p, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0644);
	assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
	sqlite3_stmt *mst;
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &mst, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(mst), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(mst, 0), "delete");
	sqlite3_finalize(mst);
	sqlite3_close(db);
	/* No file: nf_journal_open_existing creates none. */
	p = tj_path("existing-missing");
	unlink(p);
	assert_int_equal(nf_journal_open_existing(p, &j, &err), NF_ENOTFOUND);
	assert_null(j);
	assert_non_null(strstr(err.msg, "no journal there"));
	assert_int_equal(access(p, F_OK), -1);
	/* An empty file is an empty journal, opened and made private. */
	FILE *e = fopen(p, "w");
	fclose(e);
	assert_int_equal(chmod(p, 0644), 0);
	assert_int_equal(nf_journal_open_existing(p, &j, &err), NF_OK);
	assert_int_equal(nf_journal_schema_version(j), NF_JOURNAL_SCHEMA_VERSION);
	nf_journal_close(j);
	assert_int_equal(stat(p, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	/* A newer schema. */
	p = tj_path("newer");
	assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(nf_journal_open(p, &j, &err), NF_EDB);
	assert_non_null(strstr(err.msg, "newer numbfoot"));
	/* A negative schema (any program can set user_version): refused, nothing run, file kept. */
	static const int negative[] = {-1, -1000, -2147483647 - 1};
	for (size_t i = 0; i < sizeof negative / sizeof negative[0]; i++) {
		char sql[64];
		p = tj_path("negative");
		unlink(p);
		assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", negative[i]);
		assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
		sqlite3_close(db);
		assert_int_equal(nf_journal_open(p, &j, &err), NF_EPARSE);
		assert_null(j);
		assert_non_null(strstr(err.msg, "not a numbfoot journal"));
		assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
		sqlite3_stmt *st;
		assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema", -1, &st,
						    NULL),
				 SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(st, 0), 0);
		sqlite3_finalize(st);
		sqlite3_close(db);
	}
}

static void test_open_read(void **state)
{
	nf_journal *j = (nf_journal *)1;
	nf_error err = {0};
	/* No file: nothing is created. */
	const char *p = tj_path("read-missing");
	unlink(p);
	assert_int_equal(nf_journal_open_read(p, &j, &err), NF_ENOTFOUND);
	assert_null(j);
	assert_int_equal(access(p, F_OK), -1);
	/* A current journal reads, and refuses a write. */
	p = tj_path("read-current");
	unlink(p);
	j = tj_open(p);
	nf_gear g;
	nf_gear_init(&g, NF_GEAR_SHOES);
	snprintf(g.nickname, sizeof g.nickname, "ghost");
	assert_int_equal(nf_journal_add_gear(j, &g, &err), NF_OK);
	nf_journal_close(j);
	assert_int_equal(nf_journal_open_read(p, &j, &err), NF_OK);
	assert_int_equal(nf_journal_schema_version(j), NF_JOURNAL_SCHEMA_VERSION);
	nf_gear h;
	assert_int_equal(nf_journal_get_gear(j, g.id, &h, &err), NF_OK);
	assert_string_equal(h.nickname, "ghost");
	nf_gear_init(&h, NF_GEAR_SHOES);
	snprintf(h.nickname, sizeof h.nickname, "other");
	assert_int_not_equal(nf_journal_add_gear(j, &h, &err), NF_OK);
	nf_journal_close(j);
	/* An older schema is not migrated by a reader. */
	p = tj_path("read-old");
	unlink(p);
	assert_int_equal(jr_open_raw(p, false, &j, &err), NF_OK);
	assert_int_equal(jr_migrate(j, 1, &err), NF_OK);
	nf_journal_close(j);
	assert_int_equal(nf_journal_open_read(p, &j, &err), NF_EDB);
	assert_null(j);
	assert_non_null(strstr(err.msg, "schema 1"));
}

static void test_gear_crud(void **state)
{
	nf_journal *j = tj_open(tj_path("gear"));
	nf_error err = {0};
	nf_gear g, h;
	nf_gear_init(&g, NF_GEAR_SHOES);
	assert_true(g.retire_km == 800);
	snprintf(g.nickname, sizeof g.nickname, "ghost");
	snprintf(g.brand, sizeof g.brand, "Brooks");
	snprintf(g.first_use, sizeof g.first_use, "2026-01-02");
	g.start_km = 120;
	assert_int_equal(nf_journal_add_gear(j, &g, &err), NF_OK);
	assert_true(g.id > 0);
	assert_true(g.is_default); /* the first pair is the default */
	/* A taken nickname. */
	nf_gear_init(&h, NF_GEAR_SHOES);
	snprintf(h.nickname, sizeof h.nickname, "ghost");
	assert_int_equal(nf_journal_add_gear(j, &h, &err), NF_EEXIST);
	assert_non_null(strstr(err.msg, "ghost"));
	/* One that differs only in case is taken too, and finds the pair. */
	snprintf(h.nickname, sizeof h.nickname, "GHost");
	assert_int_equal(nf_journal_add_gear(j, &h, &err), NF_EEXIST);
	assert_non_null(strstr(err.msg, "'ghost'"));
	assert_int_equal(nf_journal_find_gear(j, "GHOST", &h, &err), NF_OK);
	assert_int_equal(h.id, g.id);
	assert_string_equal(h.nickname, "ghost");
	nf_gear_init(&h, NF_GEAR_SHOES);
	/* Bad values. */
	snprintf(h.nickname, sizeof h.nickname, "h");
	snprintf(h.first_use, sizeof h.first_use, "2026-02-30");
	assert_int_equal(nf_journal_add_gear(j, &h, &err), NF_EINVAL);
	/* Not digits where YYYY-MM-DD has them, though sscanf would read numbers there. */
	static const char *const not_dates[] = {"2026-+1-02", "2026-11- 2", "+026-11-02", "2026/11/02"};
	for (size_t i = 0; i < sizeof not_dates / sizeof not_dates[0]; i++) {
		snprintf(h.first_use, sizeof h.first_use, "%s", not_dates[i]);
		assert_int_equal(nf_journal_add_gear(j, &h, &err), NF_EINVAL);
	}
	h.first_use[0] = '\0';
	h.start_km = -1;
	assert_int_equal(nf_journal_add_gear(j, &h, &err), NF_EINVAL);
	h.start_km = 0;
	h.nickname[0] = '\0';
	assert_int_equal(nf_journal_add_gear(j, &h, &err), NF_EINVAL);
	assert_int_equal(tj_counts(j).gear, 1);
	/* A second pair is not the default until asked. */
	snprintf(h.nickname, sizeof h.nickname, "racer");
	h.retire_km = nf_gear_racing_retire_km();
	assert_int_equal(nf_journal_add_gear(j, &h, &err), NF_OK);
	assert_false(h.is_default);
	assert_int_equal(nf_journal_set_default_gear(j, h.id, &err), NF_OK);
	nf_gear d;
	assert_int_equal(nf_journal_default_gear(j, NF_GEAR_SHOES, &d, &err), NF_OK);
	assert_string_equal(d.nickname, "racer");
	assert_int_equal(nf_journal_get_gear(j, g.id, &d, &err), NF_OK);
	assert_false(d.is_default);
	assert_string_equal(d.brand, "Brooks");
	assert_true(d.used_km == 120);
	/* No default insoles. */
	assert_int_equal(nf_journal_default_gear(j, NF_GEAR_INSOLES, &d, &err), NF_ENOTFOUND);
	/* Retiring clears the default and hides it from the list. */
	assert_int_equal(nf_journal_retire_gear(j, h.id, "2026-11-01", &err), NF_OK);
	assert_int_equal(nf_journal_default_gear(j, NF_GEAR_SHOES, &d, &err), NF_ENOTFOUND);
	assert_int_equal(nf_journal_set_default_gear(j, h.id, &err), NF_EINVAL);
	assert_int_equal(nf_journal_retire_gear(j, h.id, "yesterday", &err), NF_EINVAL);
	assert_int_equal(nf_journal_retire_gear(j, 999, "2026-11-01", &err), NF_ENOTFOUND);
	nf_gear *list;
	size_t n;
	assert_int_equal(nf_journal_list_gear(j, false, &list, &n, &err), NF_OK);
	assert_int_equal(n, 1);
	assert_string_equal(list[0].nickname, "ghost");
	nf_gear_list_free(list);
	assert_int_equal(nf_journal_list_gear(j, true, &list, &n, &err), NF_OK);
	assert_int_equal(n, 2);
	nf_gear_list_free(list);
	/* Update and find. */
	assert_int_equal(nf_journal_find_gear(j, "ghost", &d, &err), NF_OK);
	snprintf(d.model, sizeof d.model, "Ghost 15");
	assert_int_equal(nf_journal_update_gear(j, &d, &err), NF_OK);
	snprintf(d.nickname, sizeof d.nickname, "racer");
	assert_int_equal(nf_journal_update_gear(j, &d, &err), NF_EEXIST);
	assert_int_equal(nf_journal_find_gear(j, "ghost", &d, &err), NF_OK);
	assert_string_equal(d.model, "Ghost 15");
	assert_int_equal(nf_journal_find_gear(j, "nope", &d, &err), NF_ENOTFOUND);
	/* Deleting gear keeps its runs, without the link. */
	nf_journal_run r = tj_run(10, 1790000000);
	r.shoes_id = g.id;
	assert_int_equal(nf_journal_add_run(j, &r, NULL, 0, NULL, &err), NF_OK);
	assert_int_equal(nf_journal_delete_gear(j, g.id, &err), NF_OK);
	assert_int_equal(nf_journal_get_run(j, r.id, &r, &err), NF_OK);
	assert_int_equal(r.shoes_id, 0);
	assert_string_equal(r.shoes, "");
	assert_int_equal(nf_journal_delete_gear(j, g.id, &err), NF_ENOTFOUND);
	nf_journal_close(j);
}

static void test_runs_and_episodes(void **state)
{
	nf_journal *j = tj_open(tj_path("runs"));
	nf_error err = {0};
	int64_t shoes = tj_add_shoes(j, "ghost", 0);
	nf_journal_run r = tj_run(10.2, 1795851000); /* 2026-11-28T07:30:00Z */
	r.shoes_id = shoes;
	snprintf(r.notes, sizeof r.notes, "hills");
	snprintf(r.cadence_unit, sizeof r.cadence_unit, "rpm");
	r.rec.cadence_spm = 170;
	nf_episode e[2];
	nf_episode_init(&e[0]);
	e[0].onset_km = 8;
	e[0].locations = 1u << nf_location_index("dorsum") | 1u << nf_location_index("toes_all");
	e[0].side = NF_SIDE_ONE;
	e[0].severity = 4;
	e[0].calf_cramp_first = 1;
	nf_episode_init(&e[1]);
	e[1].severity = 0;
	assert_int_equal(nf_journal_add_run(j, &r, e, 2, NULL, &err), NF_OK);
	assert_true(r.id > 0);
	assert_int_equal(e[0].run_id, r.id);
	assert_true(e[1].id > e[0].id);

	nf_journal_run got;
	assert_int_equal(nf_journal_get_run(j, r.id, &got, &err), NF_OK);
	assert_int_equal(got.rec.start_time, 1795851000);
	assert_true(got.rec.distance_m == 10200);
	assert_string_equal(got.shoes, "ghost");
	assert_string_equal(got.notes, "hills");
	assert_string_equal(got.cadence_unit, "rpm");
	assert_true(isnan(got.rec.temperature_c));
	assert_int_equal(got.insoles_id, 0);

	nf_episode ge;
	assert_int_equal(nf_journal_get_episode(j, e[0].id, &ge, &err), NF_OK);
	assert_true(ge.onset_km == 8);
	assert_int_equal(ge.locations, e[0].locations);
	assert_int_equal(ge.side, NF_SIDE_ONE);
	assert_int_equal(ge.severity, 4);
	assert_int_equal(ge.calf_cramp_first, 1);
	assert_int_equal(ge.loosening_helped, -1);
	assert_true(isnan(ge.recover_min));
	ge.loosening_helped = 1;
	ge.recover_min = 5;
	assert_int_equal(nf_journal_update_episode(j, &ge, &err), NF_OK);
	assert_int_equal(nf_journal_get_episode(j, e[0].id, &ge, &err), NF_OK);
	assert_int_equal(ge.loosening_helped, 1);
	ge.severity = 11;
	assert_int_equal(nf_journal_update_episode(j, &ge, &err), NF_EINVAL);
	ge.severity = 4;

	/* Feeling not back when logged: kept; never with a number of minutes (refused, nothing
	 * changed); back to minutes again clears it. */
	assert_int_equal(ge.not_back, 0);
	ge.not_back = 1;
	assert_int_equal(nf_journal_update_episode(j, &ge, &err), NF_EINVAL);
	assert_non_null(strstr(err.msg, "not both"));
	ge.recover_min = NAN;
	assert_int_equal(nf_journal_update_episode(j, &ge, &err), NF_OK);
	assert_int_equal(nf_journal_get_episode(j, e[0].id, &ge, &err), NF_OK);
	assert_int_equal(ge.not_back, 1);
	assert_true(isnan(ge.recover_min));
	ge.not_back = 0;
	ge.recover_min = 5;
	assert_int_equal(nf_journal_update_episode(j, &ge, &err), NF_OK);
	assert_int_equal(nf_journal_get_episode(j, e[0].id, &ge, &err), NF_OK);
	assert_int_equal(ge.not_back, 0);
	assert_true(ge.recover_min == 5);

	/* Which foot: kept, and its side with it; a foot that contradicts the side is refused. */
	assert_int_equal(ge.foot, NF_FOOT_UNKNOWN);
	ge.foot = NF_FOOT_LEFT;
	assert_int_equal(nf_journal_update_episode(j, &ge, &err), NF_OK);
	assert_int_equal(nf_journal_get_episode(j, e[0].id, &ge, &err), NF_OK);
	assert_int_equal(ge.foot, NF_FOOT_LEFT);
	assert_int_equal(ge.side, NF_SIDE_ONE);
	ge.side = NF_SIDE_BOTH;
	assert_int_equal(nf_journal_update_episode(j, &ge, &err), NF_EINVAL);
	assert_non_null(strstr(err.msg, "the left foot is one foot"));
	ge.foot = NF_FOOT_BOTH;
	ge.side = NF_SIDE_ONE;
	assert_int_equal(nf_journal_update_episode(j, &ge, &err), NF_EINVAL);
	assert_non_null(strstr(err.msg, "both feet"));
	ge.foot = (nf_foot)7;
	ge.side = NF_SIDE_UNKNOWN;
	assert_int_equal(nf_journal_update_episode(j, &ge, &err), NF_EINVAL);
	assert_int_equal(nf_journal_get_episode(j, e[0].id, &ge, &err), NF_OK);
	assert_int_equal(ge.foot, NF_FOOT_LEFT); /* the refused updates changed nothing */
	/* A foot with an unknown side stores the foot's side. */
	nf_episode both;
	nf_episode_init(&both);
	both.run_id = r.id;
	both.foot = NF_FOOT_BOTH;
	assert_int_equal(nf_journal_add_episode(j, &both, &err), NF_OK);
	assert_int_equal(nf_journal_get_episode(j, both.id, &both, &err), NF_OK);
	assert_int_equal(both.side, NF_SIDE_BOTH);
	assert_int_equal(both.foot, NF_FOOT_BOTH);
	/* and both feet without a foot stores both as the foot */
	both.foot = NF_FOOT_UNKNOWN;
	assert_int_equal(nf_journal_update_episode(j, &both, &err), NF_OK);
	assert_int_equal(nf_journal_get_episode(j, both.id, &both, &err), NF_OK);
	assert_int_equal(both.foot, NF_FOOT_BOTH);
	assert_int_equal(nf_journal_delete_episode(j, both.id, &err), NF_OK);
	assert_string_equal(nf_foot_name(NF_FOOT_RIGHT), "right");
	assert_null(nf_foot_name(NF_FOOT_UNKNOWN));
	assert_int_equal(nf_foot_parse("both"), NF_FOOT_BOTH);
	assert_int_equal(nf_foot_parse("Left"), -1);
	assert_int_equal(nf_foot_parse(NULL), -1);
	assert_int_equal(nf_foot_side(NF_FOOT_RIGHT), NF_SIDE_ONE);
	assert_int_equal(nf_foot_side(NF_FOOT_UNKNOWN), NF_SIDE_UNKNOWN);

	/* A second, earlier run; list order and limit. */
	nf_journal_run r2 = tj_run(5, 1795000000);
	assert_int_equal(nf_journal_add_run(j, &r2, NULL, 0, NULL, &err), NF_OK);
	nf_journal_run *list;
	size_t n;
	assert_int_equal(nf_journal_list_runs(j, 0, &list, &n, &err), NF_OK);
	assert_int_equal(n, 2);
	assert_int_equal(list[0].id, r2.id);
	assert_int_equal(list[1].id, r.id);
	nf_journal_run_list_free(list);
	assert_int_equal(nf_journal_list_runs(j, 1, &list, &n, &err), NF_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].id, r.id);
	nf_journal_run_list_free(list);
	int64_t last;
	assert_int_equal(nf_journal_last_run(j, &last, &err), NF_OK);
	assert_int_equal(last, r.id);

	/* Update. */
	got.rec.distance_m = 11000;
	got.shoes_id = 0;
	assert_int_equal(nf_journal_update_run(j, &got, &err), NF_OK);
	assert_int_equal(nf_journal_get_run(j, r.id, &got, &err), NF_OK);
	assert_true(got.rec.distance_m == 11000);
	assert_string_equal(got.shoes, "");
	got.shoes_id = 999;
	assert_int_equal(nf_journal_update_run(j, &got, &err), NF_ENOTFOUND);
	got.id = 999;
	got.shoes_id = 0;
	assert_int_equal(nf_journal_update_run(j, &got, &err), NF_ENOTFOUND);

	/* Episodes of one run and of all. */
	nf_episode *eps;
	assert_int_equal(nf_journal_list_episodes(j, r.id, &eps, &n, &err), NF_OK);
	assert_int_equal(n, 2);
	nf_episode_list_free(eps);
	assert_int_equal(nf_journal_list_episodes(j, r2.id, &eps, &n, &err), NF_OK);
	assert_int_equal(n, 0);
	nf_episode_list_free(eps);
	nf_episode e3;
	nf_episode_init(&e3);
	e3.run_id = r2.id;
	assert_int_equal(nf_journal_add_episode(j, &e3, &err), NF_OK);
	assert_int_equal(nf_journal_list_episodes(j, 0, &eps, &n, &err), NF_OK);
	assert_int_equal(n, 3);
	assert_int_equal(eps[0].id, e3.id); /* the earlier run's first */
	nf_episode_list_free(eps);
	assert_int_equal(nf_journal_delete_episode(j, e3.id, &err), NF_OK);
	assert_int_equal(nf_journal_delete_episode(j, e3.id, &err), NF_ENOTFOUND);

	/* Deleting a run deletes its episodes (ON DELETE CASCADE). */
	assert_int_equal(nf_journal_delete_run(j, r.id, &err), NF_OK);
	nf_journal_counts c = tj_counts(j);
	assert_int_equal(c.runs, 1);
	assert_int_equal(c.episodes, 0);
	assert_int_equal(nf_journal_delete_run(j, r.id, &err), NF_ENOTFOUND);
	assert_int_equal(nf_journal_get_run(j, r.id, &got, &err), NF_ENOTFOUND);
	assert_int_equal(nf_journal_check(j, &err), NF_OK);
	nf_journal_close(j);
}

static void test_constraints(void **state)
{
	nf_journal *j = tj_open(tj_path("constraints"));
	nf_error err = {0};
	nf_episode e;
	nf_journal_run r = tj_run(5, 1795000000);
	/* An episode on a missing run. */
	nf_episode_init(&e);
	e.run_id = 42;
	assert_int_equal(nf_journal_add_episode(j, &e, &err), NF_ENOTFOUND);
	/* Out-of-range values. */
	assert_int_equal(nf_journal_add_run(j, &r, NULL, 0, NULL, &err), NF_OK);
	e.run_id = r.id;
	e.severity = 11;
	assert_int_equal(nf_journal_add_episode(j, &e, &err), NF_EINVAL);
	e.severity = 3;
	e.onset_km = -1;
	assert_int_equal(nf_journal_add_episode(j, &e, &err), NF_EINVAL);
	e.onset_km = NAN;
	e.locations = 1u << 20;
	assert_int_equal(nf_journal_add_episode(j, &e, &err), NF_EINVAL);
	e.locations = 0;
	e.side = (nf_side)7;
	assert_int_equal(nf_journal_add_episode(j, &e, &err), NF_EINVAL);
	nf_journal_run bad = tj_run(-1, 1795000000);
	assert_int_equal(nf_journal_add_run(j, &bad, NULL, 0, NULL, &err), NF_EINVAL);
	bad = tj_run(1, 1795000000);
	bad.shoes_id = 77;
	assert_int_equal(nf_journal_add_run(j, &bad, NULL, 0, NULL, &err), NF_ENOTFOUND);
	nf_gear ins;
	nf_gear_init(&ins, NF_GEAR_INSOLES);
	snprintf(ins.nickname, sizeof ins.nickname, "soles");
	assert_int_equal(nf_journal_add_gear(j, &ins, &err), NF_OK);
	bad.shoes_id = ins.id; /* insoles are not shoes */
	assert_int_equal(nf_journal_add_run(j, &bad, NULL, 0, NULL, &err), NF_EINVAL);
	assert_non_null(strstr(err.msg, "'soles' are insoles, not shoes"));
	bad.shoes_id = 0;
	snprintf(bad.rec.source_sha256, sizeof bad.rec.source_sha256, "xyz");
	assert_int_equal(nf_journal_add_run(j, &bad, NULL, 0, NULL, &err), NF_EINVAL);
	/* The schema refuses what the C checks would have caught, too. */
	assert_int_not_equal(sqlite3_exec(j->db, "INSERT INTO episodes(run_id, severity) VALUES(1, 11)",
					  NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(j->db, "INSERT INTO episodes(run_id, locations) VALUES(1, 'a;b')",
					  NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(j->db, "INSERT INTO episodes(run_id) VALUES(999)", NULL, NULL,
					  NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(j->db, "INSERT INTO episodes(run_id, foot) VALUES(1, 'middle')",
					  NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(j->db, "INSERT INTO episodes(run_id, foot, side) VALUES(1, 'left', 'both')",
					  NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(j->db, "INSERT INTO runs(start_time) VALUES('yesterday')", NULL,
					  NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(j->db, "INSERT INTO runs(distance_m) VALUES('far')", NULL,
					  NULL, NULL), SQLITE_OK); /* STRICT */
	nf_journal_counts c = tj_counts(j);
	assert_int_equal(c.runs, 1);
	assert_int_equal(c.episodes, 0);
	/* Vocabulary. */
	uint32_t set;
	assert_int_equal(nf_location_parse_list("dorsum,toes_all", &set, &err), NF_OK);
	assert_int_equal(set, 1u << 7 | 1u << 0);
	assert_int_equal(nf_location_parse_list("dorsum,ankle", &set, &err), NF_EPARSE);
	assert_non_null(strstr(err.msg, "ankle"));
	assert_string_equal(nf_location_name(NF_LOCATION_COUNT - 1), "lower_leg");
	assert_null(nf_location_name(NF_LOCATION_COUNT));
	nf_journal_close(j);
}

/* The journal's places (which bit is which place: lib/journal/journal.c, its one list, append
 * only) are the vocabulary's location values, in its order: the commands' --where, the episodes'
 * JSON and the analysis's answers all name them through nf_location_name. */
static void test_locations_are_the_vocabularys(void **state)
{
	(void)state;
	json_error_t je;
	json_t *vocab = json_load_file("kb/vocabulary.json", 0, &je), *values = NULL, *f;
	size_t i;
	if (!vocab)
		fail_msg("kb/vocabulary.json: line %d: %s", je.line, je.text);
	json_array_foreach(json_object_get(vocab, "findings"), i, f)
	{
		const char *id = json_string_value(json_object_get(f, "id"));
		if (id && !strcmp(id, "location"))
			values = json_object_get(f, "values");
	}
	assert_true(json_is_array(values));
	assert_int_equal(json_array_size(values), NF_LOCATION_COUNT);
	for (int k = 0; k < NF_LOCATION_COUNT; k++) {
		const char *v = json_string_value(json_array_get(values, (size_t)k));
		assert_non_null(v);
		assert_string_equal(nf_location_name(k), v);
		assert_int_equal(nf_location_index(v), k);
	}
	json_decref(vocab);
}

static void test_duplicate_source(void **state)
{
	nf_journal *j = tj_open(tj_path("dup"));
	nf_error err = {0};
	nf_journal_run r = tj_run(5, 1795000000);
	snprintf(r.rec.source_file, sizeof r.rec.source_file, "a.fit");
	memset(r.rec.source_sha256, 'A', 64);
	r.rec.source_sha256[64] = '\0';
	assert_int_equal(nf_journal_add_run(j, &r, NULL, 0, NULL, &err), NF_OK);
	int64_t id;
	assert_int_equal(nf_journal_find_source(j, r.rec.source_sha256, &id, &err), NF_OK);
	assert_int_equal(id, r.id);
	nf_journal_run again = r;
	nf_episode e;
	nf_episode_init(&e);
	again.rec.source_sha256[0] = 'a'; /* hashes compare without case */
	assert_int_equal(nf_journal_add_run(j, &again, &e, 1, NULL, &err), NF_EEXIST);
	assert_non_null(strstr(err.msg, "a.fit"));
	nf_journal_counts c = tj_counts(j);
	assert_int_equal(c.runs, 1);
	assert_int_equal(c.episodes, 0);
	assert_int_equal(e.id, 0);
	assert_int_equal(nf_journal_find_source(j, "00", &id, &err), NF_OK);
	assert_int_equal(id, 0);
	nf_journal_close(j);
}

/* A run read from a file, as the importers give it. */
static nf_run_record file_run(const char *name, char hash, int64_t start, double km)
{
	nf_run_record r;
	nf_run_record_init(&r);
	r.start_time = start;
	r.distance_m = km * 1000;
	r.moving_s = km * 330;
	r.cadence_spm = 170;
	snprintf(r.source_file, sizeof r.source_file, "%s", name);
	memset(r.source_sha256, hash, 64);
	r.source_sha256[64] = '\0';
	return r;
}

/* The intake's rules: the same file or the same activity from another file is not stored twice,
 * gear comes by date or by an export's name (made once, dated at its earliest run), and a value
 * the journal refuses is that run's alone. */
static void test_intake(void **state)
{
	nf_journal *j = tj_open(tj_path("intake"));
	nf_error err = {0};
	nf_intake *in;
	nf_intake_opts o;
	nf_intake_run res;
	char words[NF_ERROR_MSG_MAX];
	nf_intake_opts_init(&o);
	assert_int_equal(o.shoes, -1);
	assert_int_equal(nf_intake_open(j, &o, &in, &err), NF_OK);

	nf_run_record a = file_run("a.fit", 'A', 1795000000, 10);
	assert_int_equal(nf_intake_store(in, &a, NULL, 0, NULL, &res, &err), NF_OK);
	assert_int_equal(res.status, NF_INTAKE_STORED);
	int64_t first = res.run_id;
	nf_journal_run got;
	assert_int_equal(nf_journal_get_run(j, first, &got, &err), NF_OK);
	assert_string_equal(got.cadence_unit, "spm");
	assert_int_equal(got.shoes_id, 0); /* no pair was in service */

	assert_int_equal(nf_intake_store(in, &a, NULL, 0, NULL, &res, &err), NF_OK);
	assert_int_equal(res.status, NF_INTAKE_DUPLICATE);
	assert_int_equal(res.run_id, first);
	nf_intake_words(&res, "given/a.fit", words, sizeof words);
	assert_non_null(strstr(words, "given/a.fit: already in the journal as run"));

	nf_run_record tcx = file_run("a.tcx", 'B', 1795000020, 10.05);
	assert_int_equal(nf_intake_store(in, &tcx, NULL, 0, NULL, &res, &err), NF_OK);
	assert_int_equal(res.status, NF_INTAKE_SAME_RUN);
	assert_int_equal(res.run_id, first);

	/* An export names the shoes: made once, for both runs, and dated at the earlier. */
	nf_run_record late = file_run("c.fit", 'C', 1795600000, 8), early = file_run("d.fit", 'D', 1794000000, 8);
	assert_int_equal(nf_intake_store(in, &late, NULL, 0, "Red racers", &res, &err), NF_OK);
	assert_true(res.made_shoes);
	int64_t shoes = res.shoes_id;
	assert_true(shoes > 0);
	assert_int_equal(nf_intake_store(in, &early, NULL, 0, "Red racers", &res, &err), NF_OK);
	assert_false(res.made_shoes);
	assert_int_equal(res.shoes_id, shoes);
	/* A CSV cell's spaces are not the name's; a name no pair may have (Strava's "none") makes no
	 * pair, and the run is given one by its date. */
	nf_run_record spaced = file_run("f.fit", 'F', 1795700000, 8), nonep = file_run("g.fit", '9', 1795800000, 8);
	assert_int_equal(nf_intake_store(in, &spaced, NULL, 0, "  Red racers ", &res, &err), NF_OK);
	assert_false(res.made_shoes);
	assert_int_equal(res.shoes_id, shoes);
	assert_int_equal(nf_intake_store(in, &nonep, NULL, 0, "none", &res, &err), NF_OK);
	assert_int_equal(res.status, NF_INTAKE_STORED);
	assert_false(res.made_shoes);
	assert_int_equal(res.shoes_id, shoes); /* the pair in service that day, as with no name */
	nf_gear none;
	assert_int_equal(nf_journal_find_gear(j, "none", &none, &err), NF_ENOTFOUND);

	nf_run_record bad = file_run("e.fit", 'E', 1795900000, 10);
	bad.heart_rate_bpm = -1;
	assert_int_equal(nf_intake_store(in, &bad, NULL, 0, NULL, &res, &err), NF_OK);
	assert_int_equal(res.status, NF_INTAKE_REFUSED);
	nf_intake_words(&res, "e.fit", words, sizeof words);
	assert_non_null(strstr(words, "e.fit: "));
	assert_int_equal(nf_intake_close(in, &err), NF_OK);

	nf_gear g;
	assert_int_equal(nf_journal_get_gear(j, shoes, &g, &err), NF_OK);
	char iso[32];
	nf_time_iso(1794000000, iso, sizeof iso);
	assert_memory_equal(g.first_use, iso, 10);
	assert_int_equal(tj_counts(j).runs, 5);
	nf_journal_close(j);
}

/* Values no run has are refused by the journal itself (the web API's posts go through it), with
 * the importer's limits; an onset must fall within its run, on add, edit and run edit alike. */
static void test_impossible_runs(void **state)
{
	nf_journal *j = tj_open(tj_path("impossible"));
	nf_error err = {0};
	nf_journal_run r = tj_run(5, 1795000000);
	r.rec.cadence_spm = 20;
	assert_int_equal(nf_journal_add_run(j, &r, NULL, 0, NULL, &err), NF_EINVAL);
	assert_non_null(strstr(err.msg, "cadence 20 steps per minute is not a run's (120 to 250)"));
	r.rec.cadence_spm = NF_RUN_CADENCE_MAX + 1;
	assert_int_equal(nf_journal_add_run(j, &r, NULL, 0, NULL, &err), NF_EINVAL);
	r = tj_run(10, 1795000000);
	r.rec.moving_s = r.rec.elapsed_s = 300; /* 33 m/s */
	assert_int_equal(nf_journal_add_run(j, &r, NULL, 0, NULL, &err), NF_EINVAL);
	assert_non_null(strstr(err.msg, "faster than anyone runs"));
	r.rec.start_time = -5000;
	r.rec.moving_s = r.rec.elapsed_s = 3000;
	assert_int_equal(nf_journal_add_run(j, &r, NULL, 0, NULL, &err), NF_EINVAL);
	assert_non_null(strstr(err.msg, "1970-01-01 to 2199-12-31"));
	assert_int_equal(tj_counts(j).runs, 0);

	/* An onset past the end in minutes, on a new run: neither the run nor the episode stays. */
	nf_episode e;
	nf_episode_init(&e);
	e.onset_min = 90;
	r = tj_run(5, 1795000000);
	r.rec.moving_s = r.rec.elapsed_s = 1800;
	assert_int_equal(nf_journal_add_run(j, &r, &e, 1, NULL, &err), NF_EINVAL);
	assert_string_equal(err.msg, "an onset at 90 min is past the end of this run of 30:00");
	assert_int_equal(tj_counts(j).runs, 0);
	/* In km: the run never stored is "this run", not the id its rolled-back insert had. */
	e.onset_min = NAN;
	e.onset_km = 8;
	assert_int_equal(nf_journal_add_run(j, &r, &e, 1, NULL, &err), NF_EINVAL);
	assert_string_equal(err.msg, "an onset at 8.00 km is past the end of this 5.00 km run");
	assert_int_equal(tj_counts(j).runs, 0);
	e.onset_km = NAN;
	e.onset_min = 30;
	r.rec.cadence_spm = NF_RUN_CADENCE_MIN;
	assert_int_equal(nf_journal_add_run(j, &r, &e, 1, NULL, &err), NF_OK);

	nf_episode later;
	nf_episode_init(&later);
	later.run_id = r.id;
	later.onset_km = 9;
	assert_int_equal(nf_journal_add_episode(j, &later, &err), NF_EINVAL);
	assert_non_null(strstr(err.msg, "an onset at 9.00 km is past the end of run"));
	later.onset_km = 4;
	assert_int_equal(nf_journal_add_episode(j, &later, &err), NF_OK);
	later.onset_km = 6;
	assert_int_equal(nf_journal_update_episode(j, &later, &err), NF_EINVAL);

	/* A run edit that would end the run before its numbness. */
	nf_journal_run got;
	assert_int_equal(nf_journal_get_run(j, r.id, &got, &err), NF_OK);
	got.rec.distance_m = 3000;
	assert_int_equal(nf_journal_update_run(j, &got, &err), NF_EINVAL);
	assert_non_null(strstr(err.msg, "numbness recorded at 4.00 km"));
	got.rec.distance_m = 5000;
	got.rec.moving_s = got.rec.elapsed_s = 1200;
	assert_int_equal(nf_journal_update_run(j, &got, &err), NF_EINVAL);
	assert_non_null(strstr(err.msg, "30 min, past a time of 20 min"));
	got.rec.moving_s = got.rec.elapsed_s = 1900;
	assert_int_equal(nf_journal_update_run(j, &got, &err), NF_OK);
	assert_int_equal(tj_counts(j).episodes, 2);
	nf_journal_close(j);
}

/* A run like one stored: any run for run add, typed runs only for an import, which then keeps the
 * typed run and its episode. */
static void test_like_runs(void **state)
{
	nf_journal *j = tj_open(tj_path("like"));
	nf_error err = {0};
	int64_t id;
	nf_episode e;
	nf_episode_init(&e);
	e.onset_km = 3;
	nf_journal_run typed = tj_run(4.69, 1795000000);
	assert_int_equal(nf_journal_add_run(j, &typed, &e, 1, NULL, &err), NF_OK);

	nf_run_record q = typed.rec;
	q.start_time += NF_LIKE_RUN_START_S;
	q.distance_m *= 1 - NF_LIKE_RUN_DIST * 0.9;
	assert_int_equal(nf_journal_find_like_run(j, &q, false, &id, &err), NF_OK);
	assert_int_equal(id, typed.id);
	q.start_time += 1;
	assert_int_equal(nf_journal_find_like_run(j, &q, false, &id, &err), NF_OK);
	assert_int_equal(id, 0);
	q.start_time = typed.rec.start_time;
	q.distance_m = typed.rec.distance_m * 1.15;
	assert_int_equal(nf_journal_find_like_run(j, &q, false, &id, &err), NF_OK);
	assert_int_equal(id, 0);

	nf_intake *in;
	nf_intake_opts o;
	nf_intake_run res;
	char words[NF_ERROR_MSG_MAX];
	nf_intake_opts_init(&o);
	assert_int_equal(nf_intake_open(j, &o, &in, &err), NF_OK);
	nf_run_record f = file_run("w.tcx", '1', 1795000000 + 30, 4.70);
	assert_int_equal(nf_intake_store(in, &f, NULL, 0, NULL, &res, &err), NF_OK);
	assert_int_equal(res.status, NF_INTAKE_TYPED_RUN);
	assert_int_equal(res.run_id, typed.id);
	nf_intake_words(&res, "w.tcx", words, sizeof words);
	assert_non_null(strstr(words, "w.tcx: looks like run"));
	/* An imported run is not "typed", but a second file 2 minutes off and 5% longer overlaps it:
	 * one person runs one run at a time, so it is refused, naming the stored run, and its
	 * kilometres are not counted twice. */
	nf_run_record g = file_run("x.fit", '2', 1795100000, 10);
	assert_int_equal(nf_intake_store(in, &g, NULL, 0, NULL, &res, &err), NF_OK);
	assert_int_equal(res.status, NF_INTAKE_STORED);
	int64_t g_id = res.run_id;
	nf_run_record h = file_run("y.fit", '3', 1795100000 + 120, 10.5);
	assert_int_equal(nf_journal_find_like_run(j, &h, true, &id, &err), NF_OK);
	assert_int_equal(id, 0);
	assert_int_equal(nf_intake_store(in, &h, NULL, 0, NULL, &res, &err), NF_OK);
	assert_int_equal(res.status, NF_INTAKE_REFUSED);
	assert_int_equal(res.run_id, g_id);
	nf_intake_words(&res, "y.fit", words, sizeof words);
	assert_non_null(strstr(words, "y.fit: its time overlaps run"));
	assert_non_null(strstr(words, "imported from x.fit"));
	assert_int_equal(nf_intake_close(in, &err), NF_OK);
	assert_int_equal(tj_counts(j).runs, 2);
	assert_int_equal(tj_counts(j).episodes, 1);
	nf_journal_close(j);
}

/* A clash for run add and run edit: a run like another, else one that overlaps it in time (the
 * run being edited left out; two runs of unknown length never overlap); and a typed run held to
 * runners' records. */
static void test_clashes_and_typed_limits(void **state)
{
	nf_journal *j = tj_open(tj_path("clash"));
	nf_error err = {0};
	int64_t id;
	bool overlap;
	nf_journal_run a = tj_run(10, 1795000000); /* 10 km, 3400 s elapsed */
	assert_int_equal(nf_journal_add_run(j, &a, NULL, 0, NULL, &err), NF_OK);
	nf_run_record q = a.rec;
	assert_int_equal(nf_journal_find_clash(j, &q, 0, &id, &overlap, &err), NF_OK);
	assert_int_equal(id, a.id);
	assert_false(overlap);
	assert_int_equal(nf_journal_find_clash(j, &q, a.id, &id, &overlap, &err), NF_OK);
	assert_int_equal(id, 0);
	q.start_time += 1800; /* inside a, another distance */
	q.distance_m = 5000;
	assert_int_equal(nf_journal_find_clash(j, &q, 0, &id, &overlap, &err), NF_OK);
	assert_int_equal(id, a.id);
	assert_true(overlap);
	q.moving_s = q.elapsed_s = NAN; /* its start alone, still inside a */
	assert_int_equal(nf_journal_find_clash(j, &q, 0, &id, &overlap, &err), NF_OK);
	assert_int_equal(id, a.id);
	q.start_time = a.rec.start_time + 3400; /* starts as a ends */
	assert_int_equal(nf_journal_find_clash(j, &q, 0, &id, &overlap, &err), NF_OK);
	assert_int_equal(id, 0);
	q.start_time = a.rec.start_time - 600; /* before a, running into it */
	q.moving_s = q.elapsed_s = 900;
	assert_int_equal(nf_journal_find_clash(j, &q, 0, &id, &overlap, &err), NF_OK);
	assert_int_equal(id, a.id);
	q.moving_s = q.elapsed_s = 600; /* ends as a starts */
	assert_int_equal(nf_journal_find_clash(j, &q, 0, &id, &overlap, &err), NF_OK);
	assert_int_equal(id, 0);

	/* An edit of a run that already overlapped a (stored with force) is refused only when it lays
	 * the run over another: a new distance alone was a 409 "overlaps run a". */
	nf_journal_run b = tj_run(5, a.rec.start_time + 1800);
	nf_journal_run c = tj_run(5, a.rec.start_time + 7200);
	assert_int_equal(nf_journal_add_run(j, &b, NULL, 0, NULL, &err), NF_OK);
	assert_int_equal(nf_journal_add_run(j, &c, NULL, 0, NULL, &err), NF_OK);
	q = b.rec;
	q.distance_m = 500;
	assert_int_equal(nf_journal_find_clash(j, &q, b.id, &id, &overlap, &err), NF_OK);
	assert_int_equal(id, 0);
	q.start_time += 4000; /* now over c, which it did not overlap before */
	assert_int_equal(nf_journal_find_clash(j, &q, b.id, &id, &overlap, &err), NF_OK);
	assert_int_equal(id, c.id);
	assert_true(overlap);
	q = c.rec; /* c moved into b's time, another distance, is laid over b, which it did not overlap */
	q.start_time = b.rec.start_time + 600;
	q.distance_m = 3000;
	assert_int_equal(nf_journal_find_clash(j, &q, c.id, &id, &overlap, &err), NF_OK);
	assert_int_equal(id, b.id);
	assert_true(overlap);
	assert_int_equal(nf_journal_delete_run(j, b.id, &err), NF_OK);
	assert_int_equal(nf_journal_delete_run(j, c.id, &err), NF_OK);

	/* Typed: 10 km in 24:00 (2:24/km) is a slip, 25:00 is the bound; 2 km in 4:00 too; a heart
	 * rate of 39 as well. A file's run is held to the GPS rule only. */
	nf_journal_run r = tj_run(10, 1796000000);
	r.rec.moving_s = r.rec.elapsed_s = 1440;
	assert_int_equal(nf_journal_add_run(j, &r, NULL, 0, NULL, &err), NF_EINVAL);
	assert_non_null(strstr(err.msg, "a pace of 2:24/km, faster than any runner over 5 km or more"));
	r.rec.moving_s = r.rec.elapsed_s = 1500;
	r.rec.heart_rate_bpm = 39;
	assert_int_equal(nf_journal_add_run(j, &r, NULL, 0, NULL, &err), NF_EINVAL);
	assert_non_null(strstr(err.msg, "heart rate of 39 bpm is not a runner's"));
	r.rec.heart_rate_bpm = 40;
	assert_int_equal(nf_journal_add_run(j, &r, NULL, 0, NULL, &err), NF_OK);
	r = tj_run(2, 1797000000);
	r.rec.moving_s = r.rec.elapsed_s = 240;
	assert_int_equal(nf_journal_add_run(j, &r, NULL, 0, NULL, &err), NF_EINVAL);
	assert_non_null(strstr(err.msg, "over 1 km or more"));
	nf_run_record f = file_run("fast.fit", '7', 1797000000, 10);
	nf_journal_run fr;
	nf_journal_run_init(&fr);
	fr.rec = f;
	fr.rec.moving_s = fr.rec.elapsed_s = 1440;
	assert_int_equal(nf_journal_add_run(j, &fr, NULL, 0, NULL, &err), NF_OK);
	nf_journal_close(j);
}

/* A nickname must be one that can be typed back to choose the pair: 'none' in any case, blanks,
 * spaces at either end, control and invisible characters and a leading '-' are refused on add and
 * on rename, nothing stored; other letters (accents, emoji) are names; a pair stored before the
 * rule keeps its name while its other fields change. */
static void test_gear_nickname_rule(void **state)
{
	nf_journal *j = tj_open(tj_path("nick"));
	nf_error err = {0};
	static const struct {
		const char *name, *why;
	} bad[] = {
	    {"none", "the word for no gear"},
	    {"NoNe", "the word for no gear"},
	    {" ", "only spaces"},
	    {"\xc2\xa0", "only spaces"},
	    {" peg2 ", "begins or ends with a space"},
	    {"peg2 ", "begins or ends with a space"},
	    {"--force", "begins with '-'"},
	    {"a\xe2\x80\x8b" "b", "invisible character (U+200B, at byte 2)"},
	    {"\xef\xbb\xbfpeg", "invisible character (U+FEFF"},
	    {"a\tb", "control character (U+0009"},
	    {"a\x1b[31m", "control character (U+001B"},
	};
	nf_gear g;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		nf_gear_init(&g, NF_GEAR_SHOES);
		snprintf(g.nickname, sizeof g.nickname, "%s", bad[i].name);
		assert_int_equal(nf_journal_add_gear(j, &g, &err), NF_EINVAL);
		assert_non_null(strstr(err.msg, bad[i].why));
	}
	nf_gear *list = NULL;
	size_t n = 99;
	assert_int_equal(nf_journal_list_gear(j, true, &list, &n, &err), NF_OK);
	assert_int_equal(n, 0);
	nf_gear_list_free(list);

	int64_t id = tj_add_shoes(j, "P\xc3\xa9gase", 0);
	assert_int_equal(nf_journal_get_gear(j, id, &g, &err), NF_OK);
	snprintf(g.nickname, sizeof g.nickname, "none");
	assert_int_equal(nf_journal_update_gear(j, &g, &err), NF_EINVAL);
	assert_non_null(strstr(err.msg, "the word for no gear"));
	assert_int_equal(nf_journal_get_gear(j, id, &g, &err), NF_OK);
	assert_string_equal(g.nickname, "P\xc3\xa9gase");

	/* A name from before the rule: its other fields can still be changed. */
	char *sql = sqlite3_mprintf("UPDATE gear SET nickname = ' old ' WHERE id = %lld", (long long)id);
	assert_int_equal(sqlite3_exec(j->db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_free(sql);
	assert_int_equal(nf_journal_get_gear(j, id, &g, &err), NF_OK);
	g.retire_km = 700;
	assert_int_equal(nf_journal_update_gear(j, &g, &err), NF_OK);

	/* Two names from before names were told apart regardless of case: each found by its exact
	 * name, neither by a third spelling, which would have to guess. */
	nf_gear a, b;
	nf_gear_init(&a, NF_GEAR_SHOES);
	snprintf(a.nickname, sizeof a.nickname, "Clif");
	assert_int_equal(nf_journal_add_gear(j, &a, &err), NF_OK);
	assert_int_equal(sqlite3_exec(j->db, "INSERT INTO gear(kind, nickname) VALUES('shoes', 'clif')", NULL, NULL,
				      NULL), SQLITE_OK);
	assert_int_equal(nf_journal_find_gear(j, "Clif", &b, &err), NF_OK);
	assert_int_equal(b.id, a.id);
	assert_int_equal(nf_journal_find_gear(j, "clif", &b, &err), NF_OK);
	assert_int_not_equal(b.id, a.id);
	assert_int_equal(nf_journal_find_gear(j, "CLIF", &b, &err), NF_ENOTFOUND);
	nf_journal_close(j);
}

/* A pair's dates hold its runs: a typed run, an edit of a run's day or pair, and a period's
 * gear refused outside the pair's first use and retirement, naming both dates, nothing changed;
 * a first use after the pair's first run and a retirement before the first use refused too. */
static void test_gear_dates_hold_runs(void **state)
{
	nf_journal *j = tj_open(tj_path("geardates"));
	nf_error err = {0};
	nf_gear g;
	int64_t peg = tj_add_shoes(j, "peg", 0);
	assert_int_equal(nf_journal_get_gear(j, peg, &g, &err), NF_OK);
	snprintf(g.first_use, sizeof g.first_use, "2026-01-01");
	assert_int_equal(nf_journal_update_gear(j, &g, &err), NF_OK);
	int64_t gone = tj_add_shoes(j, "gone", 0);
	assert_int_equal(nf_journal_retire_gear(j, gone, "2026-02-01", &err), NF_OK);

	nf_journal_run r = tj_run(10, 1767268800); /* 2026-01-01T12:00Z */
	r.shoes_id = peg;
	assert_int_equal(nf_journal_add_run(j, &r, NULL, 0, NULL, &err), NF_OK);
	nf_journal_run early = tj_run(10, 1767268800 - 86400); /* 2025-12-31 */
	early.shoes_id = peg;
	assert_int_equal(nf_journal_add_run(j, &early, NULL, 0, NULL, &err), NF_EINVAL);
	assert_non_null(strstr(err.msg, "shoes 'peg' were first used on 2026-01-01, after this run on 2025-12-31"));
	assert_int_equal(nf_journal_gear_in_service(j, peg, early.rec.start_time, &err), NF_EINVAL);
	assert_int_equal(nf_journal_gear_in_service(j, peg, r.rec.start_time, &err), NF_OK);
	early.shoes_id = 0;
	assert_int_equal(nf_journal_add_run(j, &early, NULL, 0, NULL, &err), NF_OK);

	/* Edits: into a retired pair after its retirement, or a run moved before its pair's first use. */
	nf_journal_run later = tj_run(8, 1767268800 + 60 * 86400); /* 2026-03-02 */
	assert_int_equal(nf_journal_add_run(j, &later, NULL, 0, NULL, &err), NF_OK);
	later.shoes_id = gone;
	assert_int_equal(nf_journal_update_run(j, &later, &err), NF_EINVAL);
	assert_non_null(strstr(err.msg, "were retired on 2026-02-01, before run"));
	nf_journal_run moved = r;
	moved.rec.start_time -= 86400;
	assert_int_equal(nf_journal_update_run(j, &moved, &err), NF_EINVAL);
	/* Notes change on a run whose day and pair stay: not asked again. */
	snprintf(r.notes, sizeof r.notes, "easy");
	assert_int_equal(nf_journal_update_run(j, &r, &err), NF_OK);

	/* A period's gear: refused when one of its runs lies outside the pair's dates. */
	int64_t n = -1;
	assert_int_equal(nf_journal_set_gear_between(j, NF_GEAR_SHOES, gone, 1767225600 - 86400, 1767225600 + 90 * 86400, &n, &err),
			 NF_EINVAL);
	assert_non_null(strstr(err.msg, "shoes 'gone'"));
	assert_int_equal(nf_journal_set_gear_between(j, NF_GEAR_SHOES, peg, 1767225600 - 86400, 1767225600 + 86400, &n, &err),
			 NF_EINVAL);
	assert_non_null(strstr(err.msg, "first used on 2026-01-01, after run"));
	assert_int_equal(nf_journal_set_gear_between(j, NF_GEAR_SHOES, peg, 1767225600, 1767225600 + 86400, &n, &err), NF_OK);

	/* The pair's own dates: a first use after its first run; a retirement before its first use. */
	assert_int_equal(nf_journal_get_gear(j, peg, &g, &err), NF_OK);
	snprintf(g.first_use, sizeof g.first_use, "2026-01-02");
	assert_int_equal(nf_journal_update_gear(j, &g, &err), NF_EINVAL);
	assert_non_null(strstr(err.msg, "'peg' were run in on 2026-01-01"));
	snprintf(g.first_use, sizeof g.first_use, "2026-01-01");
	snprintf(g.retired, sizeof g.retired, "2025-06-01");
	assert_int_equal(nf_journal_update_gear(j, &g, &err), NF_EINVAL);
	int64_t newp = tj_add_shoes(j, "newp", 0);
	assert_int_equal(nf_journal_get_gear(j, newp, &g, &err), NF_OK);
	snprintf(g.first_use, sizeof g.first_use, "2026-06-01");
	assert_int_equal(nf_journal_update_gear(j, &g, &err), NF_OK);
	assert_int_equal(nf_journal_retire_gear(j, newp, "2026-01-01", &err), NF_EINVAL);
	assert_non_null(strstr(err.msg, "'newp' were first used on 2026-06-01: a retirement on 2026-01-01 would come before that"));
	nf_gear_init(&g, NF_GEAR_SHOES);
	snprintf(g.nickname, sizeof g.nickname, "odd");
	snprintf(g.first_use, sizeof g.first_use, "2026-06-01");
	snprintf(g.retired, sizeof g.retired, "2026-05-01");
	assert_int_equal(nf_journal_add_gear(j, &g, &err), NF_EINVAL);
	nf_journal_close(j);
}

/* An edit of an imported run types its distance or time by hand: held to the typed pace, nothing
 * changed when refused; an edit that leaves both as the file gave them is not held to it. */
static void test_edit_imported_typed_pace(void **state)
{
	nf_journal *j = tj_open(tj_path("editpace"));
	nf_error err = {0};
	nf_journal_run fr, got;
	nf_journal_run_init(&fr);
	fr.rec = file_run("fast.fit", '8', 1797000000, 10);
	fr.rec.moving_s = fr.rec.elapsed_s = 1440; /* 2:24/km from the file: the GPS rule only */
	assert_int_equal(nf_journal_add_run(j, &fr, NULL, 0, NULL, &err), NF_OK);
	snprintf(fr.notes, sizeof fr.notes, "from the watch");
	assert_int_equal(nf_journal_update_run(j, &fr, &err), NF_OK);
	fr.rec.moving_s = fr.rec.elapsed_s = 1300; /* typed: 2:10/km over 10 km */
	assert_int_equal(nf_journal_update_run(j, &fr, &err), NF_EINVAL);
	assert_non_null(strstr(err.msg, "a pace of 2:10/km, faster than any runner over 5 km or more"));
	assert_int_equal(nf_journal_get_run(j, fr.id, &got, &err), NF_OK);
	assert_true(got.rec.moving_s == 1440);
	fr.rec.moving_s = fr.rec.elapsed_s = 1440;
	fr.rec.distance_m = 4690; /* 4.69 km in 24:00 is fine */
	assert_int_equal(nf_journal_update_run(j, &fr, &err), NF_OK);
	fr.rec.moving_s = fr.rec.elapsed_s = 600; /* 4.69 km in 10:00: 2:08/km */
	assert_int_equal(nf_journal_update_run(j, &fr, &err), NF_EINVAL);
	assert_non_null(strstr(err.msg, "over 1 km or more"));
	nf_journal_close(j);
}

/* import --merge: the typed run keeps its id, notes and episode and takes the file's measures,
 * route and source; a file that would end the run before its numbness is refused with nothing
 * written; a run from a file takes no other. */
static void test_merge_file(void **state)
{
	nf_journal *j = tj_open(tj_path("merge"));
	nf_error err = {0};
	nf_episode e;
	nf_episode_init(&e);
	e.onset_km = 3;
	nf_journal_run typed = tj_run(4.69, 1795000000);
	snprintf(typed.notes, sizeof typed.notes, "typed");
	assert_int_equal(nf_journal_add_run(j, &typed, &e, 1, NULL, &err), NF_OK);
	nf_run_record f = file_run("w.fit", '1', 1795000000 + 30, 4.70);
	f.heart_rate_bpm = 151;
	f.cadence_spm = 172;
	nf_track_point pts[2] = {{45.0, 6.0, 0, 0}, {45.01, 6.0, 4700, 1500}};
	/* Too short for the episode at 3 km: refused, the run as it was. */
	nf_run_record shorter = f;
	shorter.distance_m = 2500;
	assert_int_equal(nf_journal_merge_file(j, typed.id, &shorter, pts, 2, &err), NF_EINVAL);
	nf_journal_run got;
	assert_int_equal(nf_journal_get_run(j, typed.id, &got, &err), NF_OK);
	assert_string_equal(got.rec.source_file, "");
	assert_true(isnan(got.rec.heart_rate_bpm));

	assert_int_equal(nf_journal_merge_file(j, typed.id, &f, pts, 2, &err), NF_OK);
	assert_int_equal(nf_journal_get_run(j, typed.id, &got, &err), NF_OK);
	assert_int_equal(got.rec.start_time, f.start_time);
	assert_true(fabs(got.rec.distance_m - 4700) < 1e-6);
	assert_true(fabs(got.rec.heart_rate_bpm - 151) < 1e-9);
	assert_true(fabs(got.rec.cadence_spm - 172) < 1e-9);
	assert_string_equal(got.rec.source_file, "w.fit");
	assert_string_equal(got.notes, "typed");
	nf_track_point *tr;
	size_t n;
	assert_int_equal(nf_journal_get_track(j, typed.id, &tr, &n, &err), NF_OK);
	assert_int_equal(n, 2);
	free(tr);
	assert_int_equal(tj_counts(j).runs, 1);
	assert_int_equal(tj_counts(j).episodes, 1);
	/* Now a file's run: nothing more to take into it. */
	nf_run_record g = file_run("x.fit", '2', 1795000000, 4.7);
	assert_int_equal(nf_journal_merge_file(j, typed.id, &g, NULL, 0, &err), NF_EINVAL);
	assert_non_null(strstr(err.msg, "came from a file"));
	nf_journal_close(j);
}

/* A pair's use (runs, runs with numbness, the latest), and a retirement before its latest run
 * refused by retire and by an edit of the retirement date alike. */
static void test_gear_use_and_retire(void **state)
{
	nf_journal *j = tj_open(tj_path("gearuse"));
	nf_error err = {0};
	int64_t old = tj_add_shoes(j, "old", 0);
	nf_gear_use u;
	assert_int_equal(nf_journal_gear_use(j, old, &u, &err), NF_OK);
	assert_int_equal(u.runs, 0);
	assert_int_equal(u.last_start, -1);
	nf_episode e;
	nf_episode_init(&e);
	e.onset_km = 2;
	for (int k = 0; k < 3; k++) {
		nf_journal_run r = tj_run(5, 1795000000 + k * 86400);
		r.shoes_id = old;
		assert_int_equal(nf_journal_add_run(j, &r, &e, k == 1 ? 1 : 0, NULL, &err), NF_OK);
	}
	assert_int_equal(nf_journal_gear_use(j, old, &u, &err), NF_OK);
	assert_int_equal(u.runs, 3);
	assert_int_equal(u.runs_numb, 1);
	assert_int_equal(u.last_start, 1795000000 + 2 * 86400);
	assert_int_equal(nf_journal_gear_use(j, old + 100, &u, &err), NF_ENOTFOUND);

	char last[32];
	nf_time_iso(1795000000 + 2 * 86400, last, sizeof last);
	last[10] = '\0';
	assert_int_equal(nf_journal_retire_gear(j, old, "2026-01-01", &err), NF_EINVAL);
	assert_non_null(strstr(err.msg, "'old' were run in on"));
	nf_gear g;
	assert_int_equal(nf_journal_get_gear(j, old, &g, &err), NF_OK);
	assert_string_equal(g.retired, "");
	snprintf(g.retired, sizeof g.retired, "2026-01-01");
	assert_int_equal(nf_journal_update_gear(j, &g, &err), NF_EINVAL);
	assert_int_equal(nf_journal_retire_gear(j, old, last, &err), NF_OK);
	nf_journal_close(j);
}

static void test_wear(void **state)
{
	nf_journal *j = tj_open(tj_path("wear"));
	nf_error err = {0};
	int64_t shoes = tj_add_shoes(j, "old", 790);
	nf_gear ins;
	nf_gear_init(&ins, NF_GEAR_INSOLES);
	assert_true(isnan(ins.retire_km));
	snprintf(ins.nickname, sizeof ins.nickname, "soles");
	assert_int_equal(nf_journal_add_gear(j, &ins, &err), NF_OK);
	nf_gear g;
	assert_int_equal(nf_journal_get_gear(j, shoes, &g, &err), NF_OK);
	assert_int_equal(nf_gear_wear(&g), NF_WEAR_CHECK);
	assert_int_equal(nf_gear_wear(&ins), NF_WEAR_UNKNOWN);
	unsigned crossed = 99;
	nf_journal_run r = tj_run(5, 1795000000);
	r.shoes_id = shoes;
	r.insoles_id = ins.id;
	assert_int_equal(nf_journal_add_run(j, &r, NULL, 0, &crossed, &err), NF_OK);
	assert_int_equal(crossed, 0); /* 795 km */
	r = tj_run(5, 1795100000);
	r.shoes_id = shoes;
	r.insoles_id = ins.id;
	assert_int_equal(nf_journal_add_run(j, &r, NULL, 0, &crossed, &err), NF_OK);
	assert_int_equal(crossed, NF_CROSSED_SHOES); /* 800 km: at the distance counts */
	r = tj_run(5, 1795200000);
	r.shoes_id = shoes;
	assert_int_equal(nf_journal_add_run(j, &r, NULL, 0, &crossed, &err), NF_OK);
	assert_int_equal(crossed, 0); /* already past: warned once */
	assert_int_equal(nf_journal_get_gear(j, shoes, &g, &err), NF_OK);
	assert_true(fabs(g.used_km - 805) < 1e-9);
	assert_int_equal(g.runs, 3);
	assert_int_equal(nf_gear_wear(&g), NF_WEAR_RETIRE);
	g.used_km = 100;
	assert_int_equal(nf_gear_wear(&g), NF_WEAR_OK);
	g.used_km = 500;
	assert_int_equal(nf_gear_wear(&g), NF_WEAR_CHECK);
	assert_non_null(strstr(nf_gear_retire_source(NF_GEAR_SHOES), "800 km"));
	assert_non_null(strstr(nf_gear_retire_source(NF_GEAR_INSOLES), "no data"));
	nf_journal_close(j);
}

static void test_rollback(void **state)
{
	nf_journal *j = tj_open(tj_path("rollback"));
	nf_error err = {0};
	nf_journal_run r = tj_run(5, 1795000000);
	nf_episode e[2];
	nf_episode_init(&e[0]);
	nf_episode_init(&e[1]);
	e[1].severity = 11; /* caught in C after the run row was written */
	assert_int_equal(nf_journal_add_run(j, &r, e, 2, NULL, &err), NF_EINVAL);
	assert_int_equal(r.id, 0);
	assert_int_equal(e[0].id, 0);
	nf_journal_counts c = tj_counts(j);
	assert_int_equal(c.runs, 0);
	assert_int_equal(c.episodes, 0);
	/* A failure inside SQLite itself, after the run and first episode are in. */
	assert_int_equal(sqlite3_exec(j->db,
		"CREATE TEMP TRIGGER no_second AFTER INSERT ON episodes"
		" WHEN (SELECT count(*) FROM episodes) > 1"
		" BEGIN SELECT RAISE(ABORT, 'injected'); END", NULL, NULL, NULL), SQLITE_OK);
	e[1].severity = 2;
	assert_int_equal(nf_journal_add_run(j, &r, e, 2, NULL, &err), NF_EINVAL);
	assert_non_null(strstr(err.msg, "injected"));
	c = tj_counts(j);
	assert_int_equal(c.runs, 0);
	assert_int_equal(c.episodes, 0);
	/* And the journal still works. */
	assert_int_equal(nf_journal_add_run(j, &r, e, 1, NULL, &err), NF_OK);
	assert_int_equal(tj_counts(j).episodes, 1);
	/* No transaction is left open. */
	assert_true(sqlite3_get_autocommit(j->db));
	nf_journal_close(j);
}

/* Fills a journal at an old version with a row in each table it has. */
static void fill_version(nf_journal *j, int version)
{
	if (version >= 1)
		assert_int_equal(sqlite3_exec(j->db,
			"INSERT INTO gear(kind, nickname, start_km, retire_km, is_default)"
			" VALUES('shoes', 'old', 10, 800, 1);"
			"INSERT INTO runs(start_time, distance_m, shoes_id, source_sha256)"
			" VALUES('2026-01-01T07:00:00Z', 8000, 1, '" /* 64 hex digits */
			"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef');"
			"INSERT INTO episodes(run_id, onset_km, locations, side, severity)"
			" VALUES(1, 6, 'ball,heel', 'both', 5);"
			"INSERT INTO episodes(run_id, side) VALUES(1, 'one');",
			NULL, NULL, NULL), SQLITE_OK);
	if (version >= 2)
		assert_int_equal(sqlite3_exec(j->db,
			"INSERT INTO assessments(time, answers, result)"
			" VALUES('2026-01-02T08:00:00Z', '{\"answers\": {\"age\": 33}}', '{\"questions\": 9}');",
			NULL, NULL, NULL), SQLITE_OK);
}

static void test_migrations(void **state)
{
	for (int from = 0; from < NF_JOURNAL_SCHEMA_VERSION; from++) {
		char name[32];
		nf_error err = {0};
		nf_journal *j;
		snprintf(name, sizeof name, "migrate%d", from);
		const char *p = tj_path(name);
		char path[512];
		snprintf(path, sizeof path, "%s", p);
		assert_int_equal(jr_open_raw(path, false, &j, &err), NF_OK);
		assert_int_equal(jr_migrate(j, from, &err), NF_OK);
		assert_int_equal(nf_journal_schema_version(j), from);
		fill_version(j, from);
		nf_journal_close(j);

		j = tj_open(path);
		assert_int_equal(nf_journal_schema_version(j), NF_JOURNAL_SCHEMA_VERSION);
		assert_int_equal(nf_journal_check(j, &err), NF_OK);
		nf_journal_counts c = tj_counts(j);
		if (from >= 1) {
			assert_int_equal(c.gear, 1);
			assert_int_equal(c.runs, 1);
			assert_int_equal(c.episodes, 2);
			nf_gear g;
			assert_int_equal(nf_journal_find_gear(j, "old", &g, &err), NF_OK);
			assert_true(fabs(g.used_km - 18) < 1e-9);
			nf_episode *eps;
			size_t n;
			assert_int_equal(nf_journal_list_episodes(j, 0, &eps, &n, &err), NF_OK);
			assert_int_equal(n, 2);
			assert_int_equal(eps[0].locations, 1u << 4 | 1u << 6);
			assert_int_equal(eps[0].side, NF_SIDE_BOTH);
			/* v5: both feet said which foot (a row written at v5 itself, without one, stays
			 * as written); one foot did not. v6: no earlier row was logged as not back. */
			assert_int_equal(eps[0].foot, from < 5 ? NF_FOOT_BOTH : NF_FOOT_UNKNOWN);
			assert_int_equal(eps[0].not_back, 0);
			assert_int_equal(eps[1].not_back, 0);
			assert_int_equal(eps[1].side, NF_SIDE_ONE);
			assert_int_equal(eps[1].foot, NF_FOOT_UNKNOWN);
			/* and the old one-foot episode can now say which */
			eps[1].foot = NF_FOOT_RIGHT;
			assert_int_equal(nf_journal_update_episode(j, &eps[1], &err), NF_OK);
			nf_episode got;
			assert_int_equal(nf_journal_get_episode(j, eps[1].id, &got, &err), NF_OK);
			assert_int_equal(got.foot, NF_FOOT_RIGHT);
			nf_episode_list_free(eps);
		} else {
			assert_int_equal(c.runs, 0);
		}
		/* v2's table is there and works; a row from before v4 is complete, as it was shown. */
		int64_t old = from >= 2 ? 1 : 0, id;
		assert_int_equal(nf_journal_add_assessment(j, "2026-11-28T07:30:00Z", "{\"age\": 40}",
							   NULL, false, &id, &err), NF_OK);
		assert_true(id > 0);
		assert_int_equal(nf_journal_add_assessment(j, "2026-11-28T07:30:00Z", "{not json",
							   NULL, true, &id, &err), NF_EINVAL);
		assert_int_equal(nf_journal_add_assessment(j, "today", "{}", NULL, true, &id, &err), NF_EINVAL);
		assert_int_equal(tj_counts(j).assessments, old + 1);
		nf_assessment *as;
		size_t na;
		assert_int_equal(nf_journal_list_assessments(j, &as, &na, &err), NF_OK);
		assert_int_equal(na, old + 1);
		if (old) {
			assert_string_equal(as[0].time, "2026-01-02T08:00:00Z");
			assert_true(as[0].complete);
			assert_non_null(strstr(as[0].answers, "33"));
			assert_non_null(strstr(as[0].result, "questions"));
		}
		assert_string_equal(as[old].time, "2026-11-28T07:30:00Z");
		assert_false(as[old].complete);
		assert_non_null(strstr(as[old].answers, "age"));
		assert_null(as[old].result);
		nf_assessment_list_free(as, na);
		/* v4's column refuses anything but 0 and 1, for another tool's writes too. */
		assert_int_not_equal(sqlite3_exec(j->db, "UPDATE assessments SET complete = 2", NULL, NULL, NULL),
				     SQLITE_OK);
		/* v3's table is there and works. */
		nf_track_point pt[2] = {{45, 7, 0, 0}, {45.001, 7, 111.2, 30}};
		nf_journal_run r = tj_run(1, 1767225600);
		assert_int_equal(nf_journal_add_run_track(j, &r, NULL, 0, pt, 2, NULL, &err), NF_OK);
		nf_track_point *got;
		size_t ng;
		assert_int_equal(nf_journal_get_track(j, r.id, &got, &ng, &err), NF_OK);
		assert_int_equal(ng, 2);
		assert_true(fabs(got[1].lat - 45.001) < 1e-7);
		free(got);
		nf_journal_close(j);
		/* Opening again does nothing more. */
		j = tj_open(path);
		assert_int_equal(nf_journal_schema_version(j), NF_JOURNAL_SCHEMA_VERSION);
		nf_journal_close(j);
	}
}

/* True when the bytes of needle occur in the file at path (a missing file has none). */
static bool file_has(const char *path, const char *needle)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	size_t nl = strlen(needle), cap = 1 << 20, len = 0;
	char *buf = malloc(cap);
	assert_non_null(buf);
	size_t got;
	while ((got = fread(buf + len, 1, cap - len, f)) > 0) {
		len += got;
		if (len == cap) {
			cap *= 2;
			buf = realloc(buf, cap);
			assert_non_null(buf);
		}
	}
	fclose(f);
	bool found = false;
	for (size_t i = 0; !found && i + nl <= len; i++)
		found = memcmp(buf + i, needle, nl) == 0;
	free(buf);
	return found;
}

static void test_forget_all(void **state)
{
	const char *p = tj_path("forget");
	char path[512], wal[600];
	snprintf(path, sizeof path, "%s", p);
	snprintf(wal, sizeof wal, "%s-wal", path);
	nf_journal *j = tj_open(path);
	nf_error err = {0};
	tj_add_shoes(j, "SecretShoeName", 0);
	for (int i = 0; i < 50; i++) {
		nf_journal_run r = tj_run(5, 1795000000 + i * 86400);
		snprintf(r.notes, sizeof r.notes, "SecretNote-%d felt numb near the old mill", i);
		nf_episode e;
		nf_episode_init(&e);
		snprintf(e.notes, sizeof e.notes, "SecretEpisode-%d", i);
		assert_int_equal(nf_journal_add_run(j, &r, &e, 1, NULL, &err), NF_OK);
	}
	assert_int_equal(nf_journal_add_assessment(j, "2026-11-28T07:30:00Z", "{\"SecretAnswer\":1}",
						   "{}", true, NULL, &err), NF_OK);
	assert_true(file_has(wal, "SecretNote-7") || file_has(path, "SecretNote-7"));
	assert_int_equal(nf_journal_forget_all(j, &err), NF_OK);
	nf_journal_counts c = tj_counts(j);
	assert_int_equal(c.gear + c.runs + c.episodes + c.assessments, 0);
	/* Checked while the journal is still open: nothing in the file or its log. */
	static const char *const secrets[] = {"SecretShoeName", "SecretNote-", "SecretEpisode-",
					      "SecretAnswer", "old mill"};
	for (size_t k = 0; k < sizeof secrets / sizeof secrets[0]; k++) {
		assert_false(file_has(path, secrets[k]));
		assert_false(file_has(wal, secrets[k]));
	}
	assert_int_equal(nf_journal_check(j, &err), NF_OK);
	/* Still usable. */
	tj_add_shoes(j, "new", 0);
	nf_journal_close(j);
	j = tj_open(path);
	assert_int_equal(tj_counts(j).gear, 1);
	nf_journal_close(j);
}

/* Saved assessments: the complete flag as stored, one by id, a missing id, and a delete that
 * leaves no byte of the answers in the file or its log and no transaction open. */
static void test_assessments(void **state)
{
	const char *p = tj_path("assessments");
	char path[512], wal[600];
	snprintf(path, sizeof path, "%s", p);
	snprintf(wal, sizeof wal, "%s-wal", path);
	nf_journal *j = tj_open(path);
	nf_error err = {0};
	int64_t done, cut, third;
	assert_int_equal(nf_journal_add_assessment(j, "2026-03-01T09:00:00Z", "{\"answers\": {\"SecretFinished\": 1}}",
						   "{\"questions\": 12}", true, &done, &err), NF_OK);
	assert_int_equal(nf_journal_add_assessment(j, "2026-03-02T09:00:00Z", "{\"answers\": {\"SecretCut\": 2}}",
						   "{\"questions\": 3}", false, &cut, &err), NF_OK);
	assert_int_equal(nf_journal_add_assessment(j, "2026-03-03T09:00:00Z", "{}", NULL, true, &third, &err), NF_OK);
	assert_true(done < cut && cut < third);

	nf_assessment a;
	assert_int_equal(nf_journal_get_assessment(j, cut, &a, &err), NF_OK);
	assert_int_equal(a.id, cut);
	assert_string_equal(a.time, "2026-03-02T09:00:00Z");
	assert_false(a.complete);
	assert_non_null(strstr(a.answers, "SecretCut"));
	assert_string_equal(a.result, "{\"questions\": 3}");
	nf_assessment_release(&a);
	assert_null(a.answers);
	nf_assessment_release(NULL);
	assert_int_equal(nf_journal_get_assessment(j, done, &a, &err), NF_OK);
	assert_true(a.complete);
	nf_assessment_release(&a);
	assert_int_equal(nf_journal_get_assessment(j, third, &a, &err), NF_OK);
	assert_null(a.result);
	nf_assessment_release(&a);

	/* A missing id: a clear error and nothing owned. */
	nf_error_clear(&err);
	assert_int_equal(nf_journal_get_assessment(j, third + 10, &a, &err), NF_ENOTFOUND);
	assert_string_equal(err.msg, "no assessment with id 13");
	assert_null(a.answers);
	assert_null(a.result);
	nf_error_clear(&err);
	assert_int_equal(nf_journal_delete_assessment(j, third + 10, &err), NF_ENOTFOUND);
	assert_string_equal(err.msg, "no assessment with id 13");
	assert_int_equal(tj_counts(j).assessments, 3);

	assert_true(file_has(wal, "SecretCut") || file_has(path, "SecretCut"));
	assert_int_equal(nf_journal_delete_assessment(j, cut, &err), NF_OK);
	assert_true(sqlite3_get_autocommit(j->db));
	assert_false(file_has(path, "SecretCut"));
	assert_false(file_has(wal, "SecretCut"));
	assert_true(file_has(wal, "SecretFinished") || file_has(path, "SecretFinished"));
	assert_int_equal(nf_journal_get_assessment(j, cut, &a, &err), NF_ENOTFOUND);
	assert_int_equal(nf_journal_delete_assessment(j, cut, &err), NF_ENOTFOUND);

	nf_assessment *as;
	size_t na;
	assert_int_equal(nf_journal_list_assessments(j, &as, &na, &err), NF_OK);
	assert_int_equal(na, 2);
	assert_int_equal(as[0].id, done);
	assert_true(as[0].complete);
	assert_int_equal(as[1].id, third);
	nf_assessment_list_free(as, na);
	assert_int_equal(nf_journal_check(j, &err), NF_OK);
	nf_journal_close(j);

	/* The id of a deleted assessment is never given to a new one. */
	j = tj_open(path);
	int64_t next;
	assert_int_equal(nf_journal_add_assessment(j, "2026-03-04T09:00:00Z", "{}", NULL, true, &next, &err), NF_OK);
	assert_true(next > third);
	nf_journal_close(j);
}

struct stop_ctx {
	int seen;
	nf_error *err;
};

static int stop_at_second(const nf_journal_run *r, void *p)
{
	struct stop_ctx *c = p;
	if (++c->seen == 2) {
		nf_error_set(c->err, NF_ENOMEM, "stopped by the callback");
		return 1;
	}
	return 0;
}

static void test_each_run_stops(void **state)
{
	nf_journal *j = tj_open(tj_path("each"));
	nf_error err = {0};
	for (int i = 0; i < 3; i++) {
		nf_journal_run r = tj_run(1 + i, 1795000000 + i);
		assert_int_equal(nf_journal_add_run(j, &r, NULL, 0, NULL, &err), NF_OK);
	}
	struct stop_ctx c = {0, &err};
	nf_error_clear(&err);
	assert_int_equal(nf_journal_each_run(j, 0, stop_at_second, &c, &err), NF_ENOMEM);
	assert_int_equal(c.seen, 2);
	assert_string_equal(err.msg, "stopped by the callback");
	/* Runs without a start time list first. */
	nf_journal_run r = tj_run(1, -1);
	assert_int_equal(nf_journal_add_run(j, &r, NULL, 0, NULL, &err), NF_OK);
	nf_journal_run *list;
	size_t n;
	assert_int_equal(nf_journal_list_runs(j, 0, &list, &n, &err), NF_OK);
	assert_int_equal(n, 4);
	assert_int_equal(list[0].id, r.id);
	assert_int_equal(list[0].rec.start_time, -1);
	nf_journal_run_list_free(list);
	nf_journal_close(j);
}

static void test_time_helpers(void **state)
{
	char buf[32];
	int64_t t;
	nf_time_iso(1795851000, buf, sizeof buf);
	assert_string_equal(buf, "2026-11-28T07:30:00Z");
	nf_time_iso(-1, buf, sizeof buf);
	assert_string_equal(buf, "");
	assert_int_equal(nf_time_parse_iso("2026-11-28T07:30:00Z", &t), NF_OK);
	assert_int_equal(t, 1795851000);
	assert_int_equal(nf_time_parse_iso("2026-11-28T07:30:00", &t), NF_EPARSE);
	assert_int_equal(nf_time_parse_iso("2026-02-30T07:30:00Z", &t), NF_EPARSE);
	assert_int_equal(nf_time_parse_iso("2026-11-28T24:30:00Z", &t), NF_EPARSE);
	assert_int_equal(nf_time_parse_iso(NULL, &t), NF_EPARSE);
	assert_int_equal(nf_gear_kind_parse("insoles"), NF_GEAR_INSOLES);
	assert_int_equal(nf_gear_kind_parse("socks"), -1);
}

/* The runner's calendar: the day is the local one, so a run late in the evening west of Greenwich
 * is on the day the runner's calendar shows, not UTC's next day. */
static void test_local_day(void **state)
{
	(void)state;
	char day[NF_JOURNAL_DATE_MAX], today[NF_JOURNAL_DATE_MAX];
	char *saved = getenv("TZ") ? strdup(getenv("TZ")) : NULL;
	setenv("TZ", "XST5", 1); /* POSIX: five hours west of UTC, no tzdata needed */
	tzset();
	nf_journal_local_day(1795915800, day); /* 2026-11-29T01:30:00Z: 20:30 on the 28th five hours west */
	assert_string_equal(day, "2026-11-28");
	nf_journal_local_day(-1, day);
	assert_string_equal(day, "");
	assert_false(nf_journal_day_after("2026-11-28", 1795915800, today));
	assert_string_equal(today, "2026-11-28");
	assert_true(nf_journal_day_after("2026-11-29", 1795915800, today));
	assert_false(nf_journal_day_after("2025-12-31", 1795915800, today));
	assert_false(nf_journal_day_after("", 1795915800, today));
	if (saved)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	free(saved);
	tzset();
}

/* Text that is not UTF-8 is refused in every field the journal stores, naming the field and the
 * byte, with nothing stored; text older versions stored anyway is written as JSON with U+FFFD for
 * each stray byte rather than failing the whole record (export, --json, the web API). */
static void test_text_not_utf8(void **state)
{
	(void)state;
	nf_journal *j = tj_open(tj_path("utf8"));
	nf_error err = {0};
	nf_journal_run r = tj_run(5, 1795000000);
	snprintf(r.notes, sizeof r.notes, "a\xff" "b");
	assert_int_equal(nf_journal_add_run(j, &r, NULL, 0, NULL, &err), NF_EINVAL);
	assert_string_equal(err.msg, "notes: not valid UTF-8 at byte 2");
	r = tj_run(5, 1795000000);
	snprintf(r.surface, sizeof r.surface, "\xe2\x82");
	assert_int_equal(nf_journal_add_run(j, &r, NULL, 0, NULL, &err), NF_EINVAL);
	assert_string_equal(err.msg, "surface: not valid UTF-8 at byte 1");
	assert_int_equal(tj_counts(j).runs, 0);

	nf_gear g;
	nf_gear_init(&g, NF_GEAR_SHOES);
	snprintf(g.nickname, sizeof g.nickname, "x\xc3");
	assert_int_equal(nf_journal_add_gear(j, &g, &err), NF_EINVAL);
	assert_string_equal(err.msg, "nickname: not valid UTF-8 at byte 2");
	snprintf(g.nickname, sizeof g.nickname, "L\xc3\xb6" "ffler"); /* valid: stored */
	snprintf(g.model, sizeof g.model, "\xed\xa0\x80"); /* a surrogate: not UTF-8 */
	assert_int_equal(nf_journal_add_gear(j, &g, &err), NF_EINVAL);
	assert_string_equal(err.msg, "model: not valid UTF-8 at byte 1");
	g.model[0] = '\0';
	assert_int_equal(nf_journal_add_gear(j, &g, &err), NF_OK);
	snprintf(g.brand, sizeof g.brand, "\xc0\xaf"); /* overlong */
	assert_int_equal(nf_journal_update_gear(j, &g, &err), NF_EINVAL);
	assert_string_equal(err.msg, "brand: not valid UTF-8 at byte 1");

	r = tj_run(5, 1795000000);
	snprintf(r.notes, sizeof r.notes, "caf\xc3\xa9");
	assert_int_equal(nf_journal_add_run(j, &r, NULL, 0, NULL, &err), NF_OK);
	nf_episode e;
	nf_episode_init(&e);
	e.run_id = r.id;
	snprintf(e.notes, sizeof e.notes, "ok \xff");
	assert_int_equal(nf_journal_add_episode(j, &e, &err), NF_EINVAL);
	assert_string_equal(err.msg, "notes: not valid UTF-8 at byte 4");
	assert_int_equal(tj_counts(j).episodes, 0);
	assert_int_equal(nf_journal_add_assessment(j, "2026-10-08T10:00:00Z", "{\"a\": \"\xff\"}", NULL, false,
						   NULL, &err),
			 NF_EINVAL);
	assert_string_equal(err.msg, "answers: not valid UTF-8 at byte 8");

	/* As an older version left it: the bytes written past the checks. */
	assert_int_equal(sqlite3_exec(j->db, "UPDATE runs SET notes = CAST(X'61FF62' AS TEXT)", NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_exec(j->db, "UPDATE gear SET brand = CAST(X'E282' AS TEXT)", NULL, NULL, NULL),
			 SQLITE_OK);
	nf_journal_run got;
	assert_int_equal(nf_journal_get_run(j, r.id, &got, &err), NF_OK);
	json_t *o = nf_run_json(&got);
	assert_non_null(o);
	assert_string_equal(json_string_value(json_object_get(o, "notes")), "a\xef\xbf\xbd" "b");
	json_decref(o);
	nf_gear *list;
	size_t n;
	assert_int_equal(nf_journal_list_gear(j, true, &list, &n, &err), NF_OK);
	assert_int_equal(n, 1);
	o = nf_gear_list_json(list, n);
	assert_non_null(o);
	assert_string_equal(json_string_value(json_object_get(json_array_get(o, 0), "brand")),
			    "\xef\xbf\xbd\xef\xbf\xbd");
	assert_string_equal(json_string_value(json_object_get(json_array_get(o, 0), "nickname")),
			    "L\xc3\xb6" "ffler");
	json_decref(o);
	nf_gear_list_free(list);
	nf_journal_close(j);
}

static int teardown(void **state)
{
	tj_cleanup();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_pragmas_and_modes),
		cmocka_unit_test(test_open_refuses),
		cmocka_unit_test(test_open_read),
		cmocka_unit_test(test_gear_crud),
		cmocka_unit_test(test_runs_and_episodes),
		cmocka_unit_test(test_constraints),
		cmocka_unit_test(test_locations_are_the_vocabularys),
		cmocka_unit_test(test_duplicate_source),
		cmocka_unit_test(test_intake),
		cmocka_unit_test(test_impossible_runs),
		cmocka_unit_test(test_like_runs),
		cmocka_unit_test(test_clashes_and_typed_limits),
		cmocka_unit_test(test_edit_imported_typed_pace),
		cmocka_unit_test(test_gear_nickname_rule),
		cmocka_unit_test(test_gear_dates_hold_runs),
		cmocka_unit_test(test_merge_file),
		cmocka_unit_test(test_gear_use_and_retire),
		cmocka_unit_test(test_wear),
		cmocka_unit_test(test_rollback),
		cmocka_unit_test(test_migrations),
		cmocka_unit_test(test_forget_all),
		cmocka_unit_test(test_assessments),
		cmocka_unit_test(test_each_run_stops),
		cmocka_unit_test(test_time_helpers),
		cmocka_unit_test(test_local_day),
		cmocka_unit_test(test_open_beside_another),
		cmocka_unit_test(test_text_not_utf8),
	};
	umask(077);
	return cmocka_run_group_tests_name("journal", tests, NULL, teardown);
}
