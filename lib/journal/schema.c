/* numbfoot journal: the schema and its forward migrations.
 *
 * PRAGMA user_version holds the schema version. migrations[k] takes a file from version k to
 * k + 1. All that a file needs run in one transaction together with the new user_version, so a
 * crash or error leaves the file exactly as it was. Migrations are append-only: never edit a
 * released one.
 */
#include <stdio.h>
#include <string.h>

#include "journal/journal_priv.h"

/* Ids are AUTOINCREMENT so that the id of a deleted run is never given to a new one (a command
 * typed with an old id must not reach a different run). The location check below must list the vocabulary's values (kb/vocabulary.json). A
 * locations value is a comma-separated list of them, in vocabulary order, or ''. */
static const char v1[] =
	"CREATE TABLE gear ("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" kind TEXT NOT NULL CHECK (kind IN ('shoes', 'insoles')),"
	" brand TEXT CHECK (length(brand) < 64),"
	" model TEXT CHECK (length(model) < 64),"
	" nickname TEXT NOT NULL UNIQUE CHECK (length(nickname) BETWEEN 1 AND 63),"
	" first_use TEXT CHECK (first_use IS date(first_use)),"
	" start_km REAL NOT NULL DEFAULT 0 CHECK (start_km >= 0),"
	" retire_km REAL CHECK (retire_km > 0),"
	" retired TEXT CHECK (retired IS date(retired)),"
	" is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),"
	" CHECK (NOT (is_default AND retired IS NOT NULL))"
	") STRICT;"
	"CREATE UNIQUE INDEX gear_one_default ON gear(kind) WHERE is_default = 1;"
	"CREATE TABLE runs ("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" start_time TEXT CHECK (start_time IS strftime('%Y-%m-%dT%H:%M:%SZ', start_time)),"
	" distance_m REAL CHECK (distance_m >= 0),"
	" moving_s REAL CHECK (moving_s >= 0),"
	" elapsed_s REAL CHECK (elapsed_s >= 0),"
	" cadence_spm REAL CHECK (cadence_spm >= 0),"
	" cadence_unit TEXT CHECK (length(cadence_unit) < 8),"
	" stride_m REAL CHECK (stride_m >= 0),"
	" temperature_c REAL,"
	" heart_rate_bpm REAL CHECK (heart_rate_bpm >= 0),"
	" surface TEXT CHECK (length(surface) < 64),"
	" shoes_id INTEGER REFERENCES gear(id) ON DELETE SET NULL,"
	" insoles_id INTEGER REFERENCES gear(id) ON DELETE SET NULL,"
	" notes TEXT CHECK (length(notes) < 1024),"
	" source_file TEXT CHECK (length(source_file) < 256),"
	" source_sha256 TEXT UNIQUE CHECK (length(source_sha256) = 64)"
	") STRICT;"
	"CREATE INDEX runs_start ON runs(start_time);"
	"CREATE INDEX runs_shoes ON runs(shoes_id);"
	"CREATE INDEX runs_insoles ON runs(insoles_id);"
	"CREATE TABLE episodes ("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
	" onset_km REAL CHECK (onset_km >= 0),"
	" onset_min REAL CHECK (onset_min >= 0),"
	" locations TEXT NOT NULL DEFAULT '' CHECK (locations NOT GLOB '*[^a-z0-9_,]*'),"
	" side TEXT CHECK (side IN ('one', 'both')),"
	" severity INTEGER CHECK (severity BETWEEN 0 AND 10),"
	" recover_min REAL CHECK (recover_min >= 0),"
	" calf_cramp_first INTEGER CHECK (calf_cramp_first IN (0, 1)),"
	" loosening_helped INTEGER CHECK (loosening_helped IN (0, 1)),"
	" notes TEXT CHECK (length(notes) < 1024)"
	") STRICT;"
	"CREATE INDEX episodes_run ON episodes(run_id);";

/* v2: the answers and result of each assessment, for comparing over time. */
static const char v2[] =
	"CREATE TABLE assessments ("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" time TEXT NOT NULL CHECK (time IS strftime('%Y-%m-%dT%H:%M:%SZ', time)),"
	" answers TEXT NOT NULL CHECK (json_valid(answers)),"
	" result TEXT CHECK (result IS NULL OR json_valid(result))"
	") STRICT;"
	"CREATE INDEX assessments_time ON assessments(time);";

/* v3: each run's GPS route, one row per run (lib/journal/track.c has the points' layout). */
static const char v3[] =
	"CREATE TABLE tracks ("
	" run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,"
	" n INTEGER NOT NULL CHECK (n BETWEEN 1 AND 4000),"
	" points BLOB NOT NULL CHECK (length(points) = 16 * n)"
	") STRICT;";

/* v4: whether the interview behind an assessment ran to its end. An interview cut short (the
 * input closed, or the runner stopped it) is kept so that the runner can see it, but the report
 * heads with the latest complete one. Earlier files never recorded this; their rows keep the
 * meaning they had when they were saved, which was complete. */
static const char v4[] =
	"ALTER TABLE assessments ADD COLUMN complete INTEGER NOT NULL DEFAULT 1 CHECK (complete IN (0, 1));";

/* v5: which foot an episode was in. A left or right foot is one side and both feet are both, so
 * the two columns must agree (a left foot recorded as both feet is refused). An earlier row that
 * said both feet said which: both; one that said one foot did not say which, and stays unknown. */
static const char v5[] =
	"ALTER TABLE episodes ADD COLUMN foot TEXT CHECK (foot IS NULL OR (foot IN ('left', 'right', 'both')"
	" AND (side IS NULL OR side = CASE foot WHEN 'both' THEN 'both' ELSE 'one' END)));"
	"UPDATE episodes SET foot = 'both' WHERE side = 'both';";

/* v6: feeling that had not come back when the episode was logged, which no number of minutes
 * says: numbness still there after a run is a warning sign, and a runner logging it must be able
 * to say so. Earlier rows did not say, and stay 0. */
static const char v6[] =
	"ALTER TABLE episodes ADD COLUMN not_back INTEGER NOT NULL DEFAULT 0 CHECK (not_back IN (0, 1)"
	" AND NOT (not_back = 1 AND recover_min IS NOT NULL));";

static const char *const migrations[] = {v1, v2, v3, v4, v5, v6};

_Static_assert(sizeof migrations / sizeof migrations[0] == NF_JOURNAL_SCHEMA_VERSION,
	       "one migration per schema version");

nf_err jr_read_version(nf_journal *j, int *version, nf_error *err)
{
	sqlite3_stmt *st = jr_prepare(j, "PRAGMA user_version", err);
	if (!st)
		return err ? err->code : NF_EDB;
	nf_err rc = NF_OK;
	if (sqlite3_step(st) == SQLITE_ROW)
		*version = sqlite3_column_int(st, 0);
	else
		rc = jr_db_error(j, err, "reading the schema version");
	sqlite3_finalize(st);
	return rc;
}

/* One migration, from version to the next, inside the caller's transaction. */
static nf_err migrate_one(nf_journal *j, int version, nf_error *err)
{
	char set[64];
	snprintf(set, sizeof set, "PRAGMA user_version = %d", version + 1);
	if (sqlite3_exec(j->db, migrations[version], NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(j->db, set, NULL, NULL, NULL) != SQLITE_OK) {
		char doing[64];
		snprintf(doing, sizeof doing, "migrating to schema %d", version + 1);
		nf_err rc = jr_db_error(j, err, doing);
		/* A constraint that fails here is the file's fault, not the caller's: NF_EDB. */
		if (rc != NF_ENOMEM) {
			rc = NF_EDB;
			if (err)
				err->code = NF_EDB;
		}
		return rc;
	}
	return NF_OK;
}

struct migration {
	int from, to;
};

/* The transaction of the migrations from m->from (the file's version) to m->to, with the new
 * user_version. */
static nf_err migrate_body(nf_journal *j, void *ctx, nf_error *err)
{
	const struct migration *m = ctx;
	for (int version = m->from; version < m->to; version++) {
		nf_err rc = migrate_one(j, version, err);
		if (rc)
			return rc;
	}
	return NF_OK;
}

nf_err jr_check_journal(nf_journal *j, int *version, nf_error *err)
{
	nf_err rc = jr_read_version(j, version, err);
	if (rc)
		return rc;
	if (*version > NF_JOURNAL_SCHEMA_VERSION)
		return nf_error_set(err, NF_EDB,
				    "%s: written by a newer numbfoot (schema %d; this one knows up to %d)",
				    j->path, *version, NF_JOURNAL_SCHEMA_VERSION);
	/* user_version is any 32-bit integer another program may have set; a negative one would
	 * index the migrations before their start. */
	if (*version < 0)
		return nf_error_set(err, NF_EPARSE, "%s: not a numbfoot journal (schema %d)", j->path,
				    *version);
	if (*version == 0) {
		/* A version-0 file must be empty: refuse to add tables to someone else's database. */
		sqlite3_stmt *st = jr_prepare(j, "SELECT count(*) FROM sqlite_schema", err);
		if (!st)
			return err ? err->code : NF_EDB;
		int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
		sqlite3_finalize(st);
		if (n != 0)
			return nf_error_set(err, NF_EPARSE, "%s: not a numbfoot journal", j->path);
	}
	return NF_OK;
}

nf_err jr_migrate(nf_journal *j, int target, nf_error *err)
{
	int version = 0;
	nf_err rc = jr_check_journal(j, &version, err);
	if (rc)
		return rc;
	if (version < target) {
		struct migration m = {version, target};
		if ((rc = jr_transaction(j, migrate_body, &m, err)))
			return rc;
		version = target;
	}
	j->version = version;
	return NF_OK;
}
