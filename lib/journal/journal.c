/* numbfoot journal: opening, closing, transactions, helpers, forgetting, vocabulary. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "journal/journal_priv.h"
#include "core/alloc.h"

/* ---- errors and statements ---- */

nf_err jr_db_error(nf_journal *j, nf_error *err, const char *doing)
{
	int ext = sqlite3_extended_errcode(j->db);
	nf_err code = NF_EDB;
	if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY)
		code = NF_EEXIST;
	else if ((ext & 0xff) == SQLITE_CONSTRAINT)
		code = NF_EINVAL;
	else if ((ext & 0xff) == SQLITE_NOMEM)
		code = NF_ENOMEM;
	return nf_error_set(err, code, "%s: %s: %s", j->path, doing, sqlite3_errmsg(j->db));
}

sqlite3_stmt *jr_prepare(nf_journal *j, const char *sql, nf_error *err)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(j->db, sql, -1, &st, NULL) != SQLITE_OK) {
		jr_db_error(j, err, "preparing a statement");
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

nf_err jr_exec(nf_journal *j, const char *sql, nf_error *err)
{
	char *msg = NULL;
	if (sqlite3_exec(j->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		nf_err rc = jr_db_error(j, err, "writing");
		sqlite3_free(msg);
		return rc;
	}
	return NF_OK;
}

nf_err jr_step_done(nf_journal *j, sqlite3_stmt *st, const char *doing, nf_error *err)
{
	nf_err rc = NF_OK;
	if (!st)
		return err ? err->code : NF_EDB;
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = jr_db_error(j, err, doing);
	sqlite3_finalize(st);
	return rc;
}

nf_err jr_step_change(nf_journal *j, sqlite3_stmt *st, const char *what, int64_t id,
		      const char *doing, nf_error *err)
{
	nf_err rc = jr_step_done(j, st, doing, err);
	/* sqlite3_changes counts the last statement completed on the connection: this one. */
	if (!rc && sqlite3_changes(j->db) == 0)
		rc = nf_error_set(err, NF_ENOTFOUND, "no %s with id %lld", what, (long long)id);
	return rc;
}

nf_err jr_read_one(nf_journal *j, sqlite3_stmt *st, jr_read_fn read, void *out, const char *doing,
		   nf_error *err, const char *missing_fmt, ...)
{
	nf_err rc = NF_OK;
	if (!st)
		return err ? err->code : NF_EDB;
	int s = sqlite3_step(st);
	if (s == SQLITE_ROW) {
		if (read && !read(st, out))
			rc = nf_error_set(err, NF_ENOMEM, "out of memory %s", doing);
	} else if (s == SQLITE_DONE) {
		char missing[NF_ERROR_MSG_MAX];
		va_list ap;
		va_start(ap, missing_fmt);
		vsnprintf(missing, sizeof missing, missing_fmt, ap);
		va_end(ap);
		rc = nf_error_set(err, NF_ENOTFOUND, "%s", missing);
	} else {
		rc = jr_db_error(j, err, doing);
	}
	sqlite3_finalize(st);
	return rc;
}

nf_err jr_get_by_id(nf_journal *j, const char *sql, int64_t id, jr_read_fn read, void *out,
		    const char *what, const char *doing, nf_error *err)
{
	sqlite3_stmt *st = jr_prepare(j, sql, err);
	if (st)
		sqlite3_bind_int64(st, 1, id);
	return jr_read_one(j, st, read, out, doing, err, "no %s with id %lld", what, (long long)id);
}

nf_err jr_read_all(nf_journal *j, sqlite3_stmt *st, jr_read_fn read, void (*release)(void *elem),
		   size_t elem, void **out, size_t *n, const char *what, nf_error *err)
{
	nf_err rc = NF_OK;
	size_t cap = 0, len = 0;
	char *list = NULL;
	int s;
	*out = NULL;
	*n = 0;
	if (!st)
		return err ? err->code : NF_EDB;
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		if (len == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			char *p = ncap <= SIZE_MAX / elem ? core_realloc(list, ncap * elem) : NULL;
			if (!p)
				goto out_nomem;
			list = p;
			cap = ncap;
		}
		if (!read(st, list + len * elem))
			goto out_nomem;
		len++;
	}
	if (s != SQLITE_DONE) {
		char doing[64];
		snprintf(doing, sizeof doing, "listing %s", what);
		rc = jr_db_error(j, err, doing);
		goto out_release;
	}
	sqlite3_finalize(st);
	*out = list;
	*n = len;
	return NF_OK;

out_nomem:
	rc = nf_error_set(err, NF_ENOMEM, "out of memory listing %s", what);
out_release:
	for (size_t k = 0; release && k < len; k++)
		release(list + k * elem);
	free(list);
	sqlite3_finalize(st);
	return rc;
}

nf_err jr_transaction(nf_journal *j, jr_body_fn body, void *ctx, nf_error *err)
{
	nf_err rc = jr_begin(j, err);
	if (rc)
		return rc;
	rc = body(j, ctx, err);
	if (rc) {
		jr_rollback(j);
		return rc;
	}
	return jr_commit(j, err); /* rolls back itself when it fails */
}

struct delete_by_id {
	const char *sql, *what, *doing;
	int64_t id;
};

static nf_err delete_body(nf_journal *j, void *ctx, nf_error *err)
{
	const struct delete_by_id *d = ctx;
	sqlite3_stmt *st = jr_prepare(j, d->sql, err);
	if (st)
		sqlite3_bind_int64(st, 1, d->id);
	return jr_step_change(j, st, d->what, d->id, d->doing, err);
}

nf_err jr_delete_by_id(nf_journal *j, const char *sql, const char *what, int64_t id,
		       const char *doing, nf_error *err)
{
	struct delete_by_id d = {.sql = sql, .what = what, .doing = doing, .id = id};
	return jr_transaction(j, delete_body, &d, err);
}

nf_err jr_begin(nf_journal *j, nf_error *err)
{
	if (sqlite3_exec(j->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return jr_db_error(j, err, "starting a transaction");
	return NF_OK;
}

nf_err jr_commit(nf_journal *j, nf_error *err)
{
	if (sqlite3_exec(j->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		nf_err rc = jr_db_error(j, err, "committing");
		jr_rollback(j);
		return rc;
	}
	return NF_OK;
}

void jr_rollback(nf_journal *j)
{
	/* After some errors (I/O, full disk) SQLite has rolled back already. */
	if (!sqlite3_get_autocommit(j->db))
		sqlite3_exec(j->db, "ROLLBACK", NULL, NULL, NULL);
}

int jr_bind_real(sqlite3_stmt *st, int i, double v)
{
	return isfinite(v) ? sqlite3_bind_double(st, i, v) : sqlite3_bind_null(st, i);
}

int jr_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	return s && *s ? sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(st, i);
}

int jr_bind_id(sqlite3_stmt *st, int i, int64_t id)
{
	return id > 0 ? sqlite3_bind_int64(st, i, id) : sqlite3_bind_null(st, i);
}

int jr_bind_tri(sqlite3_stmt *st, int i, int v)
{
	return v >= 0 ? sqlite3_bind_int(st, i, v) : sqlite3_bind_null(st, i);
}

double jr_col_real(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NAN : sqlite3_column_double(st, i);
}

int64_t jr_col_int(sqlite3_stmt *st, int i, int64_t if_null)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? if_null : sqlite3_column_int64(st, i);
}

void jr_col_text(sqlite3_stmt *st, int i, char *dst, size_t size)
{
	/* Values were length-checked on the way in; a longer one (written by another tool) is cut
	 * rather than refused, so that the journal stays readable. */
	const unsigned char *s = sqlite3_column_text(st, i);
	snprintf(dst, size, "%s", s ? (const char *)s : "");
}

bool jr_unknown_or_nonneg(double v)
{
	return isnan(v) || (v >= 0 && isfinite(v));
}

bool jr_valid_date(const char *s, bool empty_ok)
{
	return !s || !*s ? empty_ok : nf_date_parse(s, NULL, NULL) == NF_OK;
}

/* ---- vocabulary ---- */

/* The one list of places in the program: kb/vocabulary.json's finding "location", in its order
 * (test_journal ties the two). Bit i of an episode's set is place i, so append only. The commands,
 * the web API and the analysis name places through nf_location_name and nf_location_index. */
static const char *const locations[NF_LOCATION_COUNT] = {
	"toes_all", "toes_3_4", "big_toe", "first_web", "ball", "arch",
	"heel", "dorsum", "lateral_edge", "whole_sole", "whole_foot", "lower_leg",
};

const char *nf_location_name(int i)
{
	return i >= 0 && i < NF_LOCATION_COUNT ? locations[i] : NULL;
}

int nf_location_index(const char *name)
{
	for (int i = 0; name && i < NF_LOCATION_COUNT; i++)
		if (!strcmp(locations[i], name))
			return i;
	return -1;
}

const char *nf_side_name(nf_side s)
{
	return s == NF_SIDE_ONE ? "one" : s == NF_SIDE_BOTH ? "both" : NULL;
}

const char *nf_foot_name(nf_foot f)
{
	return f == NF_FOOT_LEFT ? "left" : f == NF_FOOT_RIGHT ? "right" : f == NF_FOOT_BOTH ? "both" : NULL;
}

int nf_foot_parse(const char *s)
{
	for (int f = NF_FOOT_LEFT; s && f <= NF_FOOT_BOTH; f++)
		if (!strcmp(s, nf_foot_name((nf_foot)f)))
			return f;
	return -1;
}

nf_side nf_foot_side(nf_foot f)
{
	return f == NF_FOOT_LEFT || f == NF_FOOT_RIGHT ? NF_SIDE_ONE : f == NF_FOOT_BOTH ? NF_SIDE_BOTH : NF_SIDE_UNKNOWN;
}

void jr_locations_text(uint32_t set, char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = '\0';
	for (int i = 0; i < NF_LOCATION_COUNT; i++) {
		if (!(set & (1u << i)))
			continue;
		int w = snprintf(buf + len, size - len, "%s%s", len ? "," : "", locations[i]);
		if (w < 0 || (size_t)w >= size - len)
			break;
		len += (size_t)w;
	}
}

nf_err nf_location_parse_list(const char *text, uint32_t *set, nf_error *err)
{
	return jr_locations_parse(text, set, err);
}

nf_err jr_locations_parse(const char *text, uint32_t *set, nf_error *err)
{
	char word[32];
	*set = 0;
	for (const char *p = text; p && *p;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		if (len == 0 || len >= sizeof word)
			return nf_error_set(err, NF_EPARSE, "bad location list '%s'", text);
		memcpy(word, p, len);
		word[len] = '\0';
		int i = nf_location_index(word);
		if (i < 0)
			return nf_error_set(err, NF_EPARSE, "unknown location '%s'", word);
		*set |= 1u << i;
		p = comma ? comma + 1 : p + len;
	}
	return NF_OK;
}

/* ---- opening ---- */

/* Makes path (and its -wal and -shm companions, when present) private to the user. SQLite gives
 * the companions the main file's mode, so creating the main file 0600 covers later ones. Called
 * only once the file is known to be a journal (jr_check_journal): a file refused as someone
 * else's keeps its mode.
 *
 * By path (lstat, chmod), never through a descriptor of our own: closing any descriptor of a file
 * drops every POSIX lock this process holds on it, SQLite's included. A journal open in this
 * process (the server's) would lose its hold on the -shm, and the next program to open and close
 * the journal would take itself for the last, checkpoint and delete the write-ahead log under the
 * server: two diverging journals, and one side's runs lost. Only a main file that does not exist
 * yet is opened (create_missing: O_EXCL, nobody holds a lock on it). */
static nf_err make_private(const char *path, nf_error *err)
{
	static const char *const suffix[] = {"", "-wal", "-shm", "-journal"};
	char p[JR_PATH_MAX + 16];
	for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		snprintf(p, sizeof p, "%s%s", path, suffix[i]);
		struct stat sb;
		if (lstat(p, &sb) != 0) {
			if (i > 0 && errno == ENOENT)
				continue;
			return nf_error_set(err, NF_EIO, "%s: cannot open: %s", p, strerror(errno));
		}
		/* Symbolic links are refused (here and by SQLITE_OPEN_NOFOLLOW) so that nobody can point
		 * the journal's writes at another file. */
		if (S_ISLNK(sb.st_mode))
			return nf_error_set(err, NF_EIO, "%s: is a symbolic link; give the file it points to", p);
		if ((sb.st_mode & 077) && chmod(p, 0600) != 0)
			return nf_error_set(err, NF_EIO, "%s: cannot make private: %s", p, strerror(errno));
	}
	return NF_OK;
}

/* Before SQLite opens path: a main file that does not exist is created 0600 when create (so
 * that no moment finds the health data readable by others), else NF_ENOTFOUND: a command that
 * only reads or deletes must not leave an empty journal at a mistyped path. A symbolic link is
 * refused. Nothing existing is changed: its mode waits for make_private. */
static nf_err create_missing(const char *path, bool create, nf_error *err)
{
	struct stat sb;
	if (lstat(path, &sb) != 0 && errno == ENOENT) {
		if (!create)
			return nf_error_set(err, NF_ENOTFOUND, "%s: no journal there", path);
		int fd = open(path, O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
		if (fd >= 0)
			close(fd);
		else if (errno != EEXIST)
			return nf_error_set(err, NF_EIO, "%s: cannot open: %s", path, strerror(errno));
	}
	if (lstat(path, &sb) != 0)
		return nf_error_set(err, NF_EIO, "%s: cannot open: %s", path, strerror(errno));
	if (S_ISLNK(sb.st_mode))
		return nf_error_set(err, NF_EIO, "%s: is a symbolic link; give the file it points to", path);
	return NF_OK;
}

/* The journal's path with its folders resolved: SQLITE_OPEN_NOFOLLOW refuses a symbolic link
 * anywhere in the path, and a linked data folder (dotfile managers make them) is the runner's
 * choice. Only the file itself must not be a link, which make_private and NOFOLLOW still check. */
static nf_err resolve_folders(const char *path, char *out, nf_error *err)
{
	char dir[JR_PATH_MAX], real[PATH_MAX];
	const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
	if (!*base)
		return nf_error_set(err, NF_EINVAL, "%s: a journal path names a file, not a folder", path);
	if (!slash)
		snprintf(dir, sizeof dir, ".");
	else if (slash == path)
		snprintf(dir, sizeof dir, "/");
	else
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
	if (!realpath(dir, real))
		return nf_error_set(err, NF_EIO, "%s: folder %s: %s", path, dir, strerror(errno));
	if ((size_t)snprintf(out, JR_PATH_MAX, "%s/%s", strcmp(real, "/") ? real : "", base) >=
	    JR_PATH_MAX)
		return nf_error_set(err, NF_ELIMIT, "journal path longer than %d bytes", JR_PATH_MAX - 1);
	return NF_OK;
}

/* A URI for SQLite that opens path read-only and, when nobody can be writing it (a folder we
 * cannot write, so no -wal or -shm can be made), as immutable: WAL needs those files even to read. */
static nf_err readonly_uri(const char *path, bool immutable, char *out, size_t size, nf_error *err)
{
	size_t o = (size_t)snprintf(out, size, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p && o + 4 < size; p++) {
		if (isalnum(*p) || strchr("/-._~", *p))
			out[o++] = (char)*p;
		else
			o += (size_t)snprintf(out + o, size - o, "%%%02X", *p);
	}
	const char *q = immutable ? "?mode=ro&immutable=1" : "?mode=ro";
	if (o + strlen(q) + 1 > size)
		return nf_error_set(err, NF_ELIMIT, "journal path longer than %d bytes", JR_PATH_MAX - 1);
	memcpy(out + o, q, strlen(q) + 1);
	return NF_OK;
}

/* The file given is no database (SQLite's NOTADB): bad input, which the faces answer as such
 * (exit 2), not a failure of the journal; any other fault as the database's error. */
static nf_err not_a_journal(nf_journal *j, nf_error *err)
{
	nf_err rc = jr_db_error(j, err, "not a journal, or it cannot be opened");
	if ((sqlite3_extended_errcode(j->db) & 0xff) == SQLITE_NOTADB) {
		rc = NF_EPARSE;
		if (err)
			err->code = NF_EPARSE;
	}
	return rc;
}

/* jr_open_raw, and with create false NF_ENOTFOUND for a missing file (see create_missing). */
static nf_err open_file(const char *path, bool readonly, bool create, nf_journal **out, nf_error *err)
{
	nf_err rc;
	nf_journal *j;
	char real[JR_PATH_MAX], uri[3 * JR_PATH_MAX + 32];

	*out = NULL;
	if (!path || !*path)
		return nf_error_set(err, NF_EINVAL, "no journal path");
	if (strlen(path) >= JR_PATH_MAX)
		return nf_error_set(err, NF_ELIMIT, "journal path longer than %d bytes", JR_PATH_MAX - 1);
	if ((rc = resolve_folders(path, real, err)))
		return rc;
	j = core_calloc(1, sizeof *j);
	if (!j)
		return nf_error_set(err, NF_ENOMEM, "out of memory opening the journal");
	memcpy(j->path, path, strlen(path) + 1);

	int flags = SQLITE_OPEN_NOFOLLOW;
	const char *name = real;
	if (readonly) {
		struct stat sb;
		if (lstat(real, &sb) != 0) {
			rc = nf_error_set(err, errno == ENOENT ? NF_ENOTFOUND : NF_EIO, "%s: %s", path,
					  strerror(errno));
			goto out_free;
		}
		if (S_ISLNK(sb.st_mode)) {
			rc = nf_error_set(err, NF_EIO, "%s: is a symbolic link; give the file it points to",
					  path);
			goto out_free;
		}
		char wal[JR_PATH_MAX + 8], dir[JR_PATH_MAX];
		snprintf(wal, sizeof wal, "%s-wal", real);
		snprintf(dir, sizeof dir, "%.*s", (int)(strrchr(real, '/') - real), real);
		bool immutable = access(dir[0] ? dir : "/", W_OK) != 0 && access(wal, F_OK) != 0;
		if ((rc = readonly_uri(real, immutable, uri, sizeof uri, err)))
			goto out_free;
		flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
		name = uri;
	} else {
		if ((rc = create_missing(real, create, err)))
			goto out_free;
		flags |= SQLITE_OPEN_READWRITE;
	}
	if (sqlite3_open_v2(name, &j->db, flags, NULL) != SQLITE_OK) {
		rc = j->db ? jr_db_error(j, err, "opening")
			   : nf_error_set(err, NF_ENOMEM, "%s: out of memory opening", path);
		goto out_close_db;
	}
	sqlite3_extended_result_codes(j->db, 1);
	sqlite3_busy_timeout(j->db, 5000);
	/* journal_mode=WAL: readers never block the writer. synchronous=NORMAL: in WAL mode a
	 * commit survives a crash or kill of the program (the all-or-nothing we promise); only a
	 * power cut can lose the latest commits, never corrupt the file. It also means a failed
	 * commit is never half-visible: the commit frame is the last write. */
	/* The journal mode is persistent in the file: it is set only once the file is known to be a
	 * journal, so that someone else's database, refused, is left as it was. The SELECT reads the
	 * file, so that a file that is no database at all is refused here. */
	static const char *const pragmas =
		"PRAGMA foreign_keys=ON;"
		"PRAGMA secure_delete=ON;"
		"SELECT count(*) FROM sqlite_schema;";
	static const char *const wal_pragmas =
		"PRAGMA journal_mode=WAL;"
		"PRAGMA synchronous=NORMAL;";
	/* Reading changes nothing: the file's journal mode is left as it is. */
	static const char *const read_pragmas = "PRAGMA foreign_keys=ON;";
	char *msg = NULL;
	if (sqlite3_exec(j->db, readonly ? read_pragmas : pragmas, NULL, NULL, &msg) != SQLITE_OK) {
		sqlite3_free(msg);
		rc = not_a_journal(j, err);
		goto out_close_db;
	}
	int version;
	if (!readonly && (rc = jr_check_journal(j, &version, err)))
		goto out_close_db;
	if (!readonly && sqlite3_exec(j->db, wal_pragmas, NULL, NULL, &msg) != SQLITE_OK) {
		sqlite3_free(msg);
		rc = not_a_journal(j, err);
		goto out_close_db;
	}
	/* foreign_keys is silently ignored by a build without it; refuse to run unsafely. */
	sqlite3_stmt *st = jr_prepare(j, "PRAGMA foreign_keys", err);
	if (!st) {
		rc = err ? err->code : NF_EDB;
		goto out_close_db;
	}
	int fk = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	if (!fk) {
		rc = nf_error_set(err, NF_EDB, "%s: this SQLite cannot enforce foreign keys", path);
		goto out_close_db;
	}
	if (!readonly && (rc = make_private(real, err)))
		goto out_close_db;
	*out = j;
	return NF_OK;

out_close_db:
	sqlite3_close(j->db);
out_free:
	free(j);
	return rc;
}

nf_err jr_open_raw(const char *path, bool readonly, nf_journal **out, nf_error *err)
{
	return open_file(path, readonly, true, out, err);
}

/* nf_journal_open and nf_journal_open_existing. */
static nf_err open_journal(const char *path, bool create, nf_journal **out, nf_error *err)
{
	nf_journal *j;
	nf_err rc;
	*out = NULL;
	rc = open_file(path, false, create, &j, err);
	if (rc)
		return rc;
	rc = jr_migrate(j, NF_JOURNAL_SCHEMA_VERSION, err);
	if (rc) {
		nf_journal_close(j);
		*out = NULL;
		return rc;
	}
	*out = j;
	return NF_OK;
}

nf_err nf_journal_open(const char *path, nf_journal **out, nf_error *err)
{
	return open_journal(path, true, out, err);
}

nf_err nf_journal_open_existing(const char *path, nf_journal **out, nf_error *err)
{
	return open_journal(path, false, out, err);
}

nf_err nf_journal_open_read(const char *path, nf_journal **out, nf_error *err)
{
	nf_journal *j;
	nf_err rc;
	*out = NULL;
	if ((rc = jr_open_raw(path, true, &j, err)))
		return rc;
	/* No migration can run on a file we may not write: only the current schema is read. */
	int version = 0;
	if ((rc = jr_read_version(j, &version, err)))
		goto fail;
	if (version != NF_JOURNAL_SCHEMA_VERSION) {
		rc = nf_error_set(err, NF_EDB,
				  "%s: schema %d, and this numbfoot reads schema %d; open it once where "
				  "it can be written to bring it up to date",
				  path, version, NF_JOURNAL_SCHEMA_VERSION);
		goto fail;
	}
	j->version = version;
	*out = j;
	return NF_OK;
fail:
	nf_journal_close(j);
	return rc;
}

void nf_journal_close(nf_journal *j)
{
	if (!j)
		return;
	sqlite3_close_v2(j->db);
	free(j);
}

int nf_journal_schema_version(nf_journal *j)
{
	return j ? j->version : 0;
}

nf_err nf_journal_check(nf_journal *j, nf_error *err)
{
	sqlite3_stmt *st = jr_prepare(j, "PRAGMA integrity_check", err);
	if (!st)
		return err ? err->code : NF_EDB;
	nf_err rc = NF_OK;
	int s = sqlite3_step(st);
	if (s != SQLITE_ROW)
		rc = jr_db_error(j, err, "checking integrity");
	else if (strcmp((const char *)sqlite3_column_text(st, 0), "ok"))
		rc = nf_error_set(err, NF_EDB, "%s: integrity check: %s", j->path,
				  (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (!rc) {
		st = jr_prepare(j, "PRAGMA foreign_key_check", err);
		if (!st)
			return err ? err->code : NF_EDB;
		if (sqlite3_step(st) == SQLITE_ROW)
			rc = nf_error_set(err, NF_EDB, "%s: a row of %s refers to a missing row",
					  j->path, (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	return rc;
}

static nf_err forget_all_body(nf_journal *j, void *ctx, nf_error *err)
{
	(void)ctx;
	return jr_exec(j, "DELETE FROM tracks; DELETE FROM episodes; DELETE FROM runs; DELETE FROM gear;"
		       "DELETE FROM assessments; DELETE FROM sqlite_sequence;", err);
}

/* sqlite3_wal_checkpoint_v2 rather than PRAGMA wal_checkpoint: the PRAGMA succeeds even when
 * a reader kept it from finishing (it says so only in a result row). */
static bool checkpoint(nf_journal *j, char *why, size_t size)
{
	int rc = sqlite3_wal_checkpoint_v2(j->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
	if (rc == SQLITE_OK)
		return true;
	snprintf(why, size, "%s", rc == SQLITE_BUSY ? "another program is reading the journal" : sqlite3_errmsg(j->db));
	return false;
}

bool jr_wipe(nf_journal *j, bool vacuum, char *why, size_t size)
{
	/* The deleted pages were zeroed (secure_delete), but earlier versions of them may still sit
	 * in the write-ahead log: copy the log back and truncate it. Rebuilding the file (VACUUM)
	 * leaves no free page behind, and the log VACUUM itself wrote is truncated too. */
	if (!checkpoint(j, why, size))
		return false;
	if (!vacuum)
		return true;
	if (sqlite3_exec(j->db, "VACUUM", NULL, NULL, NULL) != SQLITE_OK) {
		snprintf(why, size, "%s", sqlite3_errmsg(j->db));
		return false;
	}
	return checkpoint(j, why, size);
}

nf_err nf_journal_forget_all(nf_journal *j, nf_error *err)
{
	nf_err rc = jr_transaction(j, forget_all_body, NULL, err);
	if (rc)
		return rc;
	char why[256];
	if (!jr_wipe(j, true, why, sizeof why))
		return nf_error_set(err, NF_EDB, "%s: the journal was emptied, but wiping the deleted "
				    "bytes from the file failed (%s); run forget again", j->path, why);
	return NF_OK;
}

nf_err nf_journal_count(nf_journal *j, nf_journal_counts *out, nf_error *err)
{
	sqlite3_stmt *st = jr_prepare(j,
		"SELECT (SELECT count(*) FROM gear), (SELECT count(*) FROM runs),"
		" (SELECT count(*) FROM episodes), (SELECT count(*) FROM assessments)", err);
	if (!st)
		return err ? err->code : NF_EDB;
	nf_err rc = NF_OK;
	if (sqlite3_step(st) == SQLITE_ROW) {
		out->gear = sqlite3_column_int64(st, 0);
		out->runs = sqlite3_column_int64(st, 1);
		out->episodes = sqlite3_column_int64(st, 2);
		out->assessments = sqlite3_column_int64(st, 3);
	} else {
		rc = jr_db_error(j, err, "counting");
	}
	sqlite3_finalize(st);
	return rc;
}
