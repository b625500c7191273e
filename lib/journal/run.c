/* numbfoot journal: runs, typed or imported, with the gear they were run in. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journal/journal_priv.h"
#include "core/text.h"
#include "core/alloc.h"
#include "numbfoot/date.h"

void nf_journal_run_init(nf_journal_run *r)
{
	memset(r, 0, sizeof *r);
	nf_run_record_init(&r->rec);
}

/* A distance and time typed by hand against what people have run (numbfoot/run.h): a pace no
 * runner has is a typing slip, refused with the reason. secs: its running time, or not above 0. */
static nf_err check_typed_pace(const nf_run_record *x, double secs, nf_error *err)
{
	if (x->distance_m >= NF_TYPED_MIN_M && secs > 0) {
		double pace = secs / (x->distance_m / 1000);
		bool lng = x->distance_m >= NF_TYPED_LONG_M;
		double bound = lng ? NF_TYPED_PACE_LONG_S : NF_TYPED_PACE_S;
		if (pace < bound) {
			char dur[32], p[32], b[32];
			nf_duration_text(secs, dur, sizeof dur);
			nf_duration_text(pace, p, sizeof p);
			nf_duration_text(bound, b, sizeof b);
			return nf_error_set(err, NF_EINVAL,
					    "%.2f km in %s is a pace of %s/km, faster than any runner over %s (at most "
					    "%s/km for a run typed by hand): check the distance and the duration",
					    x->distance_m / 1000, dur, p,
					    lng ? "5 km or more (the world record is 2:31/km)"
						: "1 km or more (the world record is 2:12/km)",
					    b);
		}
	}
	return NF_OK;
}

/* A run typed by hand: its pace, and a heart rate no runner has. */
static nf_err check_typed(const nf_run_record *x, double secs, nf_error *err)
{
	nf_err rc = check_typed_pace(x, secs, err);
	if (rc)
		return rc;
	if (isfinite(x->heart_rate_bpm) && x->heart_rate_bpm > 0 && x->heart_rate_bpm < NF_TYPED_HR_MIN)
		return nf_error_set(err, NF_EINVAL,
				    "an average heart rate of %.0f bpm is not a runner's (%.0f or more: the "
				    "slowest resting hearts beat about 30 to 40 a minute, and running lifts the "
				    "rate well above rest)",
				    x->heart_rate_bpm, NF_TYPED_HR_MIN);
	return NF_OK;
}

static nf_err check_run(const nf_journal_run *r, nf_error *err)
{
	const nf_run_record *x = &r->rec;
	if (!jr_unknown_or_nonneg(x->distance_m))
		return nf_error_set(err, NF_EINVAL, "distance must be 0 or more");
	if (!jr_unknown_or_nonneg(x->moving_s) || !jr_unknown_or_nonneg(x->elapsed_s))
		return nf_error_set(err, NF_EINVAL, "durations must be 0 or more");
	if (!jr_unknown_or_nonneg(x->cadence_spm) || !jr_unknown_or_nonneg(x->stride_m) ||
	    !jr_unknown_or_nonneg(x->heart_rate_bpm))
		return nf_error_set(err, NF_EINVAL, "cadence, stride and heart rate must be 0 or more");
	if (!isnan(x->temperature_c) && !isfinite(x->temperature_c))
		return nf_error_set(err, NF_EINVAL, "temperature must be a number");
	if (x->start_time < -1 || x->start_time > NF_TIME_MAX)
		return nf_error_set(err, NF_EINVAL,
				    "start time out of range (1970-01-01 to 2199-12-31, UTC)");
	/* The importer's limits (numbfoot/run.h): a value no run has is refused here too, so that a
	 * typed or posted run cannot feed the analysis what a file could not. */
	if (isfinite(x->cadence_spm) &&
	    (x->cadence_spm < NF_RUN_CADENCE_MIN || x->cadence_spm > NF_RUN_CADENCE_MAX))
		return nf_error_set(err, NF_EINVAL,
				    "cadence %.0f steps per minute is not a run's (%.0f to %.0f)",
				    x->cadence_spm, NF_RUN_CADENCE_MIN, NF_RUN_CADENCE_MAX);
	double secs = x->moving_s > 0 ? x->moving_s : x->elapsed_s;
	if (x->distance_m >= NF_RUN_SPEED_MIN_M && secs > 0 &&
	    x->distance_m / secs > NF_RUN_SPEED_MAX)
		return nf_error_set(err, NF_EINVAL,
				    "%.2f km in %.0f s is %.1f m/s, faster than anyone runs (at most %.0f m/s, "
				    "a pace of %d:%02d/km): check the distance and the duration",
				    x->distance_m / 1000, secs, x->distance_m / secs, NF_RUN_SPEED_MAX,
				    (int)(1000 / NF_RUN_SPEED_MAX) / 60, (int)(1000 / NF_RUN_SPEED_MAX) % 60);
	if (!x->source_sha256[0] && !x->source_file[0]) {
		nf_err rc = check_typed(x, secs, err);
		if (rc)
			return rc;
	}
	size_t shalen = strnlen(x->source_sha256, sizeof x->source_sha256);
	if (shalen != 0 && shalen != 64)
		return nf_error_set(err, NF_EINVAL, "source hash must be 64 hex digits");
	for (size_t i = 0; i < shalen; i++)
		if (!isxdigit((unsigned char)x->source_sha256[i]))
			return nf_error_set(err, NF_EINVAL, "source hash must be 64 hex digits");
	if (!memchr(x->source_file, '\0', sizeof x->source_file) ||
	    !memchr(r->notes, '\0', sizeof r->notes) || !memchr(r->surface, '\0', sizeof r->surface) ||
	    !memchr(r->cadence_unit, '\0', sizeof r->cadence_unit))
		return nf_error_set(err, NF_ELIMIT, "a text field of the run is not terminated");
	nf_err rc;
	if ((rc = core_utf8_check("surface", r->surface, err)) ||
	    (rc = core_utf8_check("notes", r->notes, err)) ||
	    (rc = core_utf8_check("cadence unit", r->cadence_unit, err)) ||
	    (rc = core_utf8_check("source file", x->source_file, err)))
		return rc;
	return NF_OK;
}

/* Binds the stored fields of r but its source hash to parameters 1..14 in the column order of
 * INSERT and UPDATE below. */
static void bind_run(sqlite3_stmt *st, const nf_journal_run *r)
{
	char when[32];
	nf_time_iso(r->rec.start_time, when, sizeof when);
	jr_bind_text(st, 1, when);
	jr_bind_real(st, 2, r->rec.distance_m);
	jr_bind_real(st, 3, r->rec.moving_s);
	jr_bind_real(st, 4, r->rec.elapsed_s);
	jr_bind_real(st, 5, r->rec.cadence_spm);
	jr_bind_text(st, 6, r->cadence_unit);
	jr_bind_real(st, 7, r->rec.stride_m);
	jr_bind_real(st, 8, r->rec.temperature_c);
	jr_bind_real(st, 9, r->rec.heart_rate_bpm);
	jr_bind_text(st, 10, r->surface);
	jr_bind_id(st, 11, r->shoes_id);
	jr_bind_id(st, 12, r->insoles_id);
	jr_bind_text(st, 13, r->notes);
	jr_bind_text(st, 14, r->rec.source_file);
}

nf_err nf_journal_find_source(nf_journal *j, const char *sha256, int64_t *id, nf_error *err)
{
	sqlite3_stmt *st = jr_prepare(j, "SELECT id FROM runs WHERE source_sha256 = lower(?)", err);
	*id = 0;
	if (!st)
		return err ? err->code : NF_EDB;
	sqlite3_bind_text(st, 1, sha256 ? sha256 : "", -1, SQLITE_TRANSIENT);
	nf_err rc = NF_OK;
	int s = sqlite3_step(st);
	if (s == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	else if (s != SQLITE_DONE)
		rc = jr_db_error(j, err, "looking up a file");
	sqlite3_finalize(st);
	return rc;
}

nf_err nf_journal_find_same_run(nf_journal *j, const nf_run_record *rec, int64_t *id, nf_error *err)
{
	char lo[32], hi[32];
	*id = 0;
	if (!rec || rec->start_time < 60)
		return NF_OK;
	nf_time_iso(rec->start_time - NF_SAME_RUN_START_S, lo, sizeof lo);
	nf_time_iso(rec->start_time + NF_SAME_RUN_START_S, hi, sizeof hi);
	/* runs_start serves the range; the nearest start is tried first. */
	sqlite3_stmt *st = jr_prepare(j,
		"SELECT id, distance_m FROM runs WHERE source_sha256 IS NOT NULL"
		" AND start_time BETWEEN ? AND ?"
		" ORDER BY abs(unixepoch(start_time) - ?), id", err);
	if (!st)
		return err ? err->code : NF_EDB;
	sqlite3_bind_text(st, 1, lo, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, hi, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, rec->start_time);
	nf_err rc = NF_OK;
	int s;
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		double d = jr_col_real(st, 1), e = rec->distance_m;
		if (isnan(d) || isnan(e) || fabs(d - e) <= NF_SAME_RUN_DIST * fmax(d, e)) {
			*id = sqlite3_column_int64(st, 0);
			break;
		}
	}
	if (s != SQLITE_ROW && s != SQLITE_DONE)
		rc = jr_db_error(j, err, "looking for the same run");
	sqlite3_finalize(st);
	return rc;
}

static nf_err find_like_run(nf_journal *j, const nf_run_record *rec, bool typed_only, int64_t except_id,
			    int64_t *id, nf_error *err)
{
	char lo[32], hi[32];
	*id = 0;
	if (!rec || rec->start_time < 0)
		return NF_OK;
	nf_time_iso(rec->start_time > NF_LIKE_RUN_START_S ? rec->start_time - NF_LIKE_RUN_START_S : 0, lo,
		    sizeof lo);
	nf_time_iso(rec->start_time + NF_LIKE_RUN_START_S, hi, sizeof hi);
	sqlite3_stmt *st = jr_prepare(j,
		"SELECT id, distance_m FROM runs WHERE (? = 0 OR source_sha256 IS NULL)"
		" AND start_time BETWEEN ? AND ? AND id <> ?"
		" ORDER BY abs(unixepoch(start_time) - ?), id", err);
	if (!st)
		return err ? err->code : NF_EDB;
	sqlite3_bind_int(st, 1, typed_only);
	sqlite3_bind_text(st, 2, lo, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, hi, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, except_id);
	sqlite3_bind_int64(st, 5, rec->start_time);
	nf_err rc = NF_OK;
	int s;
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		double d = jr_col_real(st, 1), e = rec->distance_m;
		if (isnan(d) || isnan(e) || fabs(d - e) <= NF_LIKE_RUN_DIST * fmax(d, e)) {
			*id = sqlite3_column_int64(st, 0);
			break;
		}
	}
	if (s != SQLITE_ROW && s != SQLITE_DONE)
		rc = jr_db_error(j, err, "looking for a run like this one");
	sqlite3_finalize(st);
	return rc;
}

nf_err nf_journal_find_like_run(nf_journal *j, const nf_run_record *rec, bool typed_only, int64_t *id,
				nf_error *err)
{
	return find_like_run(j, rec, typed_only, 0, id, err);
}

/* Seconds a run lasted as the overlap test counts them: the elapsed time, else the moving time;
 * 0 when neither is known. */
static double span_s(double elapsed, double moving)
{
	return elapsed > 0 ? elapsed : moving > 0 ? moving : 0;
}

/* Whether a run from a for la seconds and one from b for lb overlap: one starts before the other
 * ends. A run of unknown length (0) is its start alone, which overlaps only a run it starts
 * inside; two of unknown length never do (typed with no time, both start at "now"). */
static bool overlaps(double a, double la, double b, double lb)
{
	if (la > 0 && b >= a && b < a + la)
		return true;
	return lb > 0 && a >= b && a < b + lb;
}

nf_err nf_journal_find_clash(nf_journal *j, const nf_run_record *rec, int64_t except_id, int64_t *id,
			     bool *overlap, nf_error *err)
{
	char lo[32], hi[32];
	*id = 0;
	*overlap = false;
	nf_err rc = find_like_run(j, rec, false, except_id, id, err);
	if (rc || *id || !rec || rec->start_time < 0)
		return rc;
	double len = span_s(rec->elapsed_s, rec->moving_s), end = (double)rec->start_time + fmax(len, 1);
	int64_t from = rec->start_time > NF_OVERLAP_LOOKBACK_S ? rec->start_time - NF_OVERLAP_LOOKBACK_S : 0;
	/* An edit is refused for laying the run over another, not for an overlap it already had (two
	 * runs stored with force): the stored run's own time, when it has one, excuses the runs it
	 * already overlapped. A change of the distance alone then passes. */
	double was_start = -1, was_len = 0;
	if (except_id > 0) {
		sqlite3_stmt *w = jr_prepare(j, "SELECT unixepoch(start_time), elapsed_s, moving_s FROM runs"
					     " WHERE id = ? AND start_time IS NOT NULL", err);
		if (!w)
			return err ? err->code : NF_EDB;
		sqlite3_bind_int64(w, 1, except_id);
		int ws = sqlite3_step(w);
		if (ws == SQLITE_ROW) {
			was_start = (double)sqlite3_column_int64(w, 0);
			was_len = span_s(jr_col_real(w, 1), jr_col_real(w, 2));
		} else if (ws != SQLITE_DONE) {
			rc = jr_db_error(j, err, "reading the run being changed");
		}
		sqlite3_finalize(w);
		if (rc)
			return rc;
	}
	nf_time_iso(from, lo, sizeof lo);
	nf_time_iso((int64_t)ceil(end), hi, sizeof hi);
	/* runs_start serves the range; the overlap itself is tested on each candidate. */
	sqlite3_stmt *st = jr_prepare(j,
		"SELECT id, unixepoch(start_time), elapsed_s, moving_s FROM runs"
		" WHERE start_time >= ? AND start_time < ? AND id <> ?"
		" ORDER BY abs(unixepoch(start_time) - ?), id", err);
	if (!st)
		return err ? err->code : NF_EDB;
	sqlite3_bind_text(st, 1, lo, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, hi, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, except_id);
	sqlite3_bind_int64(st, 4, rec->start_time);
	int s;
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		double start = (double)sqlite3_column_int64(st, 1), other = span_s(jr_col_real(st, 2), jr_col_real(st, 3));
		if (was_start >= 0 && overlaps(was_start, was_len, start, other))
			continue;
		if (overlaps((double)rec->start_time, len, start, other)) {
			*id = sqlite3_column_int64(st, 0);
			*overlap = true;
			break;
		}
	}
	if (s != SQLITE_ROW && s != SQLITE_DONE)
		rc = jr_db_error(j, err, "looking for a run at the same time");
	sqlite3_finalize(st);
	return rc;
}

nf_err nf_journal_set_gear_between(nf_journal *j, nf_gear_kind kind, int64_t gear_id, int64_t from,
				  int64_t to, int64_t *changed, nf_error *err)
{
	char lo[32], hi[32];
	nf_gear g;
	*changed = 0;
	if (from < 0 || to <= from)
		return nf_error_set(err, NF_EINVAL, "the dates give no period (from must come before to)");
	if (gear_id > 0) {
		nf_err rc = nf_journal_get_gear(j, gear_id, &g, err);
		if (rc)
			return rc;
		if (g.kind != kind)
			return nf_error_set(err, NF_EINVAL, "'%s' are %s, not %s", g.nickname,
					    nf_gear_kind_name(g.kind), nf_gear_kind_name(kind));
	}
	nf_time_iso(from, lo, sizeof lo);
	nf_time_iso(to, hi, sizeof hi);
	if (gear_id > 0) {
		nf_err rc = jr_gear_period_fits(j, &g, lo, hi, err);
		if (rc)
			return rc;
	}
	/* One statement: all the runs of the period change, or none. */
	sqlite3_stmt *st = jr_prepare(j, kind == NF_GEAR_SHOES
		? "UPDATE runs SET shoes_id = ? WHERE start_time >= ? AND start_time < ?"
		: "UPDATE runs SET insoles_id = ? WHERE start_time >= ? AND start_time < ?", err);
	if (!st)
		return err ? err->code : NF_EDB;
	jr_bind_id(st, 1, gear_id);
	sqlite3_bind_text(st, 2, lo, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, hi, -1, SQLITE_TRANSIENT);
	nf_err rc = jr_step_done(j, st, "changing the gear of runs", err);
	if (!rc)
		*changed = sqlite3_changes(j->db);
	return rc;
}

/* Current distance of gear id (0: none) in *km and its retirement distance; NaN when no gear.
 * NF_ENOTFOUND when the gear does not exist, NF_EINVAL when it is not of kind. */
static nf_err gear_km(nf_journal *j, int64_t id, nf_gear_kind kind, double *km, double *retire,
		      nf_error *err)
{
	nf_gear g;
	*km = NAN;
	*retire = NAN;
	if (id <= 0)
		return NF_OK;
	nf_err rc = nf_journal_get_gear(j, id, &g, err);
	if (rc == NF_ENOTFOUND)
		return nf_error_set(err, NF_ENOTFOUND, "no %s with id %lld", nf_gear_kind_name(kind),
				    (long long)id);
	if (rc)
		return rc;
	if (g.kind != kind)
		return nf_error_set(err, NF_EINVAL, "'%s' are %s, not %s", g.nickname,
				    nf_gear_kind_name(g.kind), nf_gear_kind_name(kind));
	*km = g.used_km;
	*retire = g.retire_km;
	return NF_OK;
}

static bool crossed_now(double before, double after, double retire)
{
	return isfinite(retire) && before < retire && after >= retire;
}

/* nf_journal_add_run's transaction: r and episodes are the caller's; id and the before and after
 * distances of the gear are only valid when the transaction committed. */
struct add_run {
	const nf_journal_run *r;
	nf_episode *episodes;
	size_t n;
	const unsigned char *route; /* packed points (jr_track_pack), or NULL */
	size_t nroute;
	int64_t id;
	double s0, s1, sr, i0, i1, ir;
};

static nf_err add_run_body(nf_journal *j, void *ctx, nf_error *err)
{
	struct add_run *a = ctx;
	const nf_journal_run *r = a->r;
	int64_t existing;
	nf_err rc;
	if (r->rec.source_sha256[0]) {
		rc = nf_journal_find_source(j, r->rec.source_sha256, &existing, err);
		if (rc)
			return rc;
		if (existing)
			return nf_error_set(err, NF_EEXIST, "%s: already in the journal as run %lld",
					    r->rec.source_file[0] ? r->rec.source_file : "this file",
					    (long long)existing);
	}
	rc = gear_km(j, r->shoes_id, NF_GEAR_SHOES, &a->s0, &a->sr, err);
	if (!rc)
		rc = gear_km(j, r->insoles_id, NF_GEAR_INSOLES, &a->i0, &a->ir, err);
	/* A run typed by hand is in a pair in service that day. An import picks the pair in service
	 * itself, or takes the one its export names, which is the record of what was worn. */
	if (!rc && !r->rec.source_sha256[0] && !r->rec.source_file[0]) {
		rc = jr_gear_in_service(j, r->shoes_id, r->rec.start_time, 0, err);
		if (!rc)
			rc = jr_gear_in_service(j, r->insoles_id, r->rec.start_time, 0, err);
	}
	if (rc)
		return rc;
	sqlite3_stmt *st = jr_prepare(j,
		"INSERT INTO runs(start_time, distance_m, moving_s, elapsed_s, cadence_spm, cadence_unit,"
		" stride_m, temperature_c, heart_rate_bpm, surface, shoes_id, insoles_id, notes,"
		" source_file, source_sha256) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,lower(?))", err);
	if (st) {
		bind_run(st, r);
		jr_bind_text(st, 15, r->rec.source_sha256);
	}
	rc = jr_step_done(j, st, "adding a run", err);
	if (rc)
		return rc;
	a->id = sqlite3_last_insert_rowid(j->db);
	for (size_t k = 0; k < a->n; k++) {
		a->episodes[k].run_id = a->id;
		rc = jr_insert_episode(j, &a->episodes[k], err);
		if (rc)
			return rc;
	}
	if (a->nroute && (rc = jr_insert_track(j, a->id, a->route, a->nroute, err)))
		return rc;
	rc = gear_km(j, r->shoes_id, NF_GEAR_SHOES, &a->s1, &a->sr, err);
	if (!rc)
		rc = gear_km(j, r->insoles_id, NF_GEAR_INSOLES, &a->i1, &a->ir, err);
	return rc;
}

nf_err nf_journal_add_run(nf_journal *j, nf_journal_run *r, nf_episode *episodes, size_t n,
			  unsigned *crossed, nf_error *err)
{
	return nf_journal_add_run_track(j, r, episodes, n, NULL, 0, crossed, err);
}

nf_err nf_journal_add_run_track(nf_journal *j, nf_journal_run *r, nf_episode *episodes, size_t n,
				const nf_track_point *track, size_t ntrack, unsigned *crossed, nf_error *err)
{
	struct add_run a = {.r = r, .episodes = episodes, .n = n};
	nf_err rc = check_run(r, err);
	if (crossed)
		*crossed = 0;
	if (rc)
		return rc;
	/* Checked before the run is inserted: inside the transaction the run already has the id that
	 * the rollback frees, and a message naming it would name a run that was never stored. */
	double dur = jr_run_duration(r->rec.moving_s, r->rec.elapsed_s);
	for (size_t k = 0; k < n; k++)
		if ((rc = jr_onset_fits(0, episodes[k].onset_km, episodes[k].onset_min, r->rec.distance_m, dur, err)))
			return rc;
	unsigned char *route = NULL;
	if (ntrack && (rc = jr_track_pack(track, ntrack, &route, &a.nroute, err)))
		return rc;
	a.route = route;
	rc = jr_transaction(j, add_run_body, &a, err);
	free(route);
	if (rc) {
		/* Rolled back: the ids given to the episodes name no rows. */
		for (size_t k = 0; k < n; k++)
			episodes[k].id = episodes[k].run_id = 0;
		return rc;
	}
	r->id = a.id;
	if (crossed)
		*crossed = (crossed_now(a.s0, a.s1, a.sr) ? NF_CROSSED_SHOES : 0) |
			   (crossed_now(a.i0, a.i1, a.ir) ? NF_CROSSED_INSOLES : 0);
	return NF_OK;
}

#define RUN_SELECT \
	"SELECT r.id, r.start_time, r.distance_m, r.moving_s, r.elapsed_s, r.cadence_spm," \
	" r.cadence_unit, r.stride_m, r.temperature_c, r.heart_rate_bpm, r.surface, r.shoes_id," \
	" r.insoles_id, s.nickname, i.nickname, r.notes, r.source_file, r.source_sha256" \
	" FROM runs r LEFT JOIN gear s ON s.id = r.shoes_id LEFT JOIN gear i ON i.id = r.insoles_id "

static bool read_run(sqlite3_stmt *st, void *dst)
{
	nf_journal_run *r = dst;
	nf_journal_run_init(r);
	r->id = sqlite3_column_int64(st, 0);
	const char *when = (const char *)sqlite3_column_text(st, 1);
	if (!when || nf_time_parse_iso(when, &r->rec.start_time))
		r->rec.start_time = -1;
	r->rec.distance_m = jr_col_real(st, 2);
	r->rec.moving_s = jr_col_real(st, 3);
	r->rec.elapsed_s = jr_col_real(st, 4);
	r->rec.cadence_spm = jr_col_real(st, 5);
	jr_col_text(st, 6, r->cadence_unit, sizeof r->cadence_unit);
	r->rec.stride_m = jr_col_real(st, 7);
	r->rec.temperature_c = jr_col_real(st, 8);
	r->rec.heart_rate_bpm = jr_col_real(st, 9);
	jr_col_text(st, 10, r->surface, sizeof r->surface);
	r->shoes_id = jr_col_int(st, 11, 0);
	r->insoles_id = jr_col_int(st, 12, 0);
	jr_col_text(st, 13, r->shoes, sizeof r->shoes);
	jr_col_text(st, 14, r->insoles, sizeof r->insoles);
	jr_col_text(st, 15, r->notes, sizeof r->notes);
	jr_col_text(st, 16, r->rec.source_file, sizeof r->rec.source_file);
	jr_col_text(st, 17, r->rec.source_sha256, sizeof r->rec.source_sha256);
	return true;
}

nf_err nf_journal_get_run(nf_journal *j, int64_t id, nf_journal_run *out, nf_error *err)
{
	return jr_get_by_id(j, RUN_SELECT "WHERE r.id = ?", id, read_run, out, "run", "reading a run",
			    err);
}

static bool read_id(sqlite3_stmt *st, void *dst)
{
	*(int64_t *)dst = sqlite3_column_int64(st, 0);
	return true;
}

nf_err nf_journal_last_run(nf_journal *j, int64_t *id, nf_error *err)
{
	sqlite3_stmt *st = jr_prepare(j, "SELECT id FROM runs ORDER BY start_time DESC, id DESC LIMIT 1", err);
	return jr_read_one(j, st, read_id, id, "finding the last run", err, "the journal has no runs yet");
}

/* The latest onsets of run id's episodes into on[0] (km) and on[1] (minutes), NaN if none. */
static bool read_onsets(sqlite3_stmt *st, void *dst)
{
	double *on = dst;
	on[0] = jr_col_real(st, 0);
	on[1] = jr_col_real(st, 1);
	return true;
}

/* An edit must not end a run before numbness recorded on it began (a distance or a duration
 * shortened below an episode's onset): NF_EINVAL saying which, with the run unchanged. */
static nf_err episodes_fit(nf_journal *j, const nf_journal_run *r, nf_error *err)
{
	double on[2];
	sqlite3_stmt *st = jr_prepare(j, "SELECT max(onset_km), max(onset_min) FROM episodes WHERE run_id = ?", err);
	if (st)
		sqlite3_bind_int64(st, 1, r->id);
	nf_err rc = jr_read_one(j, st, read_onsets, on, "reading the run's episodes", err, "no run %lld",
				(long long)r->id);
	if (rc)
		return rc;
	/* The rule is jr_onset_fits'; the words say which of the run's own values to change. */
	double dur = jr_run_duration(r->rec.moving_s, r->rec.elapsed_s);
	static const char *const tail = ": the run cannot end before it (change or delete the episode first)";
	if (jr_onset_fits(r->id, on[0], NAN, r->rec.distance_m, dur, NULL))
		return nf_error_set(err, NF_EINVAL, "run %lld has numbness recorded at %.2f km, past a distance of %.2f km%s",
				    (long long)r->id, on[0], r->rec.distance_m / 1000, tail);
	if (jr_onset_fits(r->id, NAN, on[1], r->rec.distance_m, dur, NULL))
		return nf_error_set(err, NF_EINVAL, "run %lld has numbness recorded at %.0f min, past a time of %.0f min%s",
				    (long long)r->id, on[1], dur / 60, tail);
	return NF_OK;
}

static bool same_value(double a, double b)
{
	return a == b || (isnan(a) && isnan(b));
}

/* An imported run is held to the file's limits (check_run), but a distance or a time changed by an
 * edit is typed by hand, whatever the run's source: held to the pace a typed run is. */
static nf_err edited_pace(const nf_journal_run *r, const nf_journal_run *was, nf_error *err)
{
	const nf_run_record *x = &r->rec;
	if (!x->source_sha256[0] && !x->source_file[0])
		return NF_OK; /* check_run held it already */
	if (same_value(was->rec.distance_m, x->distance_m) && same_value(was->rec.moving_s, x->moving_s) &&
	    same_value(was->rec.elapsed_s, x->elapsed_s))
		return NF_OK;
	return check_typed_pace(x, x->moving_s > 0 ? x->moving_s : x->elapsed_s, err);
}

static nf_err update_run_body(nf_journal *j, void *ctx, nf_error *err)
{
	const nf_journal_run *r = ctx;
	double d;
	nf_journal_run *old = core_malloc(sizeof *old);
	if (!old)
		return nf_error_set(err, NF_ENOMEM, "out of memory updating a run");
	nf_err rc = nf_journal_get_run(j, r->id, old, err);
	if (rc) {
		free(old);
		return rc;
	}
	rc = edited_pace(r, old, err);
	if (!rc)
		rc = gear_km(j, r->shoes_id, NF_GEAR_SHOES, &d, &d, err);
	if (!rc)
		rc = gear_km(j, r->insoles_id, NF_GEAR_INSOLES, &d, &d, err);
	/* A pair given, or a day changed, must hold the run (jr_gear_in_service); a contradiction
	 * stored before the rule is left as it is when other fields change. */
	char d0[32], d1[32];
	nf_time_day(old->rec.start_time, d0, sizeof d0);
	nf_time_day(r->rec.start_time, d1, sizeof d1);
	bool moved = strcmp(d0, d1) != 0;
	if (!rc && (moved || r->shoes_id != old->shoes_id))
		rc = jr_gear_in_service(j, r->shoes_id, r->rec.start_time, r->id, err);
	if (!rc && (moved || r->insoles_id != old->insoles_id))
		rc = jr_gear_in_service(j, r->insoles_id, r->rec.start_time, r->id, err);
	free(old);
	if (!rc)
		rc = episodes_fit(j, r, err);
	if (rc)
		return rc;
	sqlite3_stmt *st = jr_prepare(j,
		"UPDATE runs SET start_time = ?, distance_m = ?, moving_s = ?, elapsed_s = ?,"
		" cadence_spm = ?, cadence_unit = ?, stride_m = ?, temperature_c = ?, heart_rate_bpm = ?,"
		" surface = ?, shoes_id = ?, insoles_id = ?, notes = ?, source_file = ?"
		" WHERE id = ?15", err);
	if (st) {
		bind_run(st, r);
		sqlite3_bind_int64(st, 15, r->id);
	}
	return jr_step_change(j, st, "run", r->id, "updating a run", err);
}

nf_err nf_journal_update_run(nf_journal *j, const nf_journal_run *r, nf_error *err)
{
	nf_err rc = check_run(r, err);
	if (rc)
		return rc;
	/* The body only reads r: the cast drops const to pass it through ctx. */
	return jr_transaction(j, update_run_body, (void *)r, err);
}

struct merge {
	const nf_journal_run *r;
	const unsigned char *route; /* packed points (jr_track_pack), or NULL */
	size_t nroute;
};

static nf_err merge_body(nf_journal *j, void *ctx, nf_error *err)
{
	const struct merge *m = ctx;
	const nf_journal_run *r = m->r;
	int64_t existing;
	nf_err rc = nf_journal_find_source(j, r->rec.source_sha256, &existing, err);
	if (rc)
		return rc;
	if (existing)
		return nf_error_set(err, NF_EEXIST, "%s: already in the journal as run %lld", r->rec.source_file,
				    (long long)existing);
	if ((rc = episodes_fit(j, r, err)))
		return rc;
	sqlite3_stmt *st = jr_prepare(j,
		"UPDATE runs SET start_time = ?, distance_m = ?, moving_s = ?, elapsed_s = ?,"
		" cadence_spm = ?, cadence_unit = ?, stride_m = ?, temperature_c = ?, heart_rate_bpm = ?,"
		" surface = ?, shoes_id = ?, insoles_id = ?, notes = ?, source_file = ?,"
		" source_sha256 = lower(?16) WHERE id = ?15", err);
	if (st) {
		bind_run(st, r);
		sqlite3_bind_int64(st, 15, r->id);
		jr_bind_text(st, 16, r->rec.source_sha256);
	}
	if ((rc = jr_step_change(j, st, "run", r->id, "taking a file into a run", err)))
		return rc;
	/* The file's route replaces any the run had (a typed run has none). */
	st = jr_prepare(j, "DELETE FROM tracks WHERE run_id = ?", err);
	if (st)
		sqlite3_bind_int64(st, 1, r->id);
	if ((rc = jr_step_done(j, st, "replacing a route", err)))
		return rc;
	return m->nroute ? jr_insert_track(j, r->id, m->route, m->nroute, err) : NF_OK;
}

nf_err nf_journal_merge_file(nf_journal *j, int64_t run_id, const nf_run_record *rec, const nf_track_point *track,
			     size_t ntrack, nf_error *err)
{
	nf_journal_run r;
	nf_err rc = nf_journal_get_run(j, run_id, &r, err);
	if (rc)
		return rc;
	if (r.rec.source_file[0] || r.rec.source_sha256[0])
		return nf_error_set(err, NF_EINVAL, "run %lld came from a file (%s), not typed by hand: nothing "
				    "to take into it", (long long)run_id, r.rec.source_file);
	if (!rec->source_sha256[0])
		return nf_error_set(err, NF_EINVAL, "the run to take in names no source file hash");
	/* The file's measures; where the file has none, the typed one stays. */
	const nf_run_record *f = rec;
	r.rec.start_time = f->start_time >= 0 ? f->start_time : r.rec.start_time;
	r.rec.distance_m = isfinite(f->distance_m) ? f->distance_m : r.rec.distance_m;
	if (isfinite(f->moving_s) || isfinite(f->elapsed_s)) {
		r.rec.moving_s = f->moving_s;
		r.rec.elapsed_s = f->elapsed_s;
	}
	if (isfinite(f->cadence_spm)) {
		r.rec.cadence_spm = f->cadence_spm;
		snprintf(r.cadence_unit, sizeof r.cadence_unit, "spm");
	}
	r.rec.stride_m = isfinite(f->stride_m) ? f->stride_m : r.rec.stride_m;
	r.rec.temperature_c = isfinite(f->temperature_c) ? f->temperature_c : r.rec.temperature_c;
	r.rec.heart_rate_bpm = isfinite(f->heart_rate_bpm) ? f->heart_rate_bpm : r.rec.heart_rate_bpm;
	r.rec.records = f->records;
	memcpy(r.rec.sport, f->sport, sizeof r.rec.sport);
	memcpy(r.rec.source_file, f->source_file, sizeof r.rec.source_file);
	memcpy(r.rec.source_sha256, f->source_sha256, sizeof r.rec.source_sha256);
	if ((rc = check_run(&r, err)))
		return rc;
	struct merge m = {.r = &r};
	unsigned char *route = NULL;
	if (ntrack && (rc = jr_track_pack(track, ntrack, &route, &m.nroute, err)))
		return rc;
	m.route = route;
	rc = jr_transaction(j, merge_body, &m, err);
	free(route);
	return rc;
}

nf_err nf_journal_delete_run(nf_journal *j, int64_t id, nf_error *err)
{
	return jr_delete_by_id(j, "DELETE FROM runs WHERE id = ?", "run", id, "deleting a run", err);
}

nf_err nf_journal_each_run(nf_journal *j, size_t limit, nf_journal_run_fn fn, void *ctx,
			   nf_error *err)
{
	nf_journal_run r;
	nf_error_clear(err); /* so that an error set by fn can be told from a stale one */
	sqlite3_stmt *st = jr_prepare(j,
		"SELECT * FROM (" RUN_SELECT "ORDER BY r.start_time DESC, r.id DESC LIMIT ?)"
		" ORDER BY 2, 1", err);
	if (!st)
		return err ? err->code : NF_EDB;
	sqlite3_bind_int64(st, 1, limit ? (sqlite3_int64)limit : -1);
	nf_err rc = NF_OK;
	int s;
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		read_run(st, &r);
		int stop = fn(&r, ctx);
		if (stop) {
			if (!err || err->code == NF_OK)
				nf_error_set(err, NF_EINVAL, "listing runs stopped early (%d)", stop);
			rc = err ? err->code : NF_EINVAL;
			break;
		}
	}
	if (!rc && s != SQLITE_DONE)
		rc = jr_db_error(j, err, "listing runs");
	sqlite3_finalize(st);
	return rc;
}

struct run_list {
	nf_journal_run *v;
	size_t len, cap;
	nf_error *err;
};

static int collect_run(const nf_journal_run *r, void *ctx)
{
	struct run_list *l = ctx;
	if (l->len == l->cap) {
		size_t ncap = l->cap ? l->cap * 2 : 16;
		nf_journal_run *p = core_realloc(l->v, ncap * sizeof *p);
		if (!p) {
			nf_error_set(l->err, NF_ENOMEM, "out of memory listing runs");
			return 1;
		}
		l->v = p;
		l->cap = ncap;
	}
	l->v[l->len++] = *r;
	return 0;
}

nf_err nf_journal_list_runs(nf_journal *j, size_t limit, nf_journal_run **out, size_t *n,
			    nf_error *err)
{
	nf_error local;
	struct run_list l = {.err = err ? err : &local};
	nf_error_clear(l.err);
	*out = NULL;
	*n = 0;
	nf_err rc = nf_journal_each_run(j, limit, collect_run, &l, l.err);
	if (rc) {
		free(l.v);
		return rc;
	}
	*out = l.v;
	*n = l.len;
	return NF_OK;
}

void nf_journal_run_list_free(nf_journal_run *list)
{
	free(list);
}
