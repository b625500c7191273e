/* numbfoot journal: episodes of numbness, each on one run. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journal/journal_priv.h"
#include "core/text.h"
#include "numbfoot/date.h"

void nf_episode_init(nf_episode *e)
{
	memset(e, 0, sizeof *e);
	e->onset_km = NAN;
	e->onset_min = NAN;
	e->side = NF_SIDE_UNKNOWN;
	e->foot = NF_FOOT_UNKNOWN;
	e->severity = -1;
	e->recover_min = NAN;
	e->calf_cramp_first = -1;
	e->loosening_helped = -1;
}

static nf_err check_episode(const nf_episode *e, nf_error *err)
{
	if (e->severity < -1 || e->severity > 10)
		return nf_error_set(err, NF_EINVAL, "severity %d is not between 0 and 10", e->severity);
	if (!jr_unknown_or_nonneg(e->onset_km))
		return nf_error_set(err, NF_EINVAL, "onset distance must be 0 km or more");
	if (!jr_unknown_or_nonneg(e->onset_min))
		return nf_error_set(err, NF_EINVAL, "onset time must be 0 minutes or more");
	if (!jr_unknown_or_nonneg(e->recover_min))
		return nf_error_set(err, NF_EINVAL, "recovery time must be 0 minutes or more");
	if (e->recover_min > NF_JOURNAL_RECOVER_MAX_MIN)
		return nf_error_set(err, NF_EINVAL, "recovery time must be at most %d minutes (30 days)",
				    NF_JOURNAL_RECOVER_MAX_MIN);
	if (e->locations >> NF_LOCATION_COUNT)
		return nf_error_set(err, NF_EINVAL, "unknown location in the set");
	if (e->side != NF_SIDE_UNKNOWN && e->side != NF_SIDE_ONE && e->side != NF_SIDE_BOTH)
		return nf_error_set(err, NF_EINVAL, "side must be one or both");
	if (e->foot != NF_FOOT_UNKNOWN && e->foot != NF_FOOT_LEFT && e->foot != NF_FOOT_RIGHT &&
	    e->foot != NF_FOOT_BOTH)
		return nf_error_set(err, NF_EINVAL, "foot must be left, right or both");
	if (e->foot == NF_FOOT_BOTH && e->side == NF_SIDE_ONE)
		return nf_error_set(err, NF_EINVAL, "both feet are not one foot");
	if (e->foot != NF_FOOT_UNKNOWN && e->side != NF_SIDE_UNKNOWN && nf_foot_side(e->foot) != e->side)
		return nf_error_set(err, NF_EINVAL, "the %s foot is one foot, not both feet", nf_foot_name(e->foot));
	if (e->not_back != 0 && e->not_back != 1)
		return nf_error_set(err, NF_EINVAL, "not back must be 1 or 0");
	if (e->not_back && isfinite(e->recover_min))
		return nf_error_set(err, NF_EINVAL,
				    "feeling either came back after a number of minutes or has not come back yet: not both");
	if (e->calf_cramp_first < -1 || e->calf_cramp_first > 1 || e->loosening_helped < -1 ||
	    e->loosening_helped > 1)
		return nf_error_set(err, NF_EINVAL, "a yes/no answer must be 1, 0 or -1 (unknown)");
	if (memchr(e->notes, '\0', sizeof e->notes) == NULL)
		return nf_error_set(err, NF_ELIMIT, "episode notes are not terminated");
	return core_utf8_check("notes", e->notes, err);
}

/* Binds the fields of e to parameters 1..12 in the column order of INSERT and UPDATE below. Foot
 * and side say the same where they overlap: a known foot with an unknown side stores the foot's
 * side, and both feet without a foot stores both as the foot (as schema 5 did for older rows). */
static void bind_episode(sqlite3_stmt *st, const nf_episode *e)
{
	char locs[256];
	jr_locations_text(e->locations, locs, sizeof locs);
	sqlite3_bind_int64(st, 1, e->run_id);
	jr_bind_real(st, 2, e->onset_km);
	jr_bind_real(st, 3, e->onset_min);
	sqlite3_bind_text(st, 4, locs, -1, SQLITE_TRANSIENT);
	jr_bind_text(st, 5, nf_side_name(e->side != NF_SIDE_UNKNOWN ? e->side : nf_foot_side(e->foot)));
	jr_bind_tri(st, 6, e->severity);
	jr_bind_real(st, 7, e->recover_min);
	jr_bind_tri(st, 8, e->calf_cramp_first);
	jr_bind_tri(st, 9, e->loosening_helped);
	jr_bind_text(st, 10, e->notes);
	jr_bind_text(st, 11, nf_foot_name(e->foot != NF_FOOT_UNKNOWN ? e->foot
					  : e->side == NF_SIDE_BOTH ? NF_FOOT_BOTH : NF_FOOT_UNKNOWN));
	sqlite3_bind_int(st, 12, e->not_back);
}

nf_err jr_onset_fits(int64_t run_id, double onset_km, double onset_min, double dist_m, double dur_s,
		     nf_error *err)
{
	/* A metre and a second of slack: a distance typed to 2 decimals, a time to the minute. A run
	 * not yet stored (run_id 0) has no number the runner could look up: it is "this run". */
	if (isfinite(onset_km) && isfinite(dist_m) && onset_km * 1000 > dist_m + 1) {
		/* Metres where two decimals would show the two as equal ("9.98 km past 9.98 km"). */
		int dp = llround(onset_km * 100) == llround(dist_m / 10) ? 3 : 2;
		if (!run_id)
			return nf_error_set(err, NF_EINVAL, "an onset at %.*f km is past the end of this %.*f km run",
					    dp, onset_km, dp, dist_m / 1000);
		return nf_error_set(err, NF_EINVAL, "an onset at %.*f km is past the end of run %lld (%.*f km)",
				    dp, onset_km, (long long)run_id, dp, dist_m / 1000);
	}
	if (isfinite(onset_min) && isfinite(dur_s) && dur_s > 0 && onset_min * 60 > dur_s + 1) {
		char dur[32];
		nf_duration_text(dur_s, dur, sizeof dur);
		if (!run_id)
			return nf_error_set(err, NF_EINVAL, "an onset at %.0f min is past the end of this run of %s",
					    onset_min, dur);
		return nf_error_set(err, NF_EINVAL, "an onset at %.0f min is past the end of run %lld (%s long)",
				    onset_min, (long long)run_id, dur);
	}
	return NF_OK;
}

/* The run's end: its distance in metres and its longer duration (elapsed or moving) in seconds,
 * NaN when unknown. */
struct run_end {
	double dist_m, dur_s;
};

static bool read_run_end(sqlite3_stmt *st, void *dst)
{
	struct run_end *e = dst;
	double moving = jr_col_real(st, 1), elapsed = jr_col_real(st, 2);
	e->dist_m = jr_col_real(st, 0);
	e->dur_s = jr_run_duration(moving, elapsed);
	return true;
}

/* Fails with NF_ENOTFOUND naming the run when it does not exist, and with NF_EINVAL when e's
 * onset falls past the run's end. */
static nf_err run_holds(nf_journal *j, const nf_episode *e, nf_error *err)
{
	struct run_end end;
	nf_err rc = jr_get_by_id(j, "SELECT distance_m, moving_s, elapsed_s FROM runs WHERE id = ?",
				 e->run_id, read_run_end, &end, "run", "finding the run", err);
	if (rc)
		return rc;
	return jr_onset_fits(e->run_id, e->onset_km, e->onset_min, end.dist_m, end.dur_s, err);
}

nf_err jr_insert_episode(nf_journal *j, nf_episode *e, nf_error *err)
{
	nf_err rc = check_episode(e, err);
	if (rc)
		return rc;
	rc = run_holds(j, e, err);
	if (rc)
		return rc;
	sqlite3_stmt *st = jr_prepare(j,
		"INSERT INTO episodes(run_id, onset_km, onset_min, locations, side, severity,"
		" recover_min, calf_cramp_first, loosening_helped, notes, foot, not_back)"
		" VALUES(?,?,?,?,?,?,?,?,?,?,?,?)", err);
	if (st)
		bind_episode(st, e);
	rc = jr_step_done(j, st, "adding an episode", err);
	if (!rc)
		e->id = sqlite3_last_insert_rowid(j->db);
	return rc;
}

static nf_err add_episode_body(nf_journal *j, void *ctx, nf_error *err)
{
	return jr_insert_episode(j, ctx, err);
}

nf_err nf_journal_add_episode(nf_journal *j, nf_episode *e, nf_error *err)
{
	int64_t old_id = e->id;
	nf_err rc = check_episode(e, err);
	if (rc)
		return rc;
	rc = jr_transaction(j, add_episode_body, e, err);
	if (rc)
		e->id = old_id; /* the id of a row that was rolled back means nothing */
	return rc;
}

#define EPISODE_SELECT \
	"SELECT e.id, e.run_id, e.onset_km, e.onset_min, e.locations, e.side, e.severity," \
	" e.recover_min, e.calf_cramp_first, e.loosening_helped, e.notes, e.foot, e.not_back FROM episodes e "

static bool read_episode(sqlite3_stmt *st, void *dst)
{
	nf_episode *e = dst;
	nf_episode_init(e);
	e->id = sqlite3_column_int64(st, 0);
	e->run_id = sqlite3_column_int64(st, 1);
	e->onset_km = jr_col_real(st, 2);
	e->onset_min = jr_col_real(st, 3);
	/* An unknown word (from a newer vocabulary) is dropped rather than failing the read. */
	const char *locs = (const char *)sqlite3_column_text(st, 4);
	for (const char *p = locs; p && *p;) {
		const char *c = strchr(p, ',');
		size_t len = c ? (size_t)(c - p) : strlen(p);
		char w[32];
		if (len < sizeof w) {
			memcpy(w, p, len);
			w[len] = '\0';
			int i = nf_location_index(w);
			if (i >= 0)
				e->locations |= 1u << i;
		}
		p = c ? c + 1 : p + len;
	}
	const char *side = (const char *)sqlite3_column_text(st, 5);
	e->side = !side ? NF_SIDE_UNKNOWN : !strcmp(side, "both") ? NF_SIDE_BOTH : NF_SIDE_ONE;
	e->severity = (int)jr_col_int(st, 6, -1);
	e->recover_min = jr_col_real(st, 7);
	e->calf_cramp_first = (int)jr_col_int(st, 8, -1);
	e->loosening_helped = (int)jr_col_int(st, 9, -1);
	jr_col_text(st, 10, e->notes, sizeof e->notes);
	int foot = nf_foot_parse((const char *)sqlite3_column_text(st, 11));
	e->foot = foot < 0 ? NF_FOOT_UNKNOWN : (nf_foot)foot;
	e->not_back = sqlite3_column_int(st, 12) == 1;
	return true;
}

nf_err nf_journal_get_episode(nf_journal *j, int64_t id, nf_episode *out, nf_error *err)
{
	return jr_get_by_id(j, EPISODE_SELECT "WHERE e.id = ?", id, read_episode, out, "episode",
			    "reading an episode", err);
}

nf_err nf_journal_list_episodes(nf_journal *j, int64_t run_id, nf_episode **out, size_t *n,
				nf_error *err)
{
	sqlite3_stmt *st = jr_prepare(j, EPISODE_SELECT "JOIN runs r ON r.id = e.run_id"
					  " WHERE ? = 0 OR e.run_id = ?"
					  " ORDER BY r.start_time, r.id, e.id", err);
	if (st) {
		sqlite3_bind_int64(st, 1, run_id);
		sqlite3_bind_int64(st, 2, run_id);
	}
	void *list;
	nf_err rc = jr_read_all(j, st, read_episode, NULL, sizeof **out, &list, n, "episodes", err);
	*out = list;
	return rc;
}

void nf_episode_list_free(nf_episode *list)
{
	free(list);
}

static nf_err update_episode_body(nf_journal *j, void *ctx, nf_error *err)
{
	const nf_episode *e = ctx;
	nf_err rc = run_holds(j, e, err);
	if (rc)
		return rc;
	sqlite3_stmt *st = jr_prepare(j,
		"UPDATE episodes SET run_id = ?, onset_km = ?, onset_min = ?, locations = ?, side = ?,"
		" severity = ?, recover_min = ?, calf_cramp_first = ?, loosening_helped = ?, notes = ?,"
		" foot = ?, not_back = ? WHERE id = ?", err);
	if (st) {
		bind_episode(st, e);
		sqlite3_bind_int64(st, 13, e->id);
	}
	return jr_step_change(j, st, "episode", e->id, "updating an episode", err);
}

nf_err nf_journal_update_episode(nf_journal *j, const nf_episode *e, nf_error *err)
{
	nf_err rc = check_episode(e, err);
	if (rc)
		return rc;
	/* The body only reads e: the cast drops const to pass it through ctx. */
	return jr_transaction(j, update_episode_body, (void *)e, err);
}

nf_err nf_journal_delete_episode(nf_journal *j, int64_t id, nf_error *err)
{
	return jr_delete_by_id(j, "DELETE FROM episodes WHERE id = ?", "episode", id,
			       "deleting an episode", err);
}
