/* numbfoot journal: shoes and insoles, their distance so far and their wear. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "journal/journal_priv.h"
#include "core/text.h"
#include "numbfoot/text.h"

/* The evidence dossier, section 4.2, an ESTIMATE there. */
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

/* A space of any script: one at either end of a name cannot be seen in a list. */
static bool is_space(unsigned c)
{
	return c == ' ' || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x202f ||
	       c == 0x205f || c == 0x3000;
}

/* A nickname is typed back to choose the pair (run add --shoes, gear edit, the page's lists), so
 * it must be one that can be: not 'none' (the word for no gear, in any case), not blank, with no
 * space at either end, no control or invisible character, and not read as an option ('-'). */
static nf_err check_nickname(const char *name, nf_error *err)
{
	const unsigned char *s = (const unsigned char *)name;
	nf_err rc = core_utf8_check("nickname", name, err);
	if (rc)
		return rc;
	if (!s[0])
		return nf_error_set(err, NF_EINVAL, "gear needs a nickname");
	bool blank = true;
	unsigned first = 0, last = 0;
	const unsigned char *end = s + strlen(name);
	for (size_t i = 0, n; s[i]; i += n) {
		unsigned c;
		n = core_utf8_decode(s + i, end, &c); /* never 0: checked above */
		if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
			return nf_error_set(err, NF_EINVAL,
					    "nickname: a control character (U+%04X, at byte %zu) cannot be typed "
					    "back to choose the pair: use letters, digits and spaces",
					    c, i + 1);
		if (nf_char_invisible(c))
			return nf_error_set(err, NF_EINVAL,
					    "nickname: an invisible character (U+%04X, at byte %zu) would make it look "
					    "like another name and cannot be typed back: leave it out",
					    c, i + 1);
		if (!is_space(c))
			blank = false;
		if (!i)
			first = c;
		last = c;
	}
	if (blank)
		return nf_error_set(err, NF_EINVAL, "nickname: only spaces: give the pair a name");
	if (is_space(first) || is_space(last))
		return nf_error_set(err, NF_EINVAL,
				    "nickname '%s' begins or ends with a space, which no list shows and no one "
				    "types back: leave the space out",
				    name);
	if (!strcasecmp(name, "none"))
		return nf_error_set(err, NF_EINVAL,
				    "nickname '%s' is the word for no gear ('--shoes none'), so the pair could "
				    "never be chosen: choose another name",
				    name);
	if (s[0] == '-')
		return nf_error_set(err, NF_EINVAL,
				    "nickname '%s' begins with '-', which the command line reads as an option, so "
				    "the pair could not be named there: choose another name",
				    name);
	return NF_OK;
}

/* NF_EINVAL when a pair would be retired before its first use. */
static nf_err retired_after_first_use(const char *name, const char *first_use, const char *retired,
				      nf_error *err)
{
	if (first_use[0] && retired[0] && strcmp(retired, first_use) < 0)
		return nf_error_set(err, NF_EINVAL,
				    "'%s' were first used on %s: a retirement on %s would come before that "
				    "(retire them on %s or later, or change the first use)",
				    name, first_use, retired, first_use);
	return NF_OK;
}

static nf_err first_use_before_runs(nf_journal *j, const nf_gear *g, nf_error *err);

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
	nf_err rc;
	if ((rc = core_utf8_check("nickname", g->nickname, err)) ||
	    (rc = core_utf8_check("brand", g->brand, err)) ||
	    (rc = core_utf8_check("model", g->model, err)))
		return rc;
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

static bool read_gear(sqlite3_stmt *st, void *dst)
{
	nf_gear *g = dst;
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
	return true;
}

nf_err nf_journal_get_gear(nf_journal *j, int64_t id, nf_gear *out, nf_error *err)
{
	return jr_get_by_id(j, GEAR_SELECT "WHERE g.id = ?", id, read_gear, out, "gear", "reading gear",
			    err);
}

nf_err nf_journal_find_gear(nf_journal *j, const char *nickname, nf_gear *out, nf_error *err)
{
	/* The name as written, else the one pair whose name differs from it only in case ("pegasus"
	 * for "Pegasus"; ASCII letters, as SQLite's NOCASE folds them). A journal from before names
	 * were told apart regardless of case may hold two such pairs: then only the exact name finds
	 * either. */
	sqlite3_stmt *st = jr_prepare(j, GEAR_SELECT "WHERE g.nickname = ?1 OR (g.nickname = ?1 COLLATE NOCASE"
					 " AND (SELECT count(*) FROM gear WHERE nickname = ?1 COLLATE NOCASE) = 1)",
				      err);
	if (st)
		sqlite3_bind_text(st, 1, nickname ? nickname : "", -1, SQLITE_TRANSIENT);
	return jr_read_one(j, st, read_gear, out, "reading gear", err, "no gear named '%.*s'",
			   NF_JOURNAL_NAME_MAX - 1, nickname ? nickname : "");
}

nf_err nf_journal_default_gear(nf_journal *j, nf_gear_kind kind, nf_gear *out, nf_error *err)
{
	sqlite3_stmt *st = jr_prepare(j, GEAR_SELECT "WHERE g.kind = ? AND g.is_default = 1", err);
	if (st)
		sqlite3_bind_text(st, 1, nf_gear_kind_name(kind), -1, SQLITE_STATIC);
	return jr_read_one(j, st, read_gear, out, "reading gear", err, "no gear set as default %s",
			   nf_gear_kind_name(kind));
}

nf_err nf_journal_gear_on(nf_journal *j, nf_gear_kind kind, int64_t t, int64_t *id, nf_error *err)
{
	char day[32];
	*id = 0;
	if (t < 0)
		return NF_OK;
	nf_time_day(t, day, sizeof day);
	/* A pair's service starts at its first use or, when none was given, at the first run
	 * logged in it; it ends on the day it was retired. */
	sqlite3_stmt *st = jr_prepare(j,
		"SELECT id FROM (SELECT g.id, g.is_default, g.retired,"
		"  coalesce(g.first_use, (SELECT min(date(r.start_time)) FROM runs r"
		"   WHERE (g.kind = 'shoes' AND r.shoes_id = g.id)"
		"      OR (g.kind = 'insoles' AND r.insoles_id = g.id))) AS since"
		" FROM gear g WHERE g.kind = ?1)"
		" WHERE since <= ?2 AND (retired IS NULL OR retired >= ?2)"
		" ORDER BY is_default DESC, since DESC, id DESC LIMIT 1", err);
	if (!st)
		return err ? err->code : NF_EDB;
	sqlite3_bind_text(st, 1, nf_gear_kind_name(kind), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, day, -1, SQLITE_TRANSIENT);
	nf_err rc = NF_OK;
	int s = sqlite3_step(st);
	if (s == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	else if (s != SQLITE_DONE)
		rc = jr_db_error(j, err, "looking up the gear in service");
	sqlite3_finalize(st);
	return rc;
}

nf_err nf_journal_list_gear(nf_journal *j, bool include_retired, nf_gear **out, size_t *n,
			    nf_error *err)
{
	sqlite3_stmt *st = jr_prepare(j, GEAR_SELECT "WHERE ? OR g.retired IS NULL"
					  " ORDER BY g.kind DESC, g.nickname", err);
	if (st)
		sqlite3_bind_int(st, 1, include_retired);
	void *list;
	nf_err rc = jr_read_all(j, st, read_gear, NULL, sizeof **out, &list, n, "gear", err);
	*out = list;
	return rc;
}

void nf_gear_list_free(nf_gear *list)
{
	free(list);
}

/* Clears the default of kind, so that another pair can take it: the unique index on the default
 * is checked row by row, so the old default must go before the new one is set. */
static nf_err clear_default(nf_journal *j, nf_gear_kind kind, nf_error *err)
{
	sqlite3_stmt *st = jr_prepare(j, "UPDATE gear SET is_default = 0 WHERE kind = ? AND is_default = 1", err);
	if (st)
		sqlite3_bind_text(st, 1, nf_gear_kind_name(kind), -1, SQLITE_STATIC);
	return jr_step_done(j, st, "changing the default gear", err);
}

/* Binds the fields of g that INSERT and UPDATE below store, to parameters 1..8. */
static void bind_gear(sqlite3_stmt *st, const nf_gear *g)
{
	sqlite3_bind_text(st, 1, nf_gear_kind_name(g->kind), -1, SQLITE_STATIC);
	jr_bind_text(st, 2, g->nickname);
	jr_bind_text(st, 3, g->brand);
	jr_bind_text(st, 4, g->model);
	jr_bind_text(st, 5, g->first_use);
	sqlite3_bind_double(st, 6, g->start_km);
	jr_bind_real(st, 7, g->retire_km);
	jr_bind_text(st, 8, g->retired);
}

/* A taken nickname is reported by name rather than by SQLite's constraint text. */
static nf_err name_taken(nf_err rc, const nf_gear *g, nf_error *err)
{
	if (rc == NF_EEXIST)
		nf_error_set(err, NF_EEXIST, "there is already gear named '%s'", g->nickname);
	return rc;
}

/* Names that differ only in case would be told apart by the journal but not by the runner who
 * types "--shoes pegasus" with "Pegasus" and "pegasus" both stored: a new name (or a pair's new
 * name; id is the pair itself, or 0) may not match another pair's regardless of case. */
static nf_err name_taken_any_case(nf_journal *j, const nf_gear *g, int64_t id, nf_error *err)
{
	sqlite3_stmt *st = jr_prepare(j, "SELECT nickname FROM gear WHERE nickname = ? COLLATE NOCASE"
					 " AND nickname <> ? AND id <> ? LIMIT 1", err);
	if (!st)
		return err ? err->code : NF_EDB;
	sqlite3_bind_text(st, 1, g->nickname, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, g->nickname, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, id);
	nf_err rc = NF_OK;
	int s = sqlite3_step(st);
	if (s == SQLITE_ROW)
		rc = nf_error_set(err, NF_EEXIST, "there is already gear named '%s', which '%s' differs from only in case",
				  (const char *)sqlite3_column_text(st, 0), g->nickname);
	else if (s != SQLITE_DONE)
		rc = jr_db_error(j, err, "reading gear");
	sqlite3_finalize(st);
	return rc;
}

/* nf_journal_add_gear's transaction: g is only read; id and is_default are what the caller
 * copies into g once the commit succeeded. */
struct add_gear {
	const nf_gear *g;
	int64_t id;
	bool is_default;
};

static nf_err add_gear_body(nf_journal *j, void *ctx, nf_error *err)
{
	struct add_gear *a = ctx;
	const nf_gear *g = a->g;
	nf_err rc;
	bool make_default = g->is_default && !g->retired[0];
	if (!g->retired[0] && !make_default) {
		/* The first pair of a kind becomes the default, so that `run add 10` just works. */
		sqlite3_stmt *st = jr_prepare(j, "SELECT count(*) FROM gear WHERE kind = ? AND is_default = 1", err);
		if (!st)
			return err ? err->code : NF_EDB;
		sqlite3_bind_text(st, 1, nf_gear_kind_name(g->kind), -1, SQLITE_STATIC);
		make_default = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 0;
		sqlite3_finalize(st);
	}
	if ((rc = name_taken_any_case(j, g, 0, err)))
		return rc;
	if (make_default && (rc = clear_default(j, g->kind, err)))
		return rc;
	sqlite3_stmt *st = jr_prepare(j,
		"INSERT INTO gear(kind, nickname, brand, model, first_use, start_km, retire_km, retired,"
		" is_default) VALUES(?,?,?,?,?,?,?,?,?)", err);
	if (st) {
		bind_gear(st, g);
		sqlite3_bind_int(st, 9, make_default);
	}
	rc = name_taken(jr_step_done(j, st, "adding gear", err), g, err);
	if (rc)
		return rc;
	a->id = sqlite3_last_insert_rowid(j->db);
	a->is_default = make_default;
	return NF_OK;
}

nf_err nf_journal_add_gear(nf_journal *j, nf_gear *g, nf_error *err)
{
	struct add_gear a = {.g = g};
	nf_err rc = check_gear(g, err);
	if (!rc)
		rc = check_nickname(g->nickname, err);
	if (!rc)
		rc = retired_after_first_use(g->nickname, g->first_use, g->retired, err);
	if (!rc)
		rc = jr_transaction(j, add_gear_body, &a, err);
	if (rc)
		return rc;
	g->id = a.id;
	g->is_default = a.is_default;
	g->used_km = g->start_km;
	g->runs = 0;
	return NF_OK;
}

static nf_err retired_after_runs(nf_journal *j, int64_t id, const char *name, const char *date, nf_error *err);

static nf_err update_gear_body(nf_journal *j, void *ctx, nf_error *err)
{
	const nf_gear *g = ctx;
	nf_gear old;
	nf_err rc = nf_journal_get_gear(j, g->id, &old, err);
	if (rc)
		return rc;
	/* A new nickname must be one that can be typed back; one stored before the rule stays until
	 * it is changed, so that the pair's other fields can still be edited. */
	if (strcmp(g->nickname, old.nickname) &&
	    ((rc = check_nickname(g->nickname, err)) || (rc = name_taken_any_case(j, g, g->id, err))))
		return rc;
	/* A retirement date given or changed (the page's Retire) keeps the rule of retire_gear; one
	 * stored before the rule is left as it is when other fields change. */
	if (g->retired[0] && strcmp(g->retired, old.retired) &&
	    (rc = retired_after_runs(j, g->id, g->nickname, g->retired, err)))
		return rc;
	/* The dates must hold the pair's runs and each other: a first use given or changed comes no
	 * later than the first run in them, and no retirement before the first use. */
	bool first_changed = strcmp(g->first_use, old.first_use) != 0;
	if (first_changed && (rc = first_use_before_runs(j, g, err)))
		return rc;
	if ((first_changed || strcmp(g->retired, old.retired)) &&
	    (rc = retired_after_first_use(g->nickname, g->first_use, g->retired, err)))
		return rc;
	sqlite3_stmt *st = jr_prepare(j,
		"UPDATE gear SET kind = ?, nickname = ?, brand = ?, model = ?, first_use = ?,"
		" start_km = ?, retire_km = ?, retired = ?,"
		" is_default = CASE WHEN ? IS NULL AND kind = ? THEN is_default ELSE 0 END"
		" WHERE id = ?", err);
	if (st) {
		bind_gear(st, g);
		jr_bind_text(st, 9, g->retired);
		sqlite3_bind_text(st, 10, nf_gear_kind_name(g->kind), -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 11, g->id);
	}
	return name_taken(jr_step_change(j, st, "gear", g->id, "updating gear", err), g, err);
}

nf_err nf_journal_update_gear(nf_journal *j, const nf_gear *g, nf_error *err)
{
	nf_err rc = check_gear(g, err);
	if (rc)
		return rc;
	/* The body only reads g: the cast drops const to pass it through ctx. */
	return jr_transaction(j, update_gear_body, (void *)g, err);
}

struct retire_gear {
	int64_t id;
	const char *date;
};

static bool read_gear_use(sqlite3_stmt *st, void *dst)
{
	nf_gear_use *u = dst;
	u->runs = sqlite3_column_int64(st, 0);
	u->runs_numb = sqlite3_column_int64(st, 1);
	u->last_run = jr_col_int(st, 2, 0);
	const char *when = (const char *)sqlite3_column_text(st, 3);
	if (!when || nf_time_parse_iso(when, &u->last_start))
		u->last_start = -1;
	return true;
}

nf_err nf_journal_gear_use(nf_journal *j, int64_t id, nf_gear_use *out, nf_error *err)
{
	nf_gear g;
	memset(out, 0, sizeof *out);
	out->last_start = -1;
	nf_err rc = nf_journal_get_gear(j, id, &g, err);
	if (rc)
		return rc;
	sqlite3_stmt *st = jr_prepare(j,
		"SELECT count(*),"
		" count(*) FILTER (WHERE EXISTS (SELECT 1 FROM episodes e WHERE e.run_id = r.id)),"
		" (SELECT id FROM runs WHERE shoes_id = ?1 OR insoles_id = ?1"
		"   ORDER BY start_time DESC, id DESC LIMIT 1),"
		" max(r.start_time)"
		" FROM runs r WHERE r.shoes_id = ?1 OR r.insoles_id = ?1", err);
	if (st)
		sqlite3_bind_int64(st, 1, id);
	return jr_read_one(j, st, read_gear_use, out, "counting the runs of gear", err, "no gear with id %lld",
			   (long long)id);
}

/* NF_EINVAL naming the run when gear id (called name) has a run after the day date. */
static nf_err retired_after_runs(nf_journal *j, int64_t id, const char *name, const char *date, nf_error *err)
{
	nf_gear_use u;
	nf_err rc = nf_journal_gear_use(j, id, &u, err);
	if (rc)
		return rc;
	char last[32];
	nf_time_iso(u.last_start, last, sizeof last);
	/* ISO dates compare as text; the run's day is its UTC day, as the journal stores it. */
	if (u.last_start >= 0 && strncmp(date, last, 10) < 0)
		return nf_error_set(err, NF_EINVAL,
				    "'%s' were run in on %.10s (run %lld): a retirement on %s would come "
				    "before that run (retire them on %.10s or later)",
				    name, last, (long long)u.last_run, date, last);
	return NF_OK;
}

static nf_err retire_gear_body(nf_journal *j, void *ctx, nf_error *err)
{
	const struct retire_gear *r = ctx;
	nf_gear g;
	nf_err rc = nf_journal_get_gear(j, r->id, &g, err);
	if (!rc)
		rc = retired_after_runs(j, r->id, g.nickname, r->date, err);
	if (!rc)
		rc = retired_after_first_use(g.nickname, g.first_use, r->date, err);
	if (rc)
		return rc;
	sqlite3_stmt *st = jr_prepare(j, "UPDATE gear SET retired = ?, is_default = 0 WHERE id = ?", err);
	if (st) {
		jr_bind_text(st, 1, r->date);
		sqlite3_bind_int64(st, 2, r->id);
	}
	return jr_step_change(j, st, "gear", r->id, "retiring gear", err);
}

nf_err nf_journal_retire_gear(nf_journal *j, int64_t id, const char *date, nf_error *err)
{
	struct retire_gear r = {.id = id, .date = date};
	if (!jr_valid_date(date, false))
		return nf_error_set(err, NF_EINVAL, "'%s' is not a date (YYYY-MM-DD)", date ? date : "");
	return jr_transaction(j, retire_gear_body, &r, err);
}

static nf_err set_default_body(nf_journal *j, void *ctx, nf_error *err)
{
	int64_t id = *(const int64_t *)ctx;
	nf_gear g;
	nf_err rc = nf_journal_get_gear(j, id, &g, err);
	if (rc)
		return rc;
	if (g.retired[0])
		return nf_error_set(err, NF_EINVAL, "'%s' was retired on %s", g.nickname, g.retired);
	rc = clear_default(j, g.kind, err);
	if (rc)
		return rc;
	sqlite3_stmt *st = jr_prepare(j, "UPDATE gear SET is_default = 1 WHERE id = ?", err);
	if (st)
		sqlite3_bind_int64(st, 1, id);
	return jr_step_done(j, st, "changing the default gear", err);
}

nf_err nf_journal_set_default_gear(nf_journal *j, int64_t id, nf_error *err)
{
	return jr_transaction(j, set_default_body, &id, err);
}

nf_err nf_journal_delete_gear(nf_journal *j, int64_t id, nf_error *err)
{
	return jr_delete_by_id(j, "DELETE FROM gear WHERE id = ?", "gear", id, "deleting gear", err);
}

nf_err jr_gear_in_service(nf_journal *j, int64_t id, int64_t start, int64_t run_id, nf_error *err)
{
	nf_gear g;
	if (id <= 0 || start < 0)
		return NF_OK;
	nf_err rc = nf_journal_get_gear(j, id, &g, err);
	if (rc)
		return rc;
	/* The run's day is its UTC day, as the journal stores it and as retirement is checked. */
	char day[32], what[32];
	nf_time_day(start, day, sizeof day);
	if (run_id > 0)
		snprintf(what, sizeof what, "run %lld", (long long)run_id);
	else
		snprintf(what, sizeof what, "this run");
	if (g.first_use[0] && strcmp(day, g.first_use) < 0)
		return nf_error_set(err, NF_EINVAL,
				    "%s '%s' were first used on %s, after %s on %s: give the %s worn that day, "
				    "or an earlier first use (gear edit %s --first-use)",
				    nf_gear_kind_name(g.kind), g.nickname, g.first_use, what, day,
				    nf_gear_kind_name(g.kind), g.nickname);
	if (g.retired[0] && strcmp(day, g.retired) > 0)
		return nf_error_set(err, NF_EINVAL,
				    "%s '%s' were retired on %s, before %s on %s: give the %s worn that day, or "
				    "bring them back (gear edit %s --unretire)",
				    nf_gear_kind_name(g.kind), g.nickname, g.retired, what, day,
				    nf_gear_kind_name(g.kind), g.nickname);
	return NF_OK;
}

nf_err jr_gear_period_fits(nf_journal *j, const nf_gear *g, const char *lo, const char *hi, nf_error *err)
{
	if (!g->first_use[0] && !g->retired[0])
		return NF_OK;
	sqlite3_stmt *st = jr_prepare(j,
		"SELECT id, start_time FROM runs WHERE start_time >= ?1 AND start_time < ?2"
		" AND ((?3 IS NOT NULL AND substr(start_time, 1, 10) < ?3)"
		"   OR (?4 IS NOT NULL AND substr(start_time, 1, 10) > ?4))"
		" ORDER BY start_time LIMIT 1", err);
	if (!st)
		return err ? err->code : NF_EDB;
	sqlite3_bind_text(st, 1, lo, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, hi, -1, SQLITE_TRANSIENT);
	jr_bind_text(st, 3, g->first_use);
	jr_bind_text(st, 4, g->retired);
	nf_err rc = NF_OK;
	int s = sqlite3_step(st);
	if (s == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0), t = -1;
		const char *when = (const char *)sqlite3_column_text(st, 1);
		if (when)
			nf_time_parse_iso(when, &t);
		sqlite3_finalize(st);
		return jr_gear_in_service(j, g->id, t, id, err);
	}
	if (s != SQLITE_DONE)
		rc = jr_db_error(j, err, "reading the runs of the period");
	sqlite3_finalize(st);
	return rc;
}

/* NF_EINVAL naming the pair's first run when first_use comes after its day. */
static nf_err first_use_before_runs(nf_journal *j, const nf_gear *g, nf_error *err)
{
	if (!g->first_use[0])
		return NF_OK;
	sqlite3_stmt *st = jr_prepare(j,
		"SELECT id, substr(start_time, 1, 10) FROM runs WHERE (shoes_id = ?1 OR insoles_id = ?1)"
		" AND start_time IS NOT NULL ORDER BY start_time, id LIMIT 1", err);
	if (!st)
		return err ? err->code : NF_EDB;
	sqlite3_bind_int64(st, 1, g->id);
	nf_err rc = NF_OK;
	int s = sqlite3_step(st);
	if (s == SQLITE_ROW) {
		const char *day = (const char *)sqlite3_column_text(st, 1);
		if (day && strcmp(g->first_use, day) > 0)
			rc = nf_error_set(err, NF_EINVAL,
					  "'%s' were run in on %s (run %lld): a first use on %s would come after "
					  "that run (give %s or earlier)",
					  g->nickname, day, (long long)sqlite3_column_int64(st, 0), g->first_use, day);
	} else if (s != SQLITE_DONE) {
		rc = jr_db_error(j, err, "reading the first run of gear");
	}
	sqlite3_finalize(st);
	return rc;
}

nf_err nf_journal_gear_in_service(nf_journal *j, int64_t id, int64_t t, nf_error *err)
{
	return jr_gear_in_service(j, id, t, 0, err);
}
