/* numbfoot journal: shoes and insoles, their distance so far and their wear. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journal/journal_priv.h"

/* Clinical dossier (shared/research/clinical.md) section 4.2, an ESTIMATE there. */
#define SHOES_RETIRE_KM 800.0
#define SHOES_RACING_RETIRE_KM 400.0
#define CHECK_FRACTION (500.0 / 800.0)

static const char shoes_source[] =
	"Shoes: check at about 500 km, replace by about 800 km (300-500 miles) for conventional "
	"EVA-foam trainers; earlier, about 300-450 km, for lightweight racing shoes and carbon-plate "
	"or PEBA \"super shoes\"; replace regardless of distance if the midsole is deeply creased or "
	"compressed on one side, the outsole is worn through, the heel counter has collapsed, or "
	"numbness happens in this pair but not in a newer one. Most cushioning is lost in the first "
	"150-300 km and then levels off; by 500-700 km plantar pressures are clearly higher; foam "
	"damage is visible by 750 km; runners adapt, so no single cut-off is justified. "
	"(numbfoot clinical dossier, section 4.2: Cook 1985; Verdejo & Mills 2004; "
	"Escamilla-Martinez 2020; Rodrigo-Carranza 2023. An estimate, not a measured rule.)";

static const char insoles_source[] =
	"Insoles and orthoses: no data on how they wear with distance were found, so numbfoot sets "
	"no retirement distance. Inspect them at each shoe change and replace them when they are "
	"visibly flattened. (numbfoot clinical dossier, section 4.2; an estimate.)";

double nf_gear_default_retire_km(nf_gear_kind kind)
{
	return kind == NF_GEAR_SHOES ? SHOES_RETIRE_KM : NAN;
}

double nf_gear_racing_retire_km(void)
{
	return SHOES_RACING_RETIRE_KM;
}

const char *nf_gear_retire_source(nf_gear_kind kind)
{
	return kind == NF_GEAR_SHOES ? shoes_source : insoles_source;
}

const char *nf_gear_kind_name(nf_gear_kind k)
{
	return k == NF_GEAR_INSOLES ? "insoles" : "shoes";
}

int nf_gear_kind_parse(const char *s)
{
	if (s && !strcmp(s, "shoes"))
		return NF_GEAR_SHOES;
	if (s && !strcmp(s, "insoles"))
		return NF_GEAR_INSOLES;
	return -1;
}

void nf_gear_init(nf_gear *g, nf_gear_kind kind)
{
	memset(g, 0, sizeof *g);
	g->kind = kind;
	g->retire_km = nf_gear_default_retire_km(kind);
	g->used_km = 0;
}

nf_wear nf_gear_wear(const nf_gear *g)
{
	if (!isfinite(g->retire_km) || g->retire_km <= 0)
		return NF_WEAR_UNKNOWN;
	if (g->used_km >= g->retire_km)
		return NF_WEAR_RETIRE;
	if (g->used_km >= g->retire_km * CHECK_FRACTION)
		return NF_WEAR_CHECK;
	return NF_WEAR_OK;
}

const char *nf_wear_name(nf_wear w)
{
	switch (w) {
	case NF_WEAR_OK: return "ok";
	case NF_WEAR_CHECK: return "check";
	case NF_WEAR_RETIRE: return "retire";
	default: return "unknown";
	}
}

static nf_err check_gear(const nf_gear *g, nf_error *err)
{
	if (g->kind != NF_GEAR_SHOES && g->kind != NF_GEAR_INSOLES)
		return nf_error_set(err, NF_EINVAL, "gear kind must be shoes or insoles");
	if (!g->nickname[0])
		return nf_error_set(err, NF_EINVAL, "gear needs a nickname");
	if (!jr_valid_date(g->first_use, true))
		return nf_error_set(err, NF_EINVAL, "first use '%s' is not a date (YYYY-MM-DD)", g->first_use);
	if (!jr_valid_date(g->retired, true))
		return nf_error_set(err, NF_EINVAL, "retired '%s' is not a date (YYYY-MM-DD)", g->retired);
	if (!(g->start_km >= 0) || !isfinite(g->start_km))
		return nf_error_set(err, NF_EINVAL, "starting distance must be 0 km or more");
	if (!isnan(g->retire_km) && !(g->retire_km > 0 && isfinite(g->retire_km)))
		return nf_error_set(err, NF_EINVAL, "retirement distance must be more than 0 km");
	return NF_OK;
}

/* Columns of a gear row with its distance so far, in the order read_gear expects. */
#define GEAR_SELECT \
	"SELECT g.id, g.kind, g.nickname, g.brand, g.model, g.first_use, g.start_km, g.retire_km," \
	" g.retired, g.is_default," \
	" g.start_km + coalesce((SELECT sum(r.distance_m) FROM runs r" \
	"   WHERE r.shoes_id = g.id OR r.insoles_id = g.id), 0) / 1000.0," \
	" (SELECT count(*) FROM runs r WHERE r.shoes_id = g.id OR r.insoles_id = g.id)" \
	" FROM gear g "

static void read_gear(sqlite3_stmt *st, nf_gear *g)
{
	memset(g, 0, sizeof *g);
	g->id = sqlite3_column_int64(st, 0);
	g->kind = strcmp((const char *)sqlite3_column_text(st, 1), "insoles") ? NF_GEAR_SHOES
									       : NF_GEAR_INSOLES;
	jr_col_text(st, 2, g->nickname, sizeof g->nickname);
	jr_col_text(st, 3, g->brand, sizeof g->brand);
	jr_col_text(st, 4, g->model, sizeof g->model);
	jr_col_text(st, 5, g->first_use, sizeof g->first_use);
	g->start_km = sqlite3_column_double(st, 6);
	g->retire_km = jr_col_real(st, 7);
	jr_col_text(st, 8, g->retired, sizeof g->retired);
	g->is_default = sqlite3_column_int(st, 9) != 0;
	g->used_km = sqlite3_column_double(st, 10);
	g->runs = sqlite3_column_int64(st, 11);
}

/* Runs a GEAR_SELECT statement expected to give one row. */
static nf_err get_one(nf_journal *j, sqlite3_stmt *st, nf_gear *out, const char *what, nf_error *err)
{
	nf_err rc = NF_OK;
	int s = sqlite3_step(st);
	if (s == SQLITE_ROW)
		read_gear(st, out);
	else if (s == SQLITE_DONE)
		rc = nf_error_set(err, NF_ENOTFOUND, "no gear %s", what);
	else
		rc = jr_db_error(j, err, "reading gear");
	sqlite3_finalize(st);
	return rc;
}

nf_err nf_journal_get_gear(nf_journal *j, int64_t id, nf_gear *out, nf_error *err)
{
	sqlite3_stmt *st = jr_prepare(j, GEAR_SELECT "WHERE g.id = ?", err);
	char what[32];
	if (!st)
		return err ? err->code : NF_EDB;
	sqlite3_bind_int64(st, 1, id);
	snprintf(what, sizeof what, "with id %lld", (long long)id);
	return get_one(j, st, out, what, err);
}

nf_err nf_journal_find_gear(nf_journal *j, const char *nickname, nf_gear *out, nf_error *err)
{
	sqlite3_stmt *st = jr_prepare(j, GEAR_SELECT "WHERE g.nickname = ?", err);
	char what[NF_JOURNAL_NAME_MAX + 16];
	if (!st)
		return err ? err->code : NF_EDB;
	sqlite3_bind_text(st, 1, nickname ? nickname : "", -1, SQLITE_TRANSIENT);
	snprintf(what, sizeof what, "named '%.*s'", NF_JOURNAL_NAME_MAX - 1, nickname ? nickname : "");
	return get_one(j, st, out, what, err);
}

nf_err nf_journal_default_gear(nf_journal *j, nf_gear_kind kind, nf_gear *out, nf_error *err)
{
	sqlite3_stmt *st = jr_prepare(j, GEAR_SELECT "WHERE g.kind = ? AND g.is_default = 1", err);
	char what[32];
	if (!st)
		return err ? err->code : NF_EDB;
	sqlite3_bind_text(st, 1, nf_gear_kind_name(kind), -1, SQLITE_STATIC);
	snprintf(what, sizeof what, "set as default %s", nf_gear_kind_name(kind));
	return get_one(j, st, out, what, err);
}

nf_err nf_journal_list_gear(nf_journal *j, bool include_retired, nf_gear **out, size_t *n,
			    nf_error *err)
{
	nf_err rc = NF_OK;
	size_t cap = 0, len = 0;
	nf_gear *list = NULL;
	sqlite3_stmt *st = jr_prepare(j, GEAR_SELECT "WHERE ? OR g.retired IS NULL"
					  " ORDER BY g.kind DESC, g.nickname", err);
	*out = NULL;
	*n = 0;
	if (!st)
		return err ? err->code : NF_EDB;
	sqlite3_bind_int(st, 1, include_retired);
	int s;
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		if (len == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			nf_gear *p = realloc(list, ncap * sizeof *p);
			if (!p) {
				rc = nf_error_set(err, NF_ENOMEM, "out of memory listing gear");
				goto out_free;
			}
			list = p;
			cap = ncap;
		}
		read_gear(st, &list[len++]);
	}
	if (s != SQLITE_DONE) {
		rc = jr_db_error(j, err, "listing gear");
		goto out_free;
	}
	sqlite3_finalize(st);
	*out = list;
	*n = len;
	return NF_OK;

out_free:
	free(list);
	sqlite3_finalize(st);
	return rc;
}

void nf_gear_list_free(nf_gear *list)
{
	free(list);
}

/* Steps a prepared write (NULL: preparing failed, err is set) and finalizes it. */
static nf_err step_write(nf_journal *j, sqlite3_stmt *st, const char *doing, nf_error *err)
{
	nf_err rc = NF_OK;
	if (!st)
		return err ? err->code : NF_EDB;
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = jr_db_error(j, err, doing);
	sqlite3_finalize(st);
	return rc;
}

nf_err nf_journal_add_gear(nf_journal *j, nf_gear *g, nf_error *err)
{
	nf_err rc = check_gear(g, err);
	if (rc)
		return rc;
	rc = jr_begin(j, err);
	if (rc)
		return rc;
	bool make_default = g->is_default && !g->retired[0];
	if (!g->retired[0] && !make_default) {
		/* The first pair of a kind becomes the default, so that `run add 10` just works. */
		sqlite3_stmt *st = jr_prepare(j, "SELECT count(*) FROM gear WHERE kind = ? AND is_default = 1", err);
		if (!st) {
			rc = err ? err->code : NF_EDB;
			goto out_rollback;
		}
		sqlite3_bind_text(st, 1, nf_gear_kind_name(g->kind), -1, SQLITE_STATIC);
		make_default = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 0;
		sqlite3_finalize(st);
	}
	if (make_default) {
		sqlite3_stmt *st = jr_prepare(j, "UPDATE gear SET is_default = 0 WHERE kind = ? AND is_default = 1", err);
		if (st)
			sqlite3_bind_text(st, 1, nf_gear_kind_name(g->kind), -1, SQLITE_STATIC);
		rc = step_write(j, st, "changing the default gear", err);
		if (rc)
			goto out_rollback;
	}
	sqlite3_stmt *st = jr_prepare(j,
		"INSERT INTO gear(kind, nickname, brand, model, first_use, start_km, retire_km, retired,"
		" is_default) VALUES(?,?,?,?,?,?,?,?,?)", err);
	if (st) {
		sqlite3_bind_text(st, 1, nf_gear_kind_name(g->kind), -1, SQLITE_STATIC);
		jr_bind_text(st, 2, g->nickname);
		jr_bind_text(st, 3, g->brand);
		jr_bind_text(st, 4, g->model);
		jr_bind_text(st, 5, g->first_use);
		sqlite3_bind_double(st, 6, g->start_km);
		jr_bind_real(st, 7, g->retire_km);
		jr_bind_text(st, 8, g->retired);
		sqlite3_bind_int(st, 9, make_default);
	}
	rc = step_write(j, st, "adding gear", err);
	if (rc == NF_EEXIST)
		nf_error_set(err, NF_EEXIST, "there is already gear named '%s'", g->nickname);
	if (rc)
		goto out_rollback;
	int64_t id = sqlite3_last_insert_rowid(j->db);
	rc = jr_commit(j, err);
	if (rc)
		return rc;
	g->id = id;
	g->is_default = make_default;
	g->used_km = g->start_km;
	g->runs = 0;
	return NF_OK;

out_rollback:
	jr_rollback(j);
	return rc;
}

/* Fails with NF_ENOTFOUND when the last write changed no row. */
static nf_err must_change(nf_journal *j, int64_t id, const char *what, nf_error *err)
{
	if (sqlite3_changes(j->db) == 0)
		return nf_error_set(err, NF_ENOTFOUND, "no %s with id %lld", what, (long long)id);
	return NF_OK;
}

nf_err nf_journal_update_gear(nf_journal *j, const nf_gear *g, nf_error *err)
{
	nf_err rc = check_gear(g, err);
	if (rc)
		return rc;
	rc = jr_begin(j, err);
	if (rc)
		return rc;
	sqlite3_stmt *st = jr_prepare(j,
		"UPDATE gear SET kind = ?, nickname = ?, brand = ?, model = ?, first_use = ?,"
		" start_km = ?, retire_km = ?, retired = ?,"
		" is_default = CASE WHEN ? IS NULL AND kind = ? THEN is_default ELSE 0 END"
		" WHERE id = ?", err);
	if (st) {
		sqlite3_bind_text(st, 1, nf_gear_kind_name(g->kind), -1, SQLITE_STATIC);
		jr_bind_text(st, 2, g->nickname);
		jr_bind_text(st, 3, g->brand);
		jr_bind_text(st, 4, g->model);
		jr_bind_text(st, 5, g->first_use);
		sqlite3_bind_double(st, 6, g->start_km);
		jr_bind_real(st, 7, g->retire_km);
		jr_bind_text(st, 8, g->retired);
		jr_bind_text(st, 9, g->retired);
		sqlite3_bind_text(st, 10, nf_gear_kind_name(g->kind), -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 11, g->id);
	}
	rc = step_write(j, st, "updating gear", err);
	if (rc == NF_EEXIST)
		nf_error_set(err, NF_EEXIST, "there is already gear named '%s'", g->nickname);
	if (!rc)
		rc = must_change(j, g->id, "gear", err);
	if (rc)
		goto out_rollback;
	return jr_commit(j, err);

out_rollback:
	jr_rollback(j);
	return rc;
}

nf_err nf_journal_retire_gear(nf_journal *j, int64_t id, const char *date, nf_error *err)
{
	if (!jr_valid_date(date, false))
		return nf_error_set(err, NF_EINVAL, "'%s' is not a date (YYYY-MM-DD)", date ? date : "");
	nf_err rc = jr_begin(j, err);
	if (rc)
		return rc;
	sqlite3_stmt *st = jr_prepare(j, "UPDATE gear SET retired = ?, is_default = 0 WHERE id = ?", err);
	if (st) {
		jr_bind_text(st, 1, date);
		sqlite3_bind_int64(st, 2, id);
	}
	rc = step_write(j, st, "retiring gear", err);
	if (!rc)
		rc = must_change(j, id, "gear", err);
	if (rc)
		goto out_rollback;
	return jr_commit(j, err);

out_rollback:
	jr_rollback(j);
	return rc;
}

nf_err nf_journal_set_default_gear(nf_journal *j, int64_t id, nf_error *err)
{
	nf_gear g;
	nf_err rc = jr_begin(j, err);
	if (rc)
		return rc;
	rc = nf_journal_get_gear(j, id, &g, err);
	if (rc)
		goto out_rollback;
	if (g.retired[0]) {
		rc = nf_error_set(err, NF_EINVAL, "'%s' was retired on %s", g.nickname, g.retired);
		goto out_rollback;
	}
	/* Clear first, then set: the unique index on the default is checked row by row. */
	sqlite3_stmt *st = jr_prepare(j, "UPDATE gear SET is_default = 0 WHERE kind = ? AND is_default = 1", err);
	if (st)
		sqlite3_bind_text(st, 1, nf_gear_kind_name(g.kind), -1, SQLITE_STATIC);
	rc = step_write(j, st, "changing the default gear", err);
	if (rc)
		goto out_rollback;
	st = jr_prepare(j, "UPDATE gear SET is_default = 1 WHERE id = ?", err);
	if (st)
		sqlite3_bind_int64(st, 1, id);
	rc = step_write(j, st, "changing the default gear", err);
	if (rc)
		goto out_rollback;
	return jr_commit(j, err);

out_rollback:
	jr_rollback(j);
	return rc;
}

nf_err nf_journal_delete_gear(nf_journal *j, int64_t id, nf_error *err)
{
	nf_err rc = jr_begin(j, err);
	if (rc)
		return rc;
	sqlite3_stmt *st = jr_prepare(j, "DELETE FROM gear WHERE id = ?", err);
	if (st)
		sqlite3_bind_int64(st, 1, id);
	rc = step_write(j, st, "deleting gear", err);
	if (!rc)
		rc = must_change(j, id, "gear", err);
	if (rc)
		goto out_rollback;
	return jr_commit(j, err);

out_rollback:
	jr_rollback(j);
	return rc;
}
