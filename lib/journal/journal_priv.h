/* numbfoot journal internals, shared by the files of lib/journal and by its unit tests.
 * Nothing here is exported: the build hides every symbol that is not NF_API. */
#ifndef NUMBFOOT_JOURNAL_PRIV_H
#define NUMBFOOT_JOURNAL_PRIV_H

#include <math.h>
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

/* The statement helpers below take ownership of st and finalize it on every path. st may be NULL:
 * jr_prepare failed and err is set already, so they return its code (NF_EDB without err). A caller
 * can therefore write `st = jr_prepare(...); if (st) bind...; return jr_step_done(j, st, ...);`. */

/* Steps st, a write that returns no rows; "<path>: <doing>: <sqlite message>" when it fails. */
nf_err jr_step_done(nf_journal *j, sqlite3_stmt *st, const char *doing, nf_error *err);

/* jr_step_done for an UPDATE or DELETE of the row with this id: NF_ENOTFOUND "no <what> with id
 * <id>" when it changed no row. */
nf_err jr_step_change(nf_journal *j, sqlite3_stmt *st, const char *what, int64_t id,
		      const char *doing, nf_error *err);

/* Reads the current row of st into dst (a struct of the reader's type). Returns false only when
 * out of memory, and then dst owns nothing. */
typedef bool (*jr_read_fn)(sqlite3_stmt *st, void *dst);

/* Steps st for one row and reads it with read into out (read NULL: only checks that a row
 * exists). No row: NF_ENOTFOUND with the message missing_fmt; a failed step: "<doing>". */
nf_err jr_read_one(nf_journal *j, sqlite3_stmt *st, jr_read_fn read, void *out, const char *doing,
		   nf_error *err, const char *missing_fmt, ...) __attribute__((format(printf, 7, 8)));

/* jr_read_one for sql "SELECT ... WHERE <key> = ?", bound to id: NF_ENOTFOUND "no <what> with id
 * <id>" when there is no such row. */
nf_err jr_get_by_id(nf_journal *j, const char *sql, int64_t id, jr_read_fn read, void *out,
		    const char *what, const char *doing, nf_error *err);

/* Reads every row of st with read into a new array of elements of size elem: *out (owned by the
 * caller, NULL when there are no rows) and *n. release (NULL when elements own no memory) frees
 * what one element owns; on failure every element read so far is released, the array freed, *out
 * is NULL and *n 0. Messages: "out of memory listing <what>", "listing <what>". out is the
 * address of a void * of the caller's, which it then converts: writing a typed pointer through a
 * (void **) cast would break C's aliasing rules. */
nf_err jr_read_all(nf_journal *j, sqlite3_stmt *st, jr_read_fn read, void (*release)(void *elem),
		   size_t elem, void **out, size_t *n, const char *what, nf_error *err);

/* One transaction: BEGIN IMMEDIATE, body(j, ctx, err), then COMMIT when body returned NF_OK, else
 * ROLLBACK. Returns body's error, or the error of beginning or committing. Whatever body writes
 * into ctx is only valid when the result is NF_OK. */
typedef nf_err (*jr_body_fn)(nf_journal *j, void *ctx, nf_error *err);
nf_err jr_transaction(nf_journal *j, jr_body_fn body, void *ctx, nf_error *err);

/* Copies the write-ahead log into the file and truncates it, and with vacuum rebuilds the file,
 * so that deleted rows leave no bytes behind. False with why set when it could not (another
 * program reading the journal blocks it). */
bool jr_wipe(nf_journal *j, bool vacuum, char *why, size_t size);

/* Routes (track.c): the points checked, thinned to NF_TRACK_MAX and packed for the tracks table
 * into a new buffer *out (free() it) of *npacked points; and the insert of one, inside the
 * caller's transaction. */
nf_err jr_track_pack(const nf_track_point *pt, size_t n, unsigned char **out, size_t *npacked, nf_error *err);
nf_err jr_insert_track(nf_journal *j, int64_t run_id, const unsigned char *packed, size_t n, nf_error *err);

/* Deletes the row with this id in a transaction of its own: sql is "DELETE ... WHERE id = ?".
 * NF_ENOTFOUND "no <what> with id <id>" when there was none. */
nf_err jr_delete_by_id(nf_journal *j, const char *sql, const char *what, int64_t id,
		       const char *doing, nf_error *err);

/* Binding helpers: NaN, -1 and "" become NULL. */
int jr_bind_real(sqlite3_stmt *st, int i, double v);
int jr_bind_text(sqlite3_stmt *st, int i, const char *s);
int jr_bind_id(sqlite3_stmt *st, int i, int64_t id);   /* 0 -> NULL */
int jr_bind_tri(sqlite3_stmt *st, int i, int v);       /* -1 -> NULL */

/* Column helpers: NULL becomes NaN, -1, or "". jr_col_text cuts a value that does not fit dst
 * (values are length-checked on the way in; a longer one was written by another program, and
 * the journal stays readable). */
double jr_col_real(sqlite3_stmt *st, int i);
int64_t jr_col_int(sqlite3_stmt *st, int i, int64_t if_null);
void jr_col_text(sqlite3_stmt *st, int i, char *dst, size_t size);

/* True for NaN (unknown) and for a finite value >= 0: what a measured quantity may be. */
bool jr_unknown_or_nonneg(double v);

/* Checks a YYYY-MM-DD date ("" allowed when empty_ok). */
bool jr_valid_date(const char *s, bool empty_ok);

/* Locations bit set <-> "a,b,c" text in vocabulary order. */
void jr_locations_text(uint32_t set, char *buf, size_t size);
nf_err jr_locations_parse(const char *text, uint32_t *set, nf_error *err);

/* Schema: the migrations from the file's user_version up to target, all in one transaction with
 * the new user_version (a failure leaves the file as it was). NF_EDB for a file of a newer schema,
 * a negative user_version, or a version-0 file that already holds tables (someone else's
 * database). A test may stop at an older target to build an old journal. */
nf_err jr_migrate(nf_journal *j, int target, nf_error *err);
/* Whether the open file is a journal this build can take: *version its schema, an empty file
 * (version 0, no tables) included; NF_EDB for another program's database or a newer schema.
 * Reads only. */
nf_err jr_check_journal(nf_journal *j, int *version, nf_error *err);

/* Opens without migrating (tests build old versions with jr_migrate on this handle); readonly
 * opens an existing file for reading only and sets no journal mode. */
nf_err jr_open_raw(const char *path, bool readonly, nf_journal **out, nf_error *err);

/* The file's PRAGMA user_version. */
nf_err jr_read_version(nf_journal *j, int *version, nf_error *err);

/* Checks e and inserts it inside the caller's transaction (sets e->id). */
nf_err jr_insert_episode(nf_journal *j, nf_episode *e, nf_error *err);

/* NF_EINVAL naming run_id when an onset (onset_km, onset_min; NaN unknown) falls past the end of
 * a run of dist_m metres and dur_s seconds (NaN unknown: no bound). The rule an episode added or
 * edited and a run edited under its episodes both keep. run_id 0: a run being added, not yet
 * stored, which the message calls "this run". */
nf_err jr_onset_fits(int64_t run_id, double onset_km, double onset_min, double dist_m, double dur_s,
		     nf_error *err);
/* How long a run lasted for the onset rule: the longer of its moving and elapsed times (an onset
 * timed from the start counts stops too), either when the other is unknown, NaN when both are. */
static inline double jr_run_duration(double moving_s, double elapsed_s)
{
	return isnan(moving_s) ? elapsed_s : isnan(elapsed_s) ? moving_s : fmax(moving_s, elapsed_s);
}

/* NF_EINVAL naming gear id, its dates and the run (run_id, or "this run" when 0) when the UTC
 * day of start lies before the pair's first use or after its retirement; NF_OK for no gear (id
 * 0) or an unknown start. A run is recorded in the pair worn that day. */
nf_err jr_gear_in_service(nf_journal *j, int64_t id, int64_t start, int64_t run_id, nf_error *err);

/* jr_gear_in_service for every run from lo to hi (ISO times, hi excluded) given pair g. */
nf_err jr_gear_period_fits(nf_journal *j, const nf_gear *g, const char *lo, const char *hi, nf_error *err);

#endif
