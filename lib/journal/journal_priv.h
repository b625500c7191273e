/* numbfoot journal internals, shared by the files of lib/journal and by its unit tests.
 * Nothing here is exported: the build hides every symbol that is not NF_API. */
#ifndef NUMBFOOT_JOURNAL_PRIV_H
#define NUMBFOOT_JOURNAL_PRIV_H

#include <sqlite3.h>

#include "numbfoot/journal.h"

#define JR_PATH_MAX 4096

struct nf_journal {
	sqlite3 *db;
	int version;             /* PRAGMA user_version after migration */
	char path[JR_PATH_MAX];  /* for messages */
};

/* Fills err from the connection's last error, prefixed by what was being done; maps a UNIQUE
 * violation to NF_EEXIST, other constraint violations to NF_EINVAL, the rest to NF_EDB. */
nf_err jr_db_error(nf_journal *j, nf_error *err, const char *doing);

/* BEGIN IMMEDIATE; COMMIT; and ROLLBACK when a transaction is still open (never fails: a
 * rollback error leaves SQLite to roll back on close). */
nf_err jr_begin(nf_journal *j, nf_error *err);
nf_err jr_commit(nf_journal *j, nf_error *err);
void jr_rollback(nf_journal *j);

/* Prepares sql; on failure fills err and returns NULL. */
sqlite3_stmt *jr_prepare(nf_journal *j, const char *sql, nf_error *err);

/* Runs a statement that returns no rows (or whose rows are ignored). */
nf_err jr_exec(nf_journal *j, const char *sql, nf_error *err);

/* Binding helpers: NaN, -1 and "" become NULL. */
int jr_bind_real(sqlite3_stmt *st, int i, double v);
int jr_bind_text(sqlite3_stmt *st, int i, const char *s);
int jr_bind_id(sqlite3_stmt *st, int i, int64_t id);   /* 0 -> NULL */
int jr_bind_tri(sqlite3_stmt *st, int i, int v);       /* -1 -> NULL */

/* Column helpers: NULL becomes NaN, -1, or "". jr_col_text refuses (NF_ELIMIT) a value that
 * does not fit dst. */
double jr_col_real(sqlite3_stmt *st, int i);
int64_t jr_col_int(sqlite3_stmt *st, int i, int64_t if_null);
void jr_col_text(sqlite3_stmt *st, int i, char *dst, size_t size);

/* Copies s into dst[size]; NF_ELIMIT naming what when it does not fit. */
nf_err jr_copy(char *dst, size_t size, const char *s, const char *what, nf_error *err);

/* Checks a YYYY-MM-DD date ("" allowed when empty_ok). */
bool jr_valid_date(const char *s, bool empty_ok);

/* Locations bit set <-> "a,b,c" text in vocabulary order. */
void jr_locations_text(uint32_t set, char *buf, size_t size);
nf_err jr_locations_parse(const char *text, uint32_t *set, nf_error *err);

/* Schema: the migrations, applied one transaction each, from the file's user_version up to
 * target. A test may stop at an older target to build an old journal. */
nf_err jr_migrate(nf_journal *j, int target, nf_error *err);

/* Opens without migrating (tests build old versions with jr_migrate on this handle). */
nf_err jr_open_raw(const char *path, nf_journal **out, nf_error *err);

/* Checks e and inserts it inside the caller's transaction (sets e->id). */
nf_err jr_insert_episode(nf_journal *j, nf_episode *e, nf_error *err);

#endif
