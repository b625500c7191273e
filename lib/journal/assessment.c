/* numbfoot journal: saved assessments, each the answers and result of one interview and whether
 * it ran to its end. */
#include <stdlib.h>
#include <string.h>

#include "journal/journal_priv.h"
#include "core/alloc.h"
#include "core/text.h"

struct add_assessment {
	const char *time, *answers, *result;
	bool complete;
	int64_t id;
};

static nf_err add_assessment_body(nf_journal *j, void *ctx, nf_error *err)
{
	struct add_assessment *a = ctx;
	sqlite3_stmt *st = jr_prepare(j, "INSERT INTO assessments(time, answers, result, complete) VALUES(?,?,?,?)",
				      err);
	if (st) {
		sqlite3_bind_text(st, 1, a->time, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, a->answers, -1, SQLITE_TRANSIENT);
		jr_bind_text(st, 3, a->result);
		sqlite3_bind_int(st, 4, a->complete);
	}
	nf_err rc = jr_step_done(j, st, "adding an assessment", err);
	/* The table's CHECK (json_valid(...)) constraints are what refuse the insert. */
	if (rc == NF_EINVAL)
		nf_error_set(err, NF_EINVAL, "an assessment's answers or result is not valid JSON");
	if (!rc)
		a->id = sqlite3_last_insert_rowid(j->db);
	return rc;
}

nf_err nf_journal_add_assessment(nf_journal *j, const char *time, const char *answers, const char *result,
				 bool complete, int64_t *id, nf_error *err)
{
	struct add_assessment a = {.time = time, .answers = answers, .result = result, .complete = complete};
	int64_t t;
	if (nf_time_parse_iso(time, &t))
		return nf_error_set(err, NF_EINVAL, "assessment time '%s' is not YYYY-MM-DDTHH:MM:SSZ",
				    time ? time : "");
	if (!answers)
		return nf_error_set(err, NF_EINVAL, "an assessment needs its answers");
	/* SQLite's json_valid does not look at the bytes inside strings; jansson, which reads the
	 * texts back for export and the page, refuses what is not UTF-8. */
	nf_err rc;
	if ((rc = core_utf8_check("answers", answers, err)) || (rc = core_utf8_check("result", result, err)))
		return rc;
	rc = jr_transaction(j, add_assessment_body, &a, err);
	/* Only once committed: a rolled-back id names no row. */
	if (!rc && id)
		*id = a.id;
	return rc;
}

#define SELECT_ASSESSMENT "SELECT id, time, complete, answers, result FROM assessments"

/* Copies the row's answers and result; false (owning nothing) when out of memory. */
static bool read_assessment(sqlite3_stmt *st, void *dst)
{
	nf_assessment *a = dst;
	const char *answers = (const char *)sqlite3_column_text(st, 3);
	const char *result = (const char *)sqlite3_column_text(st, 4);
	a->id = sqlite3_column_int64(st, 0);
	jr_col_text(st, 1, a->time, sizeof a->time);
	a->complete = sqlite3_column_int(st, 2) != 0;
	a->answers = core_strdup(answers ? answers : "{}");
	a->result = result ? core_strdup(result) : NULL;
	if (!a->answers || (result && !a->result)) {
		free(a->answers);
		free(a->result);
		a->answers = a->result = NULL;
		return false;
	}
	return true;
}

void nf_assessment_release(nf_assessment *a)
{
	if (!a)
		return;
	free(a->answers);
	free(a->result);
	a->answers = a->result = NULL;
}

static void release_assessment(void *elem)
{
	nf_assessment_release(elem);
}

nf_err nf_journal_list_assessments(nf_journal *j, nf_assessment **out, size_t *n, nf_error *err)
{
	sqlite3_stmt *st = jr_prepare(j, SELECT_ASSESSMENT " ORDER BY time, id", err);
	void *list;
	nf_err rc = jr_read_all(j, st, read_assessment, release_assessment, sizeof **out, &list, n,
				"assessments", err);
	*out = list;
	return rc;
}

void nf_assessment_list_free(nf_assessment *list, size_t n)
{
	for (size_t k = 0; list && k < n; k++)
		nf_assessment_release(&list[k]);
	free(list);
}

nf_err nf_journal_get_assessment(nf_journal *j, int64_t id, nf_assessment *out, nf_error *err)
{
	memset(out, 0, sizeof *out);
	return jr_get_by_id(j, SELECT_ASSESSMENT " WHERE id = ?", id, read_assessment, out, "assessment",
			    "reading an assessment", err);
}

nf_err nf_journal_delete_assessment(nf_journal *j, int64_t id, nf_error *err)
{
	nf_err rc = jr_delete_by_id(j, "DELETE FROM assessments WHERE id = ?", "assessment", id,
				    "deleting an assessment", err);
	if (rc)
		return rc;
	/* Answers about someone's health: the deleted row must not linger in the log either. */
	char why[256];
	if (!jr_wipe(j, false, why, sizeof why))
		return nf_error_set(err, NF_EDB, "%s: assessment %lld was deleted, but wiping it from the file "
				    "failed (%s); it is wiped when the last program using the journal closes it",
				    j->path, (long long)id, why);
	return NF_OK;
}
