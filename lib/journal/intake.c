/* numbfoot journal: storing the runs a watch file or an export gave, the same way for the command
 * and the page. Only the journal's public calls are used: the rules here are about which run gets
 * which gear and what counts as already stored, not about SQL. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/alloc.h"
#include "core/text.h"
#include "numbfoot/text.h"
#include "numbfoot/journal.h"

#define INTAKE_MADE_MAX 64 /* pairs an export's gear column names, made as they come */

struct nf_intake {
	nf_journal *j;
	nf_intake_opts o;
	struct {
		int64_t id, first; /* the pair made; the start of its earliest run (-1: none yet) */
	} made[INTAKE_MADE_MAX];
	size_t nmade;
};

void nf_intake_opts_init(nf_intake_opts *o)
{
	memset(o, 0, sizeof *o);
	o->shoes = -1;
	o->insoles = -1;
	o->keep_route = true;
}

nf_err nf_intake_open(nf_journal *j, const nf_intake_opts *o, nf_intake **out, nf_error *err)
{
	*out = NULL;
	if (!j || !o)
		return nf_error_set(err, NF_EINVAL, "intake: no journal or options");
	nf_intake *in = core_calloc(1, sizeof *in);
	if (!in)
		return nf_error_set(err, NF_ENOMEM, "intake: out of memory");
	in->j = j;
	in->o = *o;
	*out = in;
	return NF_OK;
}

/* The shoes an export's gear column names: the journal's pair of that nickname, else a new one
 * (*made set); 0 when it cannot be had (insoles of that name, a name the journal refuses), with
 * why in *note, since the run then silently took another pair. */
static int64_t shoes_named(nf_intake *in, const char *raw, int64_t start, bool *made, nf_error *note)
{
	nf_gear g;
	int64_t id = 0;
	/* An export's CSV may be in another encoding (Windows-1252) or cut mid-letter: the name is
	 * looked up and made with U+FFFD for each stray byte, as the journal stores only UTF-8, so
	 * that the runs still get their pair. */
	char *fixed = nf_utf8_repair(raw), name[NF_JOURNAL_NAME_MAX];
	if (!fixed)
		return 0;
	/* A CSV cell's spaces at either end are not the name's (the journal refuses them in one). */
	const char *b = fixed;
	while (*b == ' ')
		b++;
	core_utf8_copy(name, sizeof name, b);
	free(fixed);
	for (size_t n = strlen(name); n && name[n - 1] == ' ';)
		name[--n] = '\0';
	if (!name[0])
		return 0;
	if (!nf_journal_find_gear(in->j, name, &g, NULL)) {
		if (g.kind == NF_GEAR_SHOES)
			id = g.id;
		else
			nf_error_set(note, NF_EINVAL,
				     "the export's gear column names '%s', which are insoles in the journal, not shoes: "
				     "the run has the shoes in service on its day",
				     name);
	} else if (in->nmade < INTAKE_MADE_MAX) {
		nf_gear_init(&g, NF_GEAR_SHOES);
		snprintf(g.nickname, sizeof g.nickname, "%s", name);
		nf_error why = {0};
		if (nf_journal_add_gear(in->j, &g, &why)) {
			/* Strava's "none" is no pair, as an empty cell is: nothing to say. */
			if (!strcasecmp(name, "none"))
				return 0;
			nf_error_set(note, NF_EINVAL,
				     "the export's gear column names shoes the journal cannot store (%s): the run has "
				     "the shoes in service on its day",
				     why.msg);
			return 0;
		}
		in->made[in->nmade].id = g.id;
		in->made[in->nmade].first = -1;
		in->nmade++;
		*made = true;
		id = g.id;
	}
	for (size_t i = 0; i < in->nmade; i++)
		if (in->made[i].id == id && start >= 0 && (in->made[i].first < 0 || start < in->made[i].first))
			in->made[i].first = start;
	return id;
}

/* A write of one run that failed: a value out of range (NF_EINVAL) is this run's fault, and the
 * next may be fine, so the run is refused with why and the intake goes on (NF_OK); any other fault
 * is the intake's, copied to err and returned. */
static nf_err refused_or_failed(nf_err e, const nf_error *why, nf_intake_run *res, nf_error *err)
{
	if (e == NF_EINVAL) {
		res->status = NF_INTAKE_REFUSED;
		res->refused = *why;
		return NF_OK;
	}
	if (err)
		*err = *why;
	return e;
}

nf_err nf_intake_store(nf_intake *in, const nf_run_record *rec, const nf_track_point *route, size_t nroute,
		       const char *gear, nf_intake_run *res, nf_error *err)
{
	nf_journal_run r;
	memset(res, 0, sizeof *res);
	nf_journal_run_init(&r);
	r.rec = *rec;
	if (isfinite(r.rec.cadence_spm))
		snprintf(r.cadence_unit, sizeof r.cadence_unit, "spm");
	/* Neither a distance nor any time (a track of one point, a recording stopped at once): nothing
	 * was run, and stored it would count among the runs without numbness. The reader keeps such a
	 * record (its fields are read all the same); the journal does not take it. */
	if (!isfinite(rec->distance_m) && !(rec->elapsed_s > 0) && !(rec->moving_s > 0)) {
		res->status = NF_INTAKE_REFUSED;
		nf_error_set(&res->refused, NF_EINVAL, "no distance and no time (a single point?): nothing to store as a run");
		return NF_OK;
	}

	/* The file itself, or the same activity from another file (its FIT and its TCX): one run. */
	int64_t known = 0, same = 0;
	nf_err e = nf_journal_find_source(in->j, r.rec.source_sha256, &known, err);
	if (e)
		return e;
	if (known) {
		res->status = NF_INTAKE_DUPLICATE;
		res->run_id = known;
		return NF_OK;
	}
	if ((e = nf_journal_find_same_run(in->j, &r.rec, &same, err)))
		return e;
	if (same) {
		res->status = NF_INTAKE_SAME_RUN;
		res->run_id = same;
		return NF_OK;
	}
	/* A run typed by hand before the watch's file came: storing the file's too would count the
	 * run twice (and halve the rate of numbness on the typed run's episodes). The typed run is
	 * kept, with its episodes, and takes the file's measures with --merge; otherwise the person
	 * can delete it and import again to have the file's run instead. */
	if ((e = nf_journal_find_like_run(in->j, &r.rec, true, &same, err)))
		return e;
	if (same && in->o.merge) {
		/* The typed run keeps its episodes and takes the file's measures and route. */
		nf_error why = {0};
		e = nf_journal_merge_file(in->j, same, &r.rec, in->o.keep_route ? route : NULL,
					  in->o.keep_route ? nroute : 0, &why);
		res->run_id = same;
		if (e)
			return refused_or_failed(e, &why, res, err);
		res->status = NF_INTAKE_MERGED;
		return NF_OK;
	}
	if (same) {
		res->status = NF_INTAKE_TYPED_RUN;
		res->run_id = same;
		return NF_OK;
	}
	/* A run whose time overlaps one stored (a recording cut short, imported before the whole
	 * file; two watches' files of one run that differ by more than the same-run rule allows): a
	 * person runs one run at a time, and both kept would count its kilometres twice in the shoes'
	 * wear and the week's distance. Refused, naming the stored run, as a run typed over another
	 * is (nf_journal_find_clash). */
	bool overlap = false;
	if ((e = nf_journal_find_clash(in->j, &r.rec, 0, &same, &overlap, err)))
		return e;
	if (same) {
		nf_journal_run o;
		char from[NF_RUN_SOURCE_MAX + 32] = "typed by hand";
		if (!nf_journal_get_run(in->j, same, &o, NULL) && o.rec.source_file[0])
			snprintf(from, sizeof from, "imported from %s", o.rec.source_file);
		res->status = NF_INTAKE_REFUSED;
		res->run_id = same;
		nf_error_set(&res->refused, NF_EINVAL,
			     "its time overlaps run %lld (%s): a person runs one run at a time, so one of the two "
			     "is not the whole run; to keep this file's instead, delete run %lld ('numbfoot run "
			     "delete %lld') and import it again",
			     (long long)same, from, (long long)same, (long long)same);
		return NF_OK;
	}

	/* Without gear given, each run gets the pair in service on its date, or none: a pair bought
	 * today did not run a race in 2014. An export's gear column names the shoes when none were
	 * given. */
	r.shoes_id = in->o.shoes;
	r.insoles_id = in->o.insoles;
	if (in->o.shoes < 0 && nf_journal_gear_on(in->j, NF_GEAR_SHOES, r.rec.start_time, &r.shoes_id, NULL))
		r.shoes_id = 0;
	if (in->o.insoles < 0 && nf_journal_gear_on(in->j, NF_GEAR_INSOLES, r.rec.start_time, &r.insoles_id, NULL))
		r.insoles_id = 0;
	if (gear && *gear && in->o.shoes < 0) {
		int64_t named = shoes_named(in, gear, r.rec.start_time, &res->made_shoes, &res->gear_note);
		if (named)
			r.shoes_id = named;
	}

	nf_error why = {0};
	e = nf_journal_add_run_track(in->j, &r, NULL, 0, in->o.keep_route ? route : NULL,
				     in->o.keep_route ? nroute : 0, &res->crossed, &why);
	if (e == NF_EEXIST) { /* stored between the look-up and the insert */
		res->status = NF_INTAKE_DUPLICATE;
		nf_journal_find_source(in->j, r.rec.source_sha256, &res->run_id, NULL);
		return NF_OK;
	}
	if (e)
		return refused_or_failed(e, &why, res, err);
	res->status = NF_INTAKE_STORED;
	res->run_id = r.id;
	res->shoes_id = r.shoes_id;
	return NF_OK;
}

void nf_intake_words(const nf_intake_run *res, const char *name, char *buf, size_t cap)
{
	switch (res->status) {
	case NF_INTAKE_STORED:
		snprintf(buf, cap, "%s", "");
		break;
	case NF_INTAKE_DUPLICATE:
		snprintf(buf, cap, "%s: already in the journal as run %lld", name, (long long)res->run_id);
		break;
	case NF_INTAKE_SAME_RUN:
		snprintf(buf, cap, "%s: the same run as run %lld (a start within %d s, a distance within %.0f%%)", name,
			 (long long)res->run_id, NF_SAME_RUN_START_S, 100 * NF_SAME_RUN_DIST);
		break;
	case NF_INTAKE_REFUSED:
		snprintf(buf, cap, "%s: %s", name, res->refused.msg);
		break;
	case NF_INTAKE_TYPED_RUN:
		snprintf(buf, cap,
			 "%s: looks like run %lld, typed by hand (a start within %d min, a distance within "
			 "%.0f%%): that run is kept as it is, with its episodes ('numbfoot import --merge' "
			 "takes the file's measures and route into it)",
			 name, (long long)res->run_id, NF_LIKE_RUN_START_S / 60, 100 * NF_LIKE_RUN_DIST);
		break;
	case NF_INTAKE_MERGED:
		snprintf(buf, cap,
			 "%s: taken into run %lld, typed by hand: its episodes are kept, with the file's "
			 "measures and route",
			 name, (long long)res->run_id);
		break;
	}
}

nf_err nf_intake_close(nf_intake *in, nf_error *err)
{
	nf_err first = NF_OK;
	if (!in)
		return NF_OK;
	/* Pairs made from an export get their first use at their earliest run. */
	for (size_t i = 0; i < in->nmade; i++) {
		nf_gear g;
		char iso[32];
		if (in->made[i].first < 0 || nf_journal_get_gear(in->j, in->made[i].id, &g, NULL))
			continue;
		nf_time_iso(in->made[i].first, iso, sizeof iso);
		snprintf(g.first_use, sizeof g.first_use, "%.10s", iso);
		nf_err e = nf_journal_update_gear(in->j, &g, first ? NULL : err);
		if (e && !first)
			first = e;
	}
	free(in);
	return first;
}
